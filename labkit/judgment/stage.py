"""The judgment stage as the engine runs it: final turns in, judgment rows out.

It reads the JD into weighted requirements, pairs questions with answers, scores each answer with
its evidence, updates the profile (with prosody and face signals fused over time windows as weak
evidence), and writes a verdict after every answer plus a final one with its written summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from labkit.errors import InputError
from labkit.judgment.session import JudgmentOptions, JudgmentState, JudgmentUpdate
from labkit.language.scoring import ScoringOptions
from labkit.media.tracks import read_track
from labkit.records import JobSpec, ProsodyWindow, Turn, Word
from labkit.speech.fillers import ASR_FILLER_RECALL
from labkit.store import Store

__all__ = ["JudgmentStage"]

SR = 16_000


# The stage judges Whisper's words, which keep about a third of the fillers said.
ASR_JUDGMENT_OPTIONS = JudgmentOptions(scoring=ScoringOptions(filler_recall=ASR_FILLER_RECALL))


class JudgmentStage:
    """One per session. ``emotion=False`` (emotion-off mode) keeps facial emotion out of fusion.
    ``options`` default to ``ASR_JUDGMENT_OPTIONS`` (the judgment of ASR text)."""

    def __init__(
        self,
        *,
        emotion: bool = True,
        options: JudgmentOptions | None = None,
        fusion_config: Any = None,
    ) -> None:
        self.emotion = emotion
        self.options = options or ASR_JUDGMENT_OPTIONS
        self.fusion_config = fusion_config
        self.state: JudgmentState | None = None
        self.jd_text: str | None = None
        self.prosody_done: dict[str, float] = {}
        self.toggles: list[tuple[bool, float]] = []
        self._store: Store | None = None
        self._sid = ""
        self._frames: dict[tuple[float, float], Any] = {}

    # -- set-up -----------------------------------------------------------------------------
    def _ensure(self, store: Store, session_id: str) -> JudgmentState:
        self._store, self._sid = store, session_id
        if self.state is None:
            jd = store.get_session(session_id).get("jd_text") or ""
            self.jd_text = jd
            spec = self._jobspec(store, session_id, jd)
            self.state = JudgmentState(
                spec, options=self.options, side_evidence=self._side_evidence
            )
            for on, t in self.toggles:
                self.state.set_profiling(on, t=t)
            if store.count("qa_pairs", session_id):
                # a restarted engine: rebuild the state from the stored turns, writing nothing
                # (those rows are already in the store)
                self.state.update(store.turns(session_id))
                self.prosody_done = store.prosody_done(session_id)
        return self.state

    def _jobspec(self, store: Store, session_id: str, jd: str) -> JobSpec:
        from labkit.language.jd import parse_jd

        stored = store.requirements(session_id)
        if stored:  # parsed before, maybe re-weighted by the user: the stored weights rule
            return JobSpec(title="", requirements=tuple(stored), text=jd)
        try:
            spec = parse_jd(jd) if jd.strip() else JobSpec(title="", requirements=())
        except InputError as e:
            store.audit(session_id, "labkit", "jd_rejected", {"reason": str(e)})
            spec = JobSpec(title="", requirements=(), warnings=(str(e),))
        store.set_requirements(session_id, spec.requirements)
        for w in spec.warnings:
            store.audit(session_id, "labkit", "jd_warning", {"warning": w})
        return spec

    def warm_up(self) -> None:
        """Load the sentence embedder and spaCy now (10-20 s on a laptop), not mid-interview."""
        from labkit.language.nlp import get_embedder, load_spacy

        get_embedder(self.options.device)
        load_spacy()

    # -- engine protocol --------------------------------------------------------------------
    def on_jd(self, store: Store, session_id: str, text: str) -> None:
        """A JD arrived (or changed): read it now, so ASR can be biased toward its skills.

        A changed JD re-judges what was said so far against the new requirements.
        """
        if self.state is not None and text == self.jd_text:
            return
        if self.state is not None or store.count("qa_pairs", session_id):
            store.set_requirements(session_id, [])
            store.clear_results(
                session_id, ["qa_pairs", "answer_scores", "profile_snapshots", "verdicts"]
            )
            self.state = None
            store.audit(session_id, "labkit", "rejudge_after_jd_change", None)
            state = self._ensure(store, session_id)
            self._write(store, session_id, state.update(store.turns(session_id)))
        else:
            self._ensure(store, session_id)

    def on_turns(
        self,
        store: Store,
        session_id: str,
        turns: Sequence[Turn],
        *,
        watermark: float,
        onsets: dict[str, float | None] | None = None,
    ) -> list[tuple[str, Any]]:
        state = self._ensure(store, session_id)
        # the interviewer started talking after the candidate's last turn: that answer is over
        floor = (onsets or {}).get("interviewer")
        closed = (
            bool(turns)
            and turns[-1].speaker == "candidate"
            and (floor is not None and floor > turns[-1].t_end)
        )
        return self._write(store, session_id, state.update(turns, answer_closed=closed))

    def prepare(self, store: Store, session_id: str, turns: Sequence[Turn]) -> None:
        """The candidate has paused and may have finished an answer (``turns`` end with their
        provisional turn): measure and embed it now, so that the verdict, once the interviewer
        takes the floor, waits for little more than the profile update. Writes nothing."""
        state = self._ensure(store, session_id)
        pair = state.prepare(turns)
        if pair is None or pair.a_start is None or pair.a_end is None:
            return
        if pair.a_end > pair.a_start:  # as _answer_prosody, which reuses these frames
            self._answer_frames(store, session_id, float(pair.a_start), float(pair.a_end))

    def after_turns(
        self, store: Store, session_id: str, turns: Sequence[Turn], *, watermark: float
    ) -> None:
        """Work no output waits for, done once ``on_turns``' rows are out: the rolling prosody
        windows (an answer's voice evidence is measured on the answer itself, so the verdict
        does not wait for them)."""
        self._ensure(store, session_id)
        self._prosody(store, session_id, turns, upto=watermark)

    def on_end(self, store: Store, session_id: str, t: float) -> list[tuple[str, Any]]:
        state = self._ensure(store, session_id)
        turns = store.turns(session_id)
        self._prosody(store, session_id, turns, upto=None)
        return self._write(store, session_id, state.finalize(turns, t_end=t))

    def set_profiling(self, on: bool, *, t: float) -> None:
        self.toggles.append((on, t))
        if self.state is not None:
            self.state.set_profiling(on, t=t)

    # -- writing ----------------------------------------------------------------------------
    def _write(self, store: Store, sid: str, u: JudgmentUpdate) -> list[tuple[str, Any]]:
        verdicts = list(u.verdicts)
        if not self.emotion:  # say so where the verdict is read
            verdicts = [
                replace(
                    v,
                    summary=(v.summary + " " if v.summary else "")
                    + "(Emotion-off session: no facial-emotion inference ran; "
                    "this verdict rests on speech, content and voice.)",
                )
                if v.is_final
                else v
                for v in verdicts
            ]
        answer_prosody = self._answer_prosody(store, sid, u)
        with store.transaction():
            store.add_qa_pairs(sid, u.qa_pairs)
            store.add_answer_scores(sid, u.answer_scores)
            store.add_profile_snapshots(sid, u.profile_snapshots)
            store.add_verdicts(sid, verdicts)
            store.add_prosody_windows(sid, answer_prosody, scope="answer")
            for i, cls in u.turn_classes:
                store.set_turn_class(sid, i, is_question=cls.is_question)
        out: list[tuple[str, Any]] = []
        for kind, rows in (
            ("qa_pairs", u.qa_pairs),
            ("answer_scores", u.answer_scores),
            ("profile", u.profile_snapshots),
            ("verdicts", verdicts),
        ):
            if rows:
                out.append((kind, list(rows)))
        return out

    # -- prosody and fusion -----------------------------------------------------------------
    def _track(
        self, store: Store, sid: str, role: str, t_from: float = 0.0, t_to: float | None = None
    ) -> tuple[np.ndarray, float]:
        """Samples of [t_from, t_to) of a raw track (only that range is read: cost follows the
        span, not the session's length) and the session time of the first one."""
        path = _track_path(store, sid, role)
        if not path.exists():
            return np.zeros(0, np.float32), 0.0
        t0 = next((float(r["t0"]) for r in store.tracks(sid) if r["track"] == role), 0.0)
        a = max(0, int((t_from - t0) * SR))
        b = None if t_to is None else max(a, int((t_to - t0) * SR))
        return read_track(path, start=a, stop=b), t0 + a / SR

    def _answer_frames(self, store: Store, sid: str, a_start: float, a_end: float) -> Any:
        """Frame analysis (pitch, energy, pauses) of one answer, computed once and shared by the
        answer's prosody summary and its fused side evidence."""
        from labkit.speech.prosody import analyze_frames

        key = (round(a_start, 3), round(a_end, 3))
        if key not in self._frames:
            x, t0 = self._track(store, sid, "candidate", a_start, a_end)
            self._frames = {key: analyze_frames(x, t0=t0)}  # only the newest answer is reused
        return self._frames[key]

    def _prosody(
        self, store: Store, sid: str, turns: Sequence[Turn], *, upto: float | None
    ) -> None:
        """1 s / 0.5 s-hop windows for every stretch of audio not yet measured."""
        from labkit.speech.prosody import prosody_windows

        for role in ("interviewer", "candidate"):
            done = self.prosody_done.get(role, 0.0)
            end = upto if upto is not None else max((t.t_end for t in turns), default=0.0) + 1
            if end - done < 5.0 and upto is not None:
                continue  # measure in stretches of >= 5 s
            x, t_x = self._track(store, sid, role, done, end)
            if x.size < SR:
                continue
            words = [w for t in turns if t.speaker == role for w in t.words]
            wins = prosody_windows(
                x,
                speaker=role,  # type: ignore[arg-type]
                t0=t_x,
                words=words,
            )
            with store.transaction():
                store.add_prosody_windows(sid, wins, scope="window")
            self.prosody_done[role] = t_x + x.size / SR

    def _answer_prosody(self, store: Store, sid: str, u: JudgmentUpdate) -> list[ProsodyWindow]:
        from labkit.speech.prosody import summarize_track_span

        out = []
        pairs = [p for p in u.qa_pairs if p.a_start is not None and p.a_end is not None]
        if not pairs or not _track_path(store, sid, "candidate").exists():
            return out  # a written transcript has no voice to measure
        words = store.words(sid, "candidate")
        for p in pairs:
            a, b = float(p.a_start), float(p.a_end)  # type: ignore[arg-type]
            if b <= a:
                continue
            ws = [w for w in words if a <= w.t_start <= b]
            win = summarize_track_span(
                self._answer_frames(store, sid, a, b),
                speaker="candidate",
                t_start=a,
                t_end=b,
                words=ws,
            )
            out.append(replace(win, features={**win.features, "qa_idx": float(p.idx)}))
        return out

    def _side_evidence(self, a_start: float, a_end: float) -> dict[str, tuple[float, float]]:
        """Face and voice over one answer, fused per window: weak evidence for the profile."""
        from labkit.judgment.fusion import fuse_windows, load_config, weak_evidence

        store, sid = self._store, self._sid
        if store is None:
            return {}
        cfg = self.fusion_config or load_config()
        if not self.emotion:
            cfg = cfg.with_weights(None, emotion_enabled=False)
        faces = store.face_frames(sid, a_start, a_end)
        if not self.emotion:
            faces = [replace(f, emotions=None) for f in faces]
        if a_end - a_start < 1.0:
            return {}
        from labkit.speech.prosody import prosody_windows_from_track

        words: list[Word] = [
            w for w in store.words(sid, "candidate") if a_start <= w.t_start <= a_end
        ]
        frames = self._answer_frames(store, sid, a_start, a_end)
        if frames.t_end - frames.t0 < 1.0:
            return {}
        wins = prosody_windows_from_track(frames, speaker="candidate", words=words)
        fused = fuse_windows(faces, wins, words, config=cfg)
        return weak_evidence(fused, a_start, a_end, config=cfg)


def _track_path(store: Store, sid: str, role: str) -> Path:
    """Where the engine keeps a speaker's raw audio (a written transcript has none)."""
    return store.session_dir(sid) / f"{role}.pcm"
