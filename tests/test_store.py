"""The DuckDB store: migrations, transactions, single writer, deletion that deletes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from labkit.errors import StoreError
from labkit.records import Turn, Verdict, Word
from labkit.store import Store


def test_schema_v1_tables_and_idempotent_migrations(db: Path) -> None:
    with Store(db) as s:
        assert s.schema_version == 2
    with Store(db) as s:  # re-opening applies nothing twice
        assert s.query("SELECT count(*) AS n FROM schema_migrations")[0]["n"] == 2
        tables = {
            r["table_name"] for r in s.query("SELECT table_name FROM information_schema.tables")
        }
    assert {
        "sessions",
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
        "audit_log",
        "human_decisions",
    } <= tables


def test_speakers_are_exactly_interviewer_and_candidate(db: Path) -> None:
    with Store(db) as s:
        sid = s.create_session(title="t")
        with pytest.raises(duckdb.ConstraintException):
            s.add_words(sid, [Word("moderator", 0.0, 0.1, "hi")])  # type: ignore[arg-type]


def test_transaction_rolls_back_everything(db: Path) -> None:
    with Store(db) as s:
        sid = s.create_session()
        with pytest.raises(RuntimeError), s.transaction():
            s.add_words(sid, [Word("candidate", 0.0, 0.1, "hi")])
            raise RuntimeError("boom")
        assert s.count("words", sid) == 0


def test_stored_turns_carry_their_own_words(db: Path) -> None:
    """Each word goes to the one turn of its speaker that spans it, so a judgment re-run from
    the store quotes real word times and ASR confidences."""
    ws = [
        Word("interviewer", 0.0, 0.4, "Why", 0.9),
        Word("interviewer", 0.5, 0.9, "Kafka?", 0.8),
        Word("candidate", 0.7, 1.0, "Mm.", 0.5),  # overlaps the question
        Word("candidate", 1.2, 1.6, "I", 0.9),
        Word("candidate", 1.6, 2.0, "didn't.", 0.3),
        Word("candidate", 3.0, 3.4, "Next.", 0.7),
    ]
    turns = [
        Turn(0, "interviewer", 0.0, 0.9, "Why Kafka?"),
        Turn(1, "candidate", 0.7, 1.0, "Mm.", overlap=True),
        Turn(2, "candidate", 1.2, 2.0, "I didn't."),
        Turn(3, "candidate", 3.0, 3.4, "Next."),
    ]
    with Store(db) as s:
        sid = s.create_session()
        s.add_words(sid, ws)
        s.add_turns(sid, turns)
        got = s.turns(sid)
    assert [[w.text for w in t.words] for t in got] == [
        ["Why", "Kafka?"],
        ["Mm."],
        ["I", "didn't."],
        ["Next."],
    ]
    assert got[2].words[1].prob == pytest.approx(0.3)


def test_second_writer_process_gets_a_clear_error(db: Path) -> None:
    Store(db).close()
    code = (
        f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('locked', flush=True);"
        " time.sleep(30)"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreError, match="another process"):
            Store(db)
    finally:
        holder.kill()
        holder.wait()


def test_delete_removes_rows_and_media_and_is_audited(db: Path) -> None:
    with Store(db) as s:
        keep = s.create_session(title="keep")
        gone = s.create_session(title="gone")
        for sid in (keep, gone):
            s.add_words(sid, [Word("candidate", 0.0, 0.2, "secret")])
            s.add_turns(sid, [Turn(0, "candidate", 0.0, 0.2, "secret")])
            s.add_verdicts(sid, [Verdict(1.0, None, 0.5, 0.3, 0.7)])
        media = s.session_dir(gone) / "candidate.pcm"
        media.write_bytes(b"\0" * 100)
        s.delete_session(gone, actor="tester")
        assert not media.exists() and not s.session_dir(gone).exists()
        for table in ("words", "turns", "verdicts"):
            assert s.count(table, gone) == 0
            assert s.count(table, keep) == 1
        with pytest.raises(StoreError, match="no session"):
            s.get_session(gone)
        actions = [
            r["action"]
            for r in s.query("SELECT action FROM audit_log WHERE session_id = ?", [gone])
        ]
        assert actions[-1] == "delete_session"
        # nothing of the deleted session's text remains in the audit trail
        assert not s.query("SELECT * FROM audit_log WHERE detail LIKE '%secret%'")


def test_human_decision_kept_beside_machine_verdict(db: Path) -> None:
    with Store(db) as s:
        sid = s.create_session()
        s.record_decision(sid, decision="yes", author="ana", comments="strong systems answers")
        with pytest.raises(StoreError):
            s.record_decision(sid, decision="hire!", author="ana")
        assert s.query("SELECT decision FROM human_decisions WHERE session_id=?", [sid]) == [
            {"decision": "yes"}
        ]


def test_read_only_store_needs_an_existing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.duckdb", read_only=True)
