"""The DuckDB store: the only code that writes SQL. One writer process per database file."""

from __future__ import annotations

import bisect
import json
import os
import secrets
import shutil
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from labkit.errors import StoreError
from labkit.records import (
    AnswerScore,
    FaceFrame,
    ProfileSnapshot,
    ProsodyWindow,
    QAPair,
    Requirement,
    Turn,
    Verdict,
    Word,
)
from labkit.store.migrations import MIGRATIONS, SESSION_TABLES

__all__ = ["DEFAULT_DB", "Store"]

DEFAULT_DB = Path("sessions") / "lab.duckdb"
EMOTIONS = ("angry", "disgust", "fear", "happy", "sad", "surprise", "neutral")


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def new_session_id() -> str:
    return _now().strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(2)


class Store:
    """A DuckDB file plus the per-session media folders beside it (``<db dir>/<session id>/``)."""

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_DB, *, read_only: bool = False):
        import duckdb

        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such database")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as e:
            if "lock" in str(e).lower():
                raise StoreError(
                    f"{self.path} is open in another process (DuckDB allows one writer); "
                    "stop it (e.g. `labkit serve`) or go through it"
                ) from None
            raise StoreError(f"{self.path}: cannot open database ({e})") from None
        if not read_only:
            self._migrate()

    # -- plumbing ---------------------------------------------------------------------------
    def view(self) -> Store:
        """Another handle on the same open database, for another thread (a DuckDB cursor)."""
        other = object.__new__(Store)
        other.path, other.read_only, other.con = self.path, self.read_only, self.con.cursor()
        return other

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing: a failure inside leaves no partial rows."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        else:
            self.con.execute("COMMIT")

    def _migrate(self) -> None:
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
        )
        done = {r[0] for r in self.con.execute("SELECT version FROM schema_migrations").fetchall()}
        for version, name, sql in MIGRATIONS:
            if version in done:
                continue
            with self.transaction():
                self.con.execute(sql)
                self.con.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, _now()]
                )

    @property
    def schema_version(self) -> int:
        row = self.con.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def session_dir(self, session_id: str) -> Path:
        return self.path.parent / session_id

    def _many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.con.executemany(sql, rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Read-only helper for apps and tests: rows as dicts."""
        cur = self.con.execute(sql, list(params))
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]

    # -- sessions ---------------------------------------------------------------------------
    def create_session(
        self,
        *,
        title: str = "",
        jd_text: str | None = None,
        mode: str = "standard",
        consent: dict[str, bool] | None = None,
        asr_model: str | None = None,
        options: dict[str, Any] | None = None,
        actor: str = "labkit",
    ) -> str:
        if mode not in ("standard", "emotion_off"):
            raise StoreError(f"unknown session mode {mode!r}; use 'standard' or 'emotion_off'")
        sid = new_session_id()
        with self.transaction():
            self.con.execute(
                "INSERT INTO sessions (session_id, title, status, created_at, jd_text, mode, "
                "consent, asr_model, options) VALUES (?, ?, 'created', ?, ?, ?, ?, ?, ?)",
                [
                    sid,
                    title,
                    _now(),
                    jd_text,
                    mode,
                    json.dumps(consent or {}),
                    asr_model,
                    json.dumps(options or {}, default=str),
                ],
            )
            self._audit(sid, actor, "create_session", {"title": title, "mode": mode})
        self.session_dir(sid).mkdir(parents=True, exist_ok=True)
        return sid

    def get_session(self, session_id: str) -> dict[str, Any]:
        rows = self.query("SELECT * FROM sessions WHERE session_id = ?", [session_id])
        if not rows:
            raise StoreError(f"no session {session_id!r} in {self.path}")
        return rows[0]

    def list_sessions(self) -> list[dict[str, Any]]:
        return self.query(
            "SELECT s.session_id, s.title, s.status, s.created_at, s.duration, s.mode, "
            "(SELECT count(*) FROM words w WHERE w.session_id = s.session_id) AS n_words, "
            "(SELECT count(*) FROM turns t WHERE t.session_id = s.session_id) AS n_turns "
            "FROM sessions s ORDER BY s.created_at"
        )

    def set_status(
        self,
        session_id: str,
        status: str,
        *,
        error: str | None = None,
        duration: float | None = None,
        actor: str = "labkit",
    ) -> None:
        stamp = {"running": "started_at", "complete": "ended_at", "failed": "ended_at"}.get(status)
        sets = ["status = ?", "error = ?"]
        args: list[Any] = [status, error]
        if stamp:
            sets.append(f"{stamp} = coalesce({stamp}, ?)")
            args.append(_now())
        if duration is not None:
            sets.append("duration = ?")
            args.append(duration)
        with self.transaction():
            self.con.execute(
                f"UPDATE sessions SET {', '.join(sets)} WHERE session_id = ?", [*args, session_id]
            )
            self._audit(session_id, actor, f"status:{status}", {"error": error} if error else None)

    def set_jd(self, session_id: str, jd_text: str, *, actor: str = "labkit") -> None:
        with self.transaction():
            self.con.execute(
                "UPDATE sessions SET jd_text = ? WHERE session_id = ?", [jd_text, session_id]
            )
            self._audit(session_id, actor, "set_jd", {"chars": len(jd_text)})

    def delete_session(self, session_id: str, *, actor: str = "labkit") -> None:
        """Remove every row of the session and its media folder; the audit log keeps the fact."""
        self.get_session(session_id)
        with self.transaction():
            for table in SESSION_TABLES:
                self.con.execute(f"DELETE FROM {table} WHERE session_id = ?", [session_id])
            self._audit(session_id, actor, "delete_session", None)
        self.con.execute("CHECKPOINT")  # so deleted rows leave the file, not just the WAL
        shutil.rmtree(self.session_dir(session_id), ignore_errors=True)

    def audit(self, session_id: str | None, actor: str, action: str, detail: Any = None) -> None:
        self._audit(session_id, actor, action, detail)

    def _audit(self, session_id: str | None, actor: str, action: str, detail: Any) -> None:
        self.con.execute(
            "INSERT INTO audit_log VALUES (?, ?, ?, ?, ?)",
            [
                _now(),
                session_id,
                actor,
                action,
                None if detail is None else json.dumps(detail, default=str),
            ],
        )

    def set_clock(self, session_id: str, epoch: float) -> None:
        self.con.execute(
            "UPDATE sessions SET clock_epoch = coalesce(clock_epoch, ?) WHERE session_id = ?",
            [epoch, session_id],
        )

    def save_engine_state(
        self, session_id: str, track: str, *, buf_start: int, done_until: float
    ) -> None:
        self.con.execute(
            "INSERT OR REPLACE INTO engine_state VALUES (?, ?, ?, ?)",
            [session_id, track, buf_start, done_until],
        )

    def engine_state(self, session_id: str) -> dict[str, tuple[int, float]]:
        rows = self.con.execute(
            "SELECT track, buf_start, done_until FROM engine_state WHERE session_id = ?",
            [session_id],
        ).fetchall()
        return {r[0]: (int(r[1]), float(r[2])) for r in rows}

    # -- media ------------------------------------------------------------------------------
    def add_track(
        self,
        session_id: str,
        track: str,
        *,
        kind: str,
        path: Path | str,
        sample_rate: int | None = None,
        fps: float | None = None,
        t0: float = 0.0,
        duration: float | None = None,
    ) -> None:
        self.con.execute(
            "INSERT OR REPLACE INTO media_tracks VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [session_id, track, kind, str(path), sample_rate, fps, t0, duration],
        )

    def tracks(self, session_id: str) -> list[dict[str, Any]]:
        return self.query(
            "SELECT * FROM media_tracks WHERE session_id = ? ORDER BY track", [session_id]
        )

    # -- speech -----------------------------------------------------------------------------
    def add_words(self, session_id: str, words: Iterable[Word]) -> None:
        self._many(
            "INSERT INTO words VALUES (?, ?, ?, ?, ?, ?)",
            [(session_id, w.speaker, w.t_start, w.t_end, w.text, w.prob) for w in words],
        )

    def add_turns(self, session_id: str, turns: Iterable[Turn]) -> None:
        self._many(
            "INSERT INTO turns VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (session_id, t.idx, t.speaker, t.t_start, t.t_end, t.text, t.is_question, t.overlap)
                for t in turns
            ],
        )

    def words(self, session_id: str, speaker: str | None = None) -> list[Word]:
        sql = "SELECT speaker, t_start, t_end, text, prob FROM words WHERE session_id = ?"
        args: list[Any] = [session_id]
        if speaker:
            sql += " AND speaker = ?"
            args.append(speaker)
        rows = self.con.execute(sql + " ORDER BY t_start, speaker", args).fetchall()
        return [Word(speaker=r[0], t_start=r[1], t_end=r[2], text=r[3], prob=r[4]) for r in rows]

    def turns(self, session_id: str) -> list[Turn]:
        """The session's turns, each with its words (those of its speaker that start inside it):
        the judgment quotes evidence with real word times and reads ASR confidence from them."""
        rows = self.con.execute(
            "SELECT idx, speaker, t_start, t_end, text, is_question, overlap FROM turns "
            "WHERE session_id = ? ORDER BY idx",
            [session_id],
        ).fetchall()
        by_speaker: dict[str, list[Word]] = {}
        for w in self.words(session_id):
            by_speaker.setdefault(w.speaker, []).append(w)
        starts = {s: [w.t_start for w in ws] for s, ws in by_speaker.items()}
        out, taken = [], dict.fromkeys(by_speaker, 0)
        for r in rows:
            ws, ts = by_speaker.get(r[1], []), starts.get(r[1], [])
            # the engine builds a turn from whole words: its span is first start .. last end
            a = max(bisect.bisect_left(ts, r[2] - 1e-6), taken.get(r[1], 0))
            b = max(a, bisect.bisect_right(ts, r[3] + 1e-6))
            taken[r[1]] = b
            out.append(
                Turn(
                    idx=r[0],
                    speaker=r[1],
                    t_start=r[2],
                    t_end=r[3],
                    text=r[4],
                    is_question=r[5],
                    overlap=r[6],
                    words=tuple(ws[a:b]),
                )
            )
        return out

    def set_turn_class(self, session_id: str, idx: int, *, is_question: bool) -> None:
        self.con.execute(
            "UPDATE turns SET is_question = ? WHERE session_id = ? AND idx = ?",
            [is_question, session_id, idx],
        )

    # -- judgment ---------------------------------------------------------------------------
    def set_requirements(
        self, session_id: str, reqs: Iterable[Requirement], *, edited_by: str | None = None
    ) -> None:
        """Replace the session's requirements (parsed, or re-weighted by a user)."""
        rows = [
            (
                session_id,
                r.name,
                r.category,
                r.weight,
                r.required,
                json.dumps(list(r.aliases)),
                r.min_years,
                r.source,
                edited_by,
            )
            for r in reqs
        ]
        with self.transaction():
            self.con.execute("DELETE FROM jd_requirements WHERE session_id = ?", [session_id])
            self._many("INSERT INTO jd_requirements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            if edited_by:
                self._audit(
                    session_id, edited_by, "reweight_requirements", {r[1]: r[3] for r in rows}
                )

    def requirements(self, session_id: str) -> list[Requirement]:
        rows = self.con.execute(
            "SELECT requirement, category, weight, required, aliases, min_years, source "
            "FROM jd_requirements WHERE session_id = ? ORDER BY weight DESC, requirement",
            [session_id],
        ).fetchall()
        return [
            Requirement(
                name=r[0],
                category=r[1],
                weight=r[2],
                required=r[3],
                aliases=tuple(json.loads(r[4] or "[]")),
                min_years=r[5],
                source=r[6] or "",
            )
            for r in rows
        ]

    def add_qa_pairs(self, session_id: str, pairs: Iterable[QAPair]) -> None:
        self._many(
            "INSERT INTO qa_pairs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    session_id,
                    p.idx,
                    p.question_turn,
                    list(p.answer_turns),
                    p.question,
                    p.answer,
                    p.q_start,
                    p.q_end,
                    p.a_start,
                    p.a_end,
                    p.kind,
                    p.link_confidence,
                )
                for p in pairs
            ],
        )

    def add_answer_scores(self, session_id: str, scores: Iterable[AnswerScore]) -> None:
        self._many(
            "INSERT INTO answer_scores VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    session_id,
                    s.qa_idx,
                    s.dimension,
                    s.score,
                    s.evidence,
                    s.t_start,
                    s.t_end,
                    s.requirement,
                )
                for s in scores
            ],
        )

    def add_profile_snapshots(self, session_id: str, snaps: Iterable[ProfileSnapshot]) -> None:
        self._many(
            "INSERT INTO profile_snapshots VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(session_id, s.t, s.after_qa, s.dimension, s.mean, s.sd, s.n) for s in snaps],
        )

    def add_verdicts(self, session_id: str, verdicts: Iterable[Verdict]) -> None:
        self._many(
            "INSERT INTO verdicts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    session_id,
                    v.t,
                    v.after_qa,
                    v.hire_probability,
                    v.low,
                    v.high,
                    json.dumps(v.label_probs),
                    json.dumps(list(v.risk_flags)),
                    v.is_final,
                    v.summary,
                )
                for v in verdicts
            ],
        )

    def record_decision(
        self, session_id: str, *, decision: str, author: str, comments: str = ""
    ) -> None:
        """The human's decision, kept beside the machine's verdict."""
        if decision not in ("no", "maybe", "yes"):
            raise StoreError("a decision is one of: no, maybe, yes")
        with self.transaction():
            self.con.execute(
                "INSERT INTO human_decisions VALUES (?, ?, ?, ?, ?)",
                [session_id, _now(), author, decision, comments],
            )
            self._audit(session_id, author, "human_decision", {"decision": decision})

    def add_annotation(
        self,
        session_id: str,
        *,
        label: str,
        author: str,
        t_start: float | None = None,
        t_end: float | None = None,
        value: float | None = None,
        note: str = "",
    ) -> None:
        self.con.execute(
            "INSERT INTO annotations VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [session_id, t_start, t_end, author, label, value, note, _now()],
        )

    # -- signals ----------------------------------------------------------------------------
    def add_face_frames(self, session_id: str, frames: Iterable[FaceFrame]) -> None:
        rows = []
        for f in frames:
            emo = f.emotions or {}
            rows.append(
                (
                    session_id,
                    f.t,
                    f.face_present,
                    list(f.box) if f.box else None,
                    [c for pt in f.landmarks for c in pt] if f.landmarks else None,
                    f.yaw,
                    f.pitch,
                    f.roll,
                    f.movement,
                    f.gaze_off,
                    *(emo.get(e) if f.emotions is not None else None for e in EMOTIONS),
                )
            )
        self._many(f"INSERT INTO face_frames VALUES ({', '.join('?' * 17)})", rows)

    def face_frames(
        self, session_id: str, t_start: float = float("-inf"), t_end: float = float("inf")
    ) -> list[FaceFrame]:
        rows = self.con.execute(
            "SELECT t, face_present, box, landmarks, yaw, pitch, roll, movement, gaze_off, "
            f"{', '.join(EMOTIONS)} FROM face_frames WHERE session_id = ? AND t BETWEEN ? AND ? "
            "ORDER BY t",
            [session_id, max(t_start, -1e9), min(t_end, 1e9)],
        ).fetchall()
        out = []
        for r in rows:
            lm = r[3]
            emo = None if r[9] is None else dict(zip(EMOTIONS, r[9:16], strict=True))
            out.append(
                FaceFrame(
                    t=r[0],
                    face_present=r[1],
                    box=tuple(r[2]) if r[2] else None,
                    landmarks=tuple(zip(lm[::2], lm[1::2], strict=True)) if lm else None,
                    yaw=r[4],
                    pitch=r[5],
                    roll=r[6],
                    movement=r[7],
                    gaze_off=r[8],
                    emotions=emo,
                )
            )
        return out

    def prosody_done(self, session_id: str) -> dict[str, float]:
        """Per speaker, the end of the last stored prosody window (resume point)."""
        rows = self.con.execute(
            "SELECT speaker, max(t_end) FROM prosody_windows WHERE session_id = ? "
            "AND scope = 'window' GROUP BY speaker",
            [session_id],
        ).fetchall()
        return {r[0]: float(r[1]) for r in rows}

    def add_prosody_windows(
        self, session_id: str, windows: Iterable[ProsodyWindow], *, scope: str = "window"
    ) -> None:
        self._many(
            "INSERT INTO prosody_windows VALUES (?, ?, ?, ?, ?, ?)",
            [
                (session_id, w.speaker, scope, w.t_start, w.t_end, json.dumps(w.features))
                for w in windows
            ],
        )

    def count(self, table: str, session_id: str) -> int:
        if table not in SESSION_TABLES:
            raise StoreError(f"unknown table {table!r}")
        row = self.con.execute(
            f"SELECT count(*) FROM {table} WHERE session_id = ?", [session_id]
        ).fetchone()
        return int(row[0]) if row else 0

    def clear_results(self, session_id: str, tables: Sequence[str]) -> None:
        """Drop derived rows before a re-analysis, so a session never holds two versions."""
        with self.transaction():
            for table in tables:
                if table not in SESSION_TABLES or table in ("sessions", "media_tracks"):
                    raise StoreError(f"cannot clear {table!r}")
                self.con.execute(f"DELETE FROM {table} WHERE session_id = ?", [session_id])
