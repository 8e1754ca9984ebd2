"""Judge a written transcript: the same judgment stage and store rows as a recorded interview,
without audio (so no prosody, face or ASR)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from labkit.engine.analyze import _keep_sources, _mark_failed
from labkit.language.transcript import Transcript, assign_roles, transcript_turns
from labkit.store import Store

if TYPE_CHECKING:
    from labkit.judgment.session import JudgmentOptions

__all__ = ["analyze_transcript"]


def analyze_transcript(
    store: Store,
    transcript: Transcript,
    *,
    jd_text: str | None = None,
    title: str = "",
    candidate: str | None = None,
    interviewer: str | None = None,
    source: str | Path | None = None,
    options: JudgmentOptions | None = None,
) -> str:
    """Store a transcript's turns and judge them; returns the session id.

    Roles are settled before a session exists (see ``assign_roles``), so a transcript whose
    candidate cannot be told writes nothing. ``jd_text`` defaults to the transcript's own (JSON).
    ``options`` are the ``JudgmentOptions`` (default: those of written text, which keeps every
    filler). On any later failure the session is marked ``failed`` with the reason.
    """
    from labkit.judgment.session import JudgmentOptions
    from labkit.judgment.stage import JudgmentStage

    roles = assign_roles(
        transcript.speakers, transcript.lines, candidate=candidate, interviewer=interviewer
    )
    turns = transcript_turns(transcript.lines, roles)
    jd = jd_text if jd_text is not None else transcript.jd_text
    opts = options if options is not None else JudgmentOptions()
    sid = store.create_session(
        title=title,
        jd_text=jd,
        options={"source": "transcript", "roles": roles, "judgment": asdict(opts)},
    )
    try:
        if source is not None:
            _keep_sources(store, sid, (Path(source),), video=None)
        for w in transcript.warnings:
            store.audit(sid, "labkit", "transcript_warning", {"warning": w})
        store.set_status(sid, "running")
        with store.transaction():
            store.add_words(sid, [w for t in turns for w in t.words])
            store.add_turns(sid, turns)
        stage = JudgmentStage(options=opts)
        stage.on_jd(store, sid, jd or "")
        end = max(t.t_end for t in turns)
        stage.on_turns(store, sid, turns, watermark=end)
        stage.on_end(store, sid, end)
        store.set_status(sid, "complete", duration=end)
    except BaseException as e:
        _mark_failed(store, sid, e)
        raise
    return sid
