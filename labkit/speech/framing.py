"""Words -> sentences -> turns: the who-said-what-when script.

Turns are built from word times and pauses, never from ASR segments (with VAD on, one segment can
span several of a speaker's turns; see STACK.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from labkit.records import Sentence, Turn, Word

__all__ = ["FramingOptions", "build_turns", "final_turn_count", "frame_sentences", "join_words"]

_END_PUNCT = (".", "?", "!")


@dataclass(frozen=True, slots=True)
class FramingOptions:
    """Hyper-parameters of sentence and turn framing.

    sentence_pause: a silence (s) between one speaker's words that ends a sentence.
    segment_pause: a silence (s) that ends a speaker's segment; a segment of one speaker lying
        wholly inside the other speaker's segment is an interjection ("mm-hm") and does not
        break that speaker's turn.
    overlap_slack: a turn that starts less than this (s) before the other speaker's last word
        ends is not an overlap: Whisper's last word of an utterance often runs on into the pause
        (measured: an "Okay." stamped 0.1 s into a reply that came 0.8 s after it).
    """

    sentence_pause: float = 0.7
    segment_pause: float = 1.0
    overlap_slack: float = 0.2


def join_words(words: Iterable[Word]) -> str:
    return " ".join(w.text.strip() for w in words if w.text.strip())


def frame_sentences(
    words: Sequence[Word], *, options: FramingOptions | None = None
) -> list[Sentence]:
    """Split one speaker's words into sentences at long pauses or end punctuation."""
    opts = options or FramingOptions()
    out: list[Sentence] = []
    cur: list[Word] = []
    for w in sorted(words, key=lambda w: w.t_start):
        if cur and (
            w.t_start - cur[-1].t_end > opts.sentence_pause
            or cur[-1].text.rstrip().endswith(_END_PUNCT)
        ):
            out.append(_sentence(cur))
            cur = []
        cur.append(w)
    if cur:
        out.append(_sentence(cur))
    return out


def _sentence(words: list[Word]) -> Sentence:
    return Sentence(
        speaker=words[0].speaker,
        t_start=words[0].t_start,
        t_end=words[-1].t_end,
        text=join_words(words),
        words=tuple(words),
    )


@dataclass(slots=True)
class _Segment:
    speaker: str
    words: list[Word]
    contained: bool = False

    @property
    def t_start(self) -> float:
        return self.words[0].t_start

    @property
    def t_end(self) -> float:
        return self.words[-1].t_end


def _segments(words: Sequence[Word], pause: float) -> list[_Segment]:
    segs: list[_Segment] = []
    for w in sorted(words, key=lambda w: w.t_start):
        if segs and w.t_start - segs[-1].t_end <= pause:
            segs[-1].words.append(w)
        else:
            segs.append(_Segment(w.speaker, [w]))
    return segs


def build_turns(words: Sequence[Word], *, options: FramingOptions | None = None) -> list[Turn]:
    """Merge both speakers' words into turns ordered on the session clock.

    A turn is a maximal run of one speaker's segments in time order. A segment that starts while
    the other speaker is still talking is flagged ``overlap``; one lying wholly inside the other
    speaker's segment is an interjection: its own (overlap) turn that does not split the other.
    """
    opts = options or FramingOptions()
    by_speaker: dict[str, list[Word]] = {}
    for w in words:
        by_speaker.setdefault(w.speaker, []).append(w)
    segs = [s for ws in by_speaker.values() for s in _segments(ws, opts.segment_pause)]
    segs.sort(key=lambda s: (s.t_start, s.t_end))
    for s in segs:
        s.contained = any(
            o.speaker != s.speaker and o.t_start <= s.t_start and s.t_end <= o.t_end for o in segs
        )
    # Runs of same-speaker main segments; interjections become their own turns.
    groups: list[tuple[list[_Segment], bool]] = []
    for s in segs:
        if s.contained:
            groups.append(([s], True))
            continue
        prev_main = next((g for g in reversed(groups) if not g[1]), None)
        if prev_main is not None and prev_main[0][0].speaker == s.speaker:
            prev_main[0].append(s)
        else:
            groups.append(([s], False))
    turns: list[Turn] = []
    prev_end: dict[str, float] = {}
    for group, contained in sorted(groups, key=lambda g: g[0][0].t_start):
        ws = [w for seg in group for w in seg.words]
        speaker = group[0].speaker
        t0, t1 = ws[0].t_start, ws[-1].t_end
        other_end = max((e for sp, e in prev_end.items() if sp != speaker), default=-1.0)
        turns.append(
            Turn(
                idx=len(turns),
                speaker=speaker,
                t_start=t0,
                t_end=t1,  # type: ignore[arg-type]
                text=join_words(ws),
                overlap=contained or t0 < other_end - opts.overlap_slack,
                words=tuple(ws),
            )
        )
        prev_end[speaker] = max(prev_end.get(speaker, -1.0), t1)
    return turns


def final_turn_count(
    turns: Sequence[Turn],
    *,
    watermark: float | None = None,
    done: dict[str, float] | None = None,
    onsets: dict[str, float | None] | None = None,
    options: FramingOptions | None = None,
) -> int:
    """How many leading turns can no longer change.

    ``done[speaker]``: every word of that speaker starting before it is known (``watermark``
    sets all speakers alike). ``onsets[speaker]``: where that speaker's speech not yet
    transcribed begins (VAD), if any. A turn is final once its speaker has been silent for
    ``segment_pause`` (no word can join it) and the other speaker has taken the floor after it
    began: a later turn of theirs, or speech of theirs that VAD has seen but ASR not yet read.
    """
    opts = options or FramingOptions()
    onsets = onsets or {}

    def known(speaker: str) -> float:
        if done is not None:
            return done.get(speaker, float("-inf"))
        return watermark if watermark is not None else float("-inf")

    n = 0
    for k, t in enumerate(turns):
        if t.t_end + opts.segment_pause > known(t.speaker):
            break
        other = "candidate" if t.speaker == "interviewer" else "interviewer"
        onset = onsets.get(other)
        follows = any(
            u.speaker != t.speaker and not _inside(u, t) and t.t_start < u.t_start < known(other)
            for u in turns[k + 1 :]
        ) or (onset is not None and onset > t.t_start)
        if not follows and not _contained_in_final(t, turns[:k]):
            break
        n = k + 1
    return n


def _inside(u: Turn, t: Turn) -> bool:
    return t.t_start <= u.t_start and u.t_end <= t.t_end


def _contained_in_final(t: Turn, earlier: Sequence[Turn]) -> bool:
    return t.overlap and any(e.speaker != t.speaker and _inside(t, e) for e in earlier)


def renumber(turns: Sequence[Turn], start: int = 0) -> list[Turn]:
    return [replace(t, idx=start + i) for i, t in enumerate(turns)]
