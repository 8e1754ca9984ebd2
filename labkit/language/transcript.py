"""Written interview transcripts: "Name: text" lines, WebVTT or SRT (Teams, Zoom, Otter
exports), or JSON, read into timed turns the judgment stage can score.

A transcript is judged as the recorded audio would be, once it has words and times: lines
without times are timed at a steady speaking rate, and a line's words are spread evenly over it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from labkit.errors import InputError
from labkit.records import Speaker, Turn, Word

__all__ = [
    "Transcript",
    "TranscriptLine",
    "assign_roles",
    "parse_transcript",
    "read_transcript",
    "transcript_turns",
]

MAX_BYTES = 20_000_000  # a day of talk is ~1 MB of text: anything far larger is no transcript


@dataclass(frozen=True, slots=True)
class TranscriptLine:
    """One speaker's line as written; times in seconds when the transcript gives them."""

    speaker: str
    text: str
    start: float | None = None
    end: float | None = None


@dataclass(frozen=True, slots=True)
class Transcript:
    """The lines of a transcript, and the job description when the file carries one (JSON)."""

    lines: tuple[TranscriptLine, ...]
    jd_text: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def speakers(self) -> list[str]:
        return list(dict.fromkeys(x.speaker for x in self.lines))


def read_transcript(path: str | Path) -> Transcript:
    """Read a transcript file (format from its content, not its name)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"{p}: cannot read the transcript ({e.strerror})") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{p}: {len(data)} bytes is too large for a transcript")
    if b"\x00" in data[:4096]:
        raise InputError(f"{p}: is not a text transcript (binary data); for audio use --stereo")
    text = data.decode("utf-8-sig", errors="replace")
    try:
        return parse_transcript(text)
    except InputError as e:
        raise InputError(f"{p}: {e}") from None


_TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_CUE_TIME = re.compile(rf"^\s*(?P<a>{_TIME})\s*-->\s*(?P<b>{_TIME})")
# "Jane Doe: text", "[00:01:02] Jane: text", "00:01:02 Jane: text", "Jane (00:01): text"
_LABELLED = re.compile(
    rf"^\s*(?:\[?(?P<t1>{_TIME})\]?\s+)?(?P<name>[A-Za-z][\w.'\- ]{{0,40}}?)"
    rf"\s*(?:[\[(](?P<t2>{_TIME})[\])])?\s*:\s*(?P<text>.*)$"
)
# Otter: a line "Jane Doe  0:03" and the words on the lines after it
_NAME_TIME = re.compile(rf"^\s*(?P<name>[A-Za-z][\w.'\- ]{{0,40}}?)\s+(?P<t>{_TIME})\s*$")
_VOICE = re.compile(r"<v(?:\.[\w.]+)?\s+(?P<name>[^>]+)>")
_TAG = re.compile(r"</?[a-z][^>]*>|<\d[\d:.]*>", re.I)
_NOT_NAMES = frozenset(["http", "https", "note", "notes", "nb", "ps", "e.g", "i.e"])


def _seconds(t: str) -> float:
    parts = [float(x.replace(",", ".")) for x in t.split(":")]
    out = 0.0
    for x in parts:
        out = out * 60 + x
    return out


def _label(name: str) -> str | None:
    """A speaker label: at most four words, not a word that opens an ordinary sentence."""
    name = " ".join(name.split())
    if not name or len(name.split()) > 4 or name.lower().rstrip(".") in _NOT_NAMES:
        return None
    return name


def parse_transcript(text: str) -> Transcript:
    """Parse transcript text; raises InputError when it names no speakers or has no words."""
    if not text.strip():
        raise InputError("the transcript is empty")
    s = text.lstrip()
    if s[:1] in "[{":
        try:
            return _from_json(json.loads(s))
        except json.JSONDecodeError:
            pass  # "[00:01] Jane: ..." starts with a bracket too
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if any(_CUE_TIME.match(x) for x in raw):
        lines, warnings = _from_cues(raw)
    else:
        lines, warnings = _from_lines(raw)
    lines = [x for x in lines if x.text.strip()]
    if not lines:
        raise InputError(
            "no speaker lines found: write one line per turn as 'Name: what they said' "
            "(or give WebVTT/SRT cues with speaker names, or JSON)"
        )
    return Transcript(lines=tuple(lines), warnings=tuple(warnings))


def _line_label(line: str) -> tuple[str, str, float | None] | None:
    """(speaker, text, start) of a labelled line."""
    m2 = _NAME_TIME.match(line)  # before "Name: text", which "Dana  0:03" also fits
    if m2 and (name := _label(m2.group("name"))):
        return name, "", _seconds(m2.group("t"))
    m = _LABELLED.match(line)
    if m and (name := _label(m.group("name"))):
        return name, m.group("text").strip(), _opt_seconds(m.group("t1") or m.group("t2"))
    return None


def _from_lines(raw: Sequence[str]) -> tuple[list[TranscriptLine], list[str]]:
    labelled = [_line_label(x) for x in raw]
    counts = Counter(x[0] for x in labelled if x is not None)
    # "Quick context: we lower to LLVM IR" inside an answer is no speaker: a label said once,
    # beside speakers who talk again, continues the line before (role labels always count)
    speakers = {
        n for n, c in counts.items() if c >= 2 or _INTERVIEWER.match(n) or _CANDIDATE.match(n)
    }
    if len(speakers) < 2:
        speakers = set(counts)
    out: list[TranscriptLine] = []
    skipped = 0
    for line, lab in zip(raw, labelled, strict=True):
        if not line.strip():
            continue
        if lab is not None and lab[0] in speakers:
            out.append(TranscriptLine(*lab))
            continue
        if out:  # the same speaker goes on, on a new line
            prev = out[-1]
            out[-1] = TranscriptLine(
                prev.speaker, f"{prev.text} {line.strip()}".strip(), prev.start, prev.end
            )
        else:
            skipped += 1
    warnings = [f"{skipped} line(s) before the first speaker label skipped"] if skipped else []
    return out, warnings


def _from_cues(raw: Sequence[str]) -> tuple[list[TranscriptLine], list[str]]:
    """WebVTT / SRT: a cue is a time line and the text lines under it; the speaker is a
    ``<v Name>`` voice tag or a "Name:" prefix, and a cue without one continues the last
    speaker (exports cut long turns into several cues)."""
    out: list[TranscriptLine] = []
    unnamed = 0
    i = 0
    while i < len(raw):
        m = _CUE_TIME.match(raw[i])
        i += 1
        if not m:
            continue
        body: list[str] = []
        while i < len(raw) and raw[i].strip():
            body.append(raw[i].strip())
            i += 1
        start, end = _seconds(m.group("a")), _seconds(m.group("b"))
        for k, row in enumerate(body):
            v = _VOICE.search(row)
            name = _label(v.group("name")) if v else None
            words = _TAG.sub("", row).strip()
            if name is None:
                lm = _LABELLED.match(words)
                if lm and (name := _label(lm.group("name"))):
                    words = lm.group("text").strip()
            if name is None:
                if not out:
                    unnamed += 1
                    continue
                name = out[-1].speaker
            # rows of one cue share its times; only the first keeps the start
            out.append(TranscriptLine(name, words, start if k == 0 else None, end))
    warnings = [f"{unnamed} cue line(s) without a speaker before the first named one skipped"]
    return out, warnings if unnamed else []


def _opt_seconds(t: str | None) -> float | None:
    return _seconds(t) if t else None


def _time_field(x: object) -> float | None:
    if x is None or x == "":
        return None
    if isinstance(x, int | float):
        return float(x)
    if isinstance(x, str) and re.fullmatch(_TIME, x.strip()):
        return _seconds(x.strip())
    try:
        return float(str(x))
    except ValueError:
        raise InputError(f"cannot read the time {x!r} (seconds or hh:mm:ss)") from None


def _from_json(data: object) -> Transcript:
    jd = None
    rows: object = data
    if isinstance(data, Mapping):
        jd = data.get("jd") if isinstance(data.get("jd"), str) else None
        rows = next(
            (data[k] for k in ("lines", "turns", "segments", "utterances") if k in data), None
        )
    if not isinstance(rows, list):
        raise InputError(
            "a JSON transcript is a list of {speaker, text[, start, end]} objects, or an "
            "object with such a list under 'lines'"
        )
    out = []
    for k, r in enumerate(rows):
        if not isinstance(r, Mapping):
            raise InputError(f"JSON line {k}: expected an object with speaker and text")
        speaker = r.get("speaker", r.get("role", r.get("name")))
        text = r.get("text", r.get("words"))
        if not isinstance(speaker, str) or not speaker.strip() or not isinstance(text, str):
            raise InputError(f"JSON line {k}: needs a 'speaker' and a 'text' string")
        out.append(
            TranscriptLine(
                " ".join(speaker.split()),
                text.strip(),
                _time_field(r.get("start")),
                _time_field(r.get("end")),
            )
        )
    out = [x for x in out if x.text]
    if not out:
        raise InputError("the JSON transcript has no lines with text")
    return Transcript(lines=tuple(out), jd_text=jd)


_INTERVIEWER = re.compile(
    r"^(?:interviewer|interviewers|int|i|q|question|panel\w*|recruiter|hiring manager|host|"
    r"moderator)\b",
    re.I,
)
_CANDIDATE = re.compile(r"^(?:candidate|cand|c|a|answer|applicant|interviewee)\b", re.I)
_QUESTION_OPEN = re.compile(
    r"^(?:what|why|how|when|where|which|who|can|could|would|do|does|did|have|has|are|is|tell "
    r"me|walk me|describe|talk me)\b",
    re.I,
)


def assign_roles(
    speakers: Sequence[str],
    lines: Sequence[TranscriptLine] = (),
    *,
    candidate: str | None = None,
    interviewer: str | None = None,
) -> dict[str, Speaker]:
    """Which label is the candidate. ``candidate=`` names them (every other label is an
    interviewer: panels have several); ``interviewer=`` names the interviewer(s), comma
    separated. Otherwise labels that say their role ("Interviewer", "Candidate (Ana)", "Q"/"A")
    decide, and between two names the one who asks more questions is the interviewer."""
    if not speakers:
        raise InputError("the transcript names no speakers")
    by_key = {s.lower(): s for s in speakers}

    def find(name: str) -> str:
        key = " ".join(name.split()).lower()
        if key not in by_key:
            raise InputError(
                f"no speaker {name!r} in the transcript; its speakers are: {', '.join(speakers)}"
            )
        return by_key[key]

    if candidate:
        cand = find(candidate)
        return {s: ("candidate" if s == cand else "interviewer") for s in speakers}
    if interviewer:
        names = {find(x) for x in interviewer.split(",") if x.strip()}
        rest = [s for s in speakers if s not in names]
        if len(rest) != 1:
            raise InputError(
                f"after the interviewer(s) {len(rest)} speakers are left ({', '.join(rest)}): "
                "name the candidate with --candidate"
            )
        return {s: ("interviewer" if s in names else "candidate") for s in speakers}
    said = {
        s: "interviewer" if _INTERVIEWER.match(s) else "candidate" if _CANDIDATE.match(s) else None
        for s in speakers
    }
    cands = [s for s, r in said.items() if r == "candidate"]
    ints = [s for s, r in said.items() if r == "interviewer"]
    if len(speakers) == 1:
        raise InputError(
            f"the transcript has one speaker ({speakers[0]}): an interview needs the interviewer "
            "and the candidate, one 'Name:' label each"
        )
    cand = None
    if len(cands) == 1 and (len(speakers) == 2 or len(cands) + len(ints) == len(speakers)):
        cand = cands[0]
    elif not cands and len(ints) == len(speakers) - 1:
        cand = next(s for s in speakers if s not in ints)
    elif len(speakers) == 2 and not cands:
        a, b = speakers
        # a tie: whoever speaks first opens the interview
        cand = b if _asks(a, lines) >= _asks(b, lines) else a
    if cand is None:
        raise InputError(
            f"cannot tell the candidate among {len(speakers)} speakers ({', '.join(speakers)}): "
            "name them with --candidate"
        )
    return {s: ("candidate" if s == cand else "interviewer") for s in speakers}


def _asks(speaker: str, lines: Sequence[TranscriptLine]) -> float:
    """The share of a speaker's lines that ask something."""
    mine = [x.text for x in lines if x.speaker == speaker]
    if not mine:
        return 0.0
    return sum("?" in t or bool(_QUESTION_OPEN.match(t)) for t in mine) / len(mine)


def transcript_turns(
    lines: Sequence[TranscriptLine],
    roles: Mapping[str, Speaker],
    *,
    words_per_s: float = 2.7,
    gap_s: float = 0.7,
) -> list[Turn]:
    """Turns with word times: a run of one role's lines is one turn (exports cut long turns
    into cues); lines without times follow the previous one at ``words_per_s``."""
    timed: list[tuple[Speaker, float, float, str]] = []
    t = 0.5
    for k, x in enumerate(lines):
        n = len(x.text.split())
        start = x.start if x.start is not None else t
        nxt = next((y.start for y in lines[k + 1 :] if y.start is not None), None)
        end = x.end
        if end is None:
            end = start + max(0.4, n / words_per_s)
            if nxt is not None and nxt > start:
                end = min(end, nxt)
        end = max(end, start + 0.1)
        timed.append((roles[x.speaker], start, end, x.text))
        t = end + gap_s
    runs: list[list[tuple[Speaker, float, float, str]]] = []
    for row in timed:
        if runs and runs[-1][-1][0] == row[0]:
            runs[-1].append(row)
        else:
            runs.append([row])
    turns: list[Turn] = []
    for idx, run in enumerate(runs):
        words: list[Word] = []
        for role, a, b, text in run:
            toks = text.split()
            step = (b - a) / max(1, len(toks))
            words += [
                Word(role, round(a + k * step, 3), round(a + (k + 0.85) * step, 3), w)
                for k, w in enumerate(toks)
            ]
        t0, t1 = run[0][1], max(r[2] for r in run)
        prev_end = turns[-1].t_end if turns else None
        turns.append(
            Turn(
                idx,
                run[0][0],
                round(t0, 3),
                round(t1, 3),
                " ".join(r[3] for r in run),
                overlap=prev_end is not None and t0 < prev_end,
                words=tuple(words),
            )
        )
    return turns
