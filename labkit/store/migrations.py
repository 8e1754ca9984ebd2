"""Numbered schema migrations. Append new ones; never edit one that has shipped.

JSON-shaped values are stored as VARCHAR holding JSON so that no DuckDB extension has to be
loaded (autoloading one would reach for the network).
"""

from __future__ import annotations

__all__ = ["MIGRATIONS"]

_V1 = """
CREATE TABLE sessions (
    session_id   VARCHAR PRIMARY KEY,
    title        VARCHAR,
    status       VARCHAR NOT NULL,           -- created | running | complete | failed
    error        VARCHAR,
    created_at   TIMESTAMP NOT NULL,
    started_at   TIMESTAMP,
    ended_at     TIMESTAMP,
    jd_text      VARCHAR,
    mode         VARCHAR NOT NULL DEFAULT 'standard',   -- standard | emotion_off
    consent      VARCHAR,                    -- JSON {modality: bool}
    asr_model    VARCHAR,
    duration     DOUBLE,
    options      VARCHAR                     -- JSON of the hyper-parameters used
);
CREATE TABLE media_tracks (
    session_id   VARCHAR NOT NULL,
    track        VARCHAR NOT NULL,           -- interviewer | candidate | video | source:*
    kind         VARCHAR NOT NULL,           -- audio | video | source
    path         VARCHAR NOT NULL,
    sample_rate  INTEGER,
    fps          DOUBLE,
    t0           DOUBLE NOT NULL DEFAULT 0,
    duration     DOUBLE,
    PRIMARY KEY (session_id, track)
);
CREATE TABLE words (
    session_id   VARCHAR NOT NULL,
    speaker      VARCHAR NOT NULL CHECK (speaker IN ('interviewer', 'candidate')),
    t_start      DOUBLE NOT NULL,
    t_end        DOUBLE NOT NULL,
    text         VARCHAR NOT NULL,
    prob         DOUBLE
);
CREATE TABLE turns (
    session_id   VARCHAR NOT NULL,
    idx          INTEGER NOT NULL,
    speaker      VARCHAR NOT NULL CHECK (speaker IN ('interviewer', 'candidate')),
    t_start      DOUBLE NOT NULL,
    t_end        DOUBLE NOT NULL,
    text         VARCHAR NOT NULL,
    is_question  BOOLEAN NOT NULL DEFAULT FALSE,
    overlap      BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (session_id, idx)
);
CREATE TABLE jd_requirements (
    session_id   VARCHAR NOT NULL,
    requirement  VARCHAR NOT NULL,
    category     VARCHAR NOT NULL,
    weight       DOUBLE NOT NULL,
    required     BOOLEAN NOT NULL,
    aliases      VARCHAR,                    -- JSON list
    min_years    DOUBLE,
    source       VARCHAR,
    edited_by    VARCHAR                     -- NULL = as parsed; else who re-weighted it
);
CREATE TABLE qa_pairs (
    session_id      VARCHAR NOT NULL,
    idx             INTEGER NOT NULL,
    question_turn   INTEGER NOT NULL,
    answer_turns    INTEGER[],
    question        VARCHAR NOT NULL,
    answer          VARCHAR,
    q_start         DOUBLE,
    q_end           DOUBLE,
    a_start         DOUBLE,
    a_end           DOUBLE,
    kind            VARCHAR,
    link_confidence DOUBLE,
    PRIMARY KEY (session_id, idx)
);
CREATE TABLE answer_scores (
    session_id   VARCHAR NOT NULL,
    qa_idx       INTEGER NOT NULL,
    dimension    VARCHAR NOT NULL,
    score        DOUBLE NOT NULL,
    evidence     VARCHAR NOT NULL,
    t_start      DOUBLE,
    t_end        DOUBLE,
    requirement  VARCHAR
);
CREATE TABLE face_frames (
    session_id   VARCHAR NOT NULL,
    t            DOUBLE NOT NULL,
    face_present BOOLEAN NOT NULL,
    box          DOUBLE[],
    landmarks    DOUBLE[],
    yaw          DOUBLE,
    pitch        DOUBLE,
    roll         DOUBLE,
    movement     DOUBLE,
    gaze_off     DOUBLE,
    angry        DOUBLE,
    disgust      DOUBLE,
    fear         DOUBLE,
    happy        DOUBLE,
    sad          DOUBLE,
    surprise     DOUBLE,
    neutral      DOUBLE
);
CREATE TABLE prosody_windows (
    session_id   VARCHAR NOT NULL,
    speaker      VARCHAR NOT NULL CHECK (speaker IN ('interviewer', 'candidate')),
    scope        VARCHAR NOT NULL DEFAULT 'window',    -- window | answer
    t_start      DOUBLE NOT NULL,
    t_end        DOUBLE NOT NULL,
    features     VARCHAR NOT NULL                      -- JSON {name: value}
);
CREATE TABLE profile_snapshots (
    session_id   VARCHAR NOT NULL,
    t            DOUBLE NOT NULL,
    after_qa     INTEGER,
    dimension    VARCHAR NOT NULL,
    mean         DOUBLE NOT NULL,
    sd           DOUBLE NOT NULL,
    n            INTEGER
);
CREATE TABLE verdicts (
    session_id       VARCHAR NOT NULL,
    t                DOUBLE NOT NULL,
    after_qa         INTEGER,
    hire_probability DOUBLE NOT NULL,
    low              DOUBLE NOT NULL,
    high             DOUBLE NOT NULL,
    label_probs      VARCHAR,                -- JSON {no, maybe, yes}
    risk_flags       VARCHAR,                -- JSON list
    is_final         BOOLEAN NOT NULL DEFAULT FALSE,
    summary          VARCHAR
);
CREATE TABLE annotations (
    session_id   VARCHAR NOT NULL,
    t_start      DOUBLE,
    t_end        DOUBLE,
    author       VARCHAR,
    label        VARCHAR NOT NULL,
    value        DOUBLE,
    note         VARCHAR,
    created_at   TIMESTAMP NOT NULL
);
CREATE TABLE human_decisions (
    session_id   VARCHAR NOT NULL,
    decided_at   TIMESTAMP NOT NULL,
    author       VARCHAR,
    decision     VARCHAR NOT NULL,           -- no | maybe | yes
    comments     VARCHAR
);
CREATE TABLE audit_log (
    ts           TIMESTAMP NOT NULL,
    session_id   VARCHAR,
    actor        VARCHAR NOT NULL,
    action       VARCHAR NOT NULL,
    detail       VARCHAR
);
"""

_V2 = """
ALTER TABLE sessions ADD COLUMN clock_epoch DOUBLE;  -- epoch seconds of session time 0 (live)
CREATE TABLE engine_state (
    session_id   VARCHAR NOT NULL,
    track        VARCHAR NOT NULL,
    buf_start    BIGINT NOT NULL,   -- first raw-track sample not yet cut into utterances
    done_until   DOUBLE NOT NULL,   -- every word starting before this session time is stored
    PRIMARY KEY (session_id, track)
);
"""

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "initial schema", _V1),
    (2, "live clock and engine resume state", _V2),
)

# Tables that hold a session's data; deleting a session empties all of them for its id.
SESSION_TABLES: tuple[str, ...] = (
    "media_tracks",
    "words",
    "turns",
    "jd_requirements",
    "qa_pairs",
    "answer_scores",
    "face_frames",
    "prosody_windows",
    "profile_snapshots",
    "verdicts",
    "annotations",
    "human_decisions",
    "sessions",
)
