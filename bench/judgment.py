"""Judgment benchmark on labelled mock interviews (bench/interviews/*.json).

Prints, per interview and overall: Q/A pairing accuracy, JD required-skill precision/recall, the
hire verdict with its interval, the interval width after each answer and the risk flags; then the
same figures for naive baselines in the same run (pairing: "a '?' line is a question, the next
candidate line its answer"; JD: every vocabulary hit is a required skill).

Modes:
  text (default): turns built from the script lines (exact text), optionally with punctuation and
      case stripped (--strip-punct) to mimic the worst ASR output;
  --audio: each interview is synthesized with espeak-ng (two voices, 16 kHz), run through the
      engine (labkit.engine.analyze_files: VAD + faster-whisper + turn building), and the judged
      turns come from the store; true lines are matched to turns by time overlap. As in the
      engine, the candidate's voice (prosody windows, fused) is weak side evidence for the
      profile (--no-side-signals: words only); "engine run" is the engine's own final verdict.
      --turn-cache DIR keeps turns, line map and prosody windows for re-judging in seconds.

Run: python bench/judgment.py [--split dev|heldout|all] [--dir FOLDER] [--strip-punct] [--audio] [-v]
(bench/interviews_unseen/ holds six interviews written later, blind to the implementation.)
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from labkit.judgment import JudgmentOptions, JudgmentResult, judge_session
from labkit.judgment.stage import ASR_JUDGMENT_OPTIONS
from labkit.language.jd import parse_jd
from labkit.language.nlp import get_embedder
from labkit.language.script import turns_from_lines
from labkit.language.vocabulary import load_vocabulary
from labkit.records import JobSpec, ProsodyWindow, Turn, Word

HERE = Path(__file__).resolve().parent
SKILL_CATEGORIES = ("skill", "tool", "soft_skill", "domain")
# the year the interviews were written: "I started in 2017" is read as of then, so the figures
# do not move with the calendar
REFERENCE_YEAR = 2026


def load_interviews(split: str, folder: Path = HERE / "interviews") -> list[dict]:
    docs = [json.loads(p.read_text()) for p in sorted(folder.glob("*.json"))]
    return [d for d in docs if split == "all" or d.get("split", "dev") == split]


def strip_punct(text: str) -> str:
    return re.sub(r"[^\w\s']", "", text).lower()


# --- metrics --------------------------------------------------------------------------------


def pairing_accuracy(truth: Sequence[dict], pairs: Sequence[tuple[int, tuple[int, ...]]]) -> float:
    """Share of true pairs reproduced exactly (question line and answer lines), counting spurious
    predicted pairs as errors: correct / max(#true, #predicted)."""
    t = {(q["question"], tuple(q["answers"])) for q in truth}
    p = set(pairs)
    return len(t & p) / max(len(t), len(p), 1)


_STOP = frozenset(
    [
        "and",
        "or",
        "of",
        "the",
        "a",
        "an",
        "with",
        "in",
        "for",
        "to",
        "on",
        "at",
        "by",
        "from",
        "using",
        "use",
        "via",
        "as",
        "its",
        "their",
        "your",
        "our",
        "experience",
        "skills",
        "skill",
        "knowledge",
        "strong",
        "solid",
        "good",
        "deep",
        "working",
        "hands-on",
        "basic",
        "advanced",
        "understanding",
        "proficiency",
        "familiarity",
        "including",
        "e.g",
        "such",
        "like",
        "similar",
        "etc",
    ]
)
# words too general to make two requirement names the same on their own
_GENERIC = frozenset(
    [
        "management",
        "data",
        "system",
        "analysis",
        "testing",
        "development",
        "process",
        "tool",
        "design",
        "engineering",
        "planning",
        "work",
        "team",
        "support",
        "operation",
    ]
)


def _stem(t: str) -> str:
    if len(t) > 4 and t.endswith("s") and not t.endswith("ss"):
        t = t[:-1]
    for suf in ("ation", "tion", "ing", "ment", "ed", "ion", "al"):
        if len(t) > len(suf) + 3 and t.endswith(suf):
            t = t[: -len(suf)]
            break
    return t[:-1] if len(t) > 4 and t.endswith("e") else t  # "manage" / "manag(ing)"


def _content(x: str) -> set[str]:
    return {_stem(t) for t in re.findall(r"[a-z0-9+#&]+", x.lower()) if t not in _STOP}


def _initials(x: str) -> str:
    return "".join(t[0] for t in re.findall(r"[a-z0-9]+", x.lower()) if t not in _STOP)


def _reads_same(name: str, truth: str) -> bool:
    """A reader's match: the names share half the shorter one's content words (stemmed), one
    of them specific ("Designing Rigorous Experiments" / "experiment design and ablations"), or
    one is the other's acronym ("RBAC" / "Role-based Access Control Design")."""
    a, b = _content(name), _content(truth)
    if not a or not b:
        return False
    shared = a & b
    specific = shared - {_stem(g) for g in _GENERIC}
    if specific and len(shared) / min(len(a), len(b)) >= 0.5:
        return True
    # "RBAC" for "Role-based Access Control Design", "GL" for "General Ledger"
    for full, short in ((name, truth), (truth, name)):
        acr = _initials(full)
        caps = {t.lower() for t in re.findall(r"\b[A-Z][A-Z&/]{1,5}\b", short)}
        if any(acr[:k] in caps for k in range(2, len(acr) + 1)):
            return True
    return False


def jd_precision_recall(
    jobspec: JobSpec,
    true_skills: Sequence[str],
    *,
    reader: bool = False,
    skills_only: bool = False,
) -> tuple[float, float, list]:
    """Precision and recall of the required skill requirements against the labels. Strict: the
    vocabulary's names, aliases and a labeller's shorter name; ``reader=True`` also accepts
    names a reader takes for the same requirement (see ``_reads_same``).

    Labellers differ on whether a license, a degree or years in a field is a "required skill"
    ("Washington RDH license", "5+ years commercial appraisal"), and likewise on terms of work
    ("Can lift 50 lbs", "Rotating 12-hour shifts"). A required education, experience or
    condition requirement therefore counts, as right, when it matches a label; one that
    matches none is not held against precision, since most labellers leave degrees out.
    ``skills_only=True`` is the older measure: skill, tool, soft-skill and domain requirements
    only."""
    vocab = load_vocabulary()

    def canon(name: str) -> str:
        e = vocab.get(name)
        return (e.name if e else name).lower()

    truth = {canon(s) for s in true_skills}
    got = [r for r in jobspec.requirements if r.required and r.category in SKILL_CATEGORIES]
    other = [] if skills_only else [
        r for r in jobspec.requirements if r.required and r.category not in SKILL_CATEGORIES
    ]  # fmt: skip
    hits_true: set[str] = set()
    correct = 0
    counted = len(got)

    def words(x: str) -> str:
        # "Edit checks" is "Edit Check Specification"'s, "Data Management Plan" is "Writing Data
        # Management Plans": a labeller's singular or plural is the same requirement
        toks = re.findall(r"[a-z0-9+#]+", x.lower())
        toks = [
            t[:-1] if len(t) > 3 and t.endswith("s") and not t.endswith("ss") else t for t in toks
        ]
        # "Industrial networking" is "Industrial networks"
        toks = [t[:-3] if len(t) > 6 and t.endswith("ing") else t for t in toks]
        return " " + " ".join(toks) + " "

    for k, r in enumerate([*got, *other]):
        names = (
            {canon(r.name)}
            | {canon(a) for a in r.aliases}
            | {canon(x) for x in r.name.split(" or ")}
            # the JD's own words for it ("HMI" for SCADA), not only the vocabulary's name
            | {a.lower() for a in r.aliases if len(a) >= 3}
        )
        # a labeller's shorter name for the same requirement ("REST" for "REST APIs")
        match = names & truth | {
            t for t in truth if any(words(t) in words(n) or words(n) in words(t) for n in names)
        }
        if reader:
            match |= {t for t in truth if any(_reads_same(n, t) for n in names)}
        if match:
            correct += 1
            counted += k >= len(got)
            hits_true |= match
    precision = correct / counted if counted else 1.0
    recall = len(hits_true) / len(truth) if truth else 1.0
    return precision, recall, [r.name for r in got]


def baseline_pairs(lines: Sequence[tuple[str, str]]) -> list[tuple[int, tuple[int, ...]]]:
    out = []
    for i, (spk, text) in enumerate(lines):
        if spk == "interviewer" and "?" in text:
            nxt = next((j for j in range(i + 1, len(lines)) if lines[j][0] == "candidate"), None)
            nq = next((j for j in range(i + 1, len(lines)) if lines[j][0] == "interviewer"), None)
            if nxt is not None and (nq is None or nxt < nq):
                out.append((i, (nxt,)))
            else:
                out.append((i, ()))
    return out


def baseline_jd(text: str, true_skills: Sequence[str]) -> tuple[float, float]:
    vocab = load_vocabulary()
    names = {m.entry.name for m in vocab.find_mentions(text)
             if m.entry.category in SKILL_CATEGORIES}  # fmt: skip
    truth = {(vocab.get(s).name if vocab.get(s) else s) for s in true_skills}
    p = len(names & truth) / len(names) if names else 1.0
    r = len(names & truth) / len(truth) if truth else 1.0
    return p, r


# --- audio mode -----------------------------------------------------------------------------


HOTWORDS = True
SEED = 0  # the synthesis noise floor's seed (--seed): another seed is another recording
ASR_MODEL = "tiny.en"  # --asr-model: a registry name (labkit models list)
TURN_CACHE: Path | None = None  # --turn-cache: ASR turns kept per interview, seed and hotwords
SIDE_SIGNALS = True  # --no-side-signals: judge audio from the words alone


@dataclass
class AudioRun:
    """What the engine made of one synthesized interview: its turns, where each true line went,
    the candidate's prosody windows (the side signals the engine fuses into the profile) and
    the engine's own final hire probability (with the judgment code of that run)."""

    turns: list[Turn]
    line_to_turn: dict[int, int]
    windows: list[ProsodyWindow]
    engine_p: float | None


def cached_audio_turns(doc: dict, workdir: Path) -> AudioRun:
    """``audio_turns``, read from --turn-cache when this interview was transcribed before with
    the same seed and hotword setting (judgment changes can then be measured on audio in
    seconds; the cache must be cleared when the synthesis, VAD, ASR or prosody change)."""
    if TURN_CACHE is None:
        return audio_turns(doc, workdir)
    model = "" if ASR_MODEL == "tiny.en" else f".{ASR_MODEL}"
    path = TURN_CACHE / f"{doc['id']}.seed{SEED}{'' if HOTWORDS else '.nohot'}{model}.v2.json"
    if path.exists():
        data = json.loads(path.read_text())
        turns = [
            Turn(**{**t, "words": tuple(Word(**w) for w in t["words"])}) for t in data["turns"]
        ]
        return AudioRun(
            turns,
            {int(k): v for k, v in data["line_to_turn"].items()},
            [ProsodyWindow(**w) for w in data["windows"]],
            data["engine_p"],
        )
    run = audio_turns(doc, workdir)
    TURN_CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(
            {
                "turns": [asdict(t) for t in run.turns],
                "line_to_turn": run.line_to_turn,
                "windows": [asdict(w) for w in run.windows],
                "engine_p": run.engine_p,
            }
        )
    )
    return run


def side_evidence_from(
    windows: Sequence[ProsodyWindow], turns: Sequence[Turn]
) -> Callable[[float, float], dict[str, tuple[float, float]]]:
    """The engine's side evidence for an answer span (labkit.judgment.stage), from the stored
    prosody windows: voice only, as synthesized interviews have no camera."""
    from labkit.judgment.fusion import fuse_windows, load_config, weak_evidence

    cfg = load_config().with_weights(None, emotion_enabled=False)
    words = [w for t in turns if t.speaker == "candidate" for w in t.words]

    def side(a: float, b: float) -> dict[str, tuple[float, float]]:
        if b - a < 1.0:
            return {}
        wins = [w for w in windows if w.t_end > a and w.t_start < b]
        ws = [w for w in words if a <= w.t_start <= b]
        return weak_evidence(fuse_windows([], wins, ws, config=cfg), a, b, config=cfg)

    return side


def audio_turns(doc: dict, workdir: Path) -> AudioRun:
    """Synthesize, analyze through the engine, return stored turns and a line -> turn map."""
    from labkit.engine.analyze import analyze_files, load_inputs
    from labkit.store import Store
    from labkit.synth import Line, synthesize_interview

    lines = [Line(x["speaker"], x["text"]) for x in doc["lines"]]
    syn = synthesize_interview(
        lines,
        workdir / doc["id"],
        voices={"interviewer": "en-us+m3", "candidate": "en-us+f2"},
        seed=SEED,
    )
    with Store(workdir / f"{doc['id']}.duckdb") as store:
        inputs = load_inputs(
            interviewer_audio=syn.interviewer, candidate_audio=syn.candidate, jd_text=doc["jd"]
        )
        # the production path: the judgment stage reads the JD first, which also biases ASR
        # toward the JD's skill names (EngineOptions.jd_hotwords; --no-hotwords turns it off)
        from labkit.engine import EngineOptions
        from labkit.judgment.stage import JudgmentStage
        from labkit.speech.asr import ASROptions

        sid = analyze_files(
            store,
            inputs,
            title=doc["id"],
            stages=[JudgmentStage()],
            options=EngineOptions(jd_hotwords=HOTWORDS, asr=ASROptions(model=ASR_MODEL)),
        )
        turns = store.turns(sid)
        rows = store.con.execute(
            "SELECT t_start, t_end, features FROM prosody_windows WHERE session_id = ? AND "
            "speaker = 'candidate' AND scope = 'window' ORDER BY t_start",
            [sid],
        ).fetchall()
        windows = [
            ProsodyWindow("candidate", float(a), float(b), json.loads(f)) for a, b, f in rows
        ]
        final = store.con.execute(
            "SELECT hire_probability FROM verdicts WHERE session_id = ? AND is_final", [sid]
        ).fetchone()
    # each true line goes to the turn of the same speaker that overlaps it most
    line_to_turn: dict[int, int] = {}
    for i, tl in enumerate(syn.lines):
        best, best_ov = None, 0.0
        for t in turns:
            if t.speaker != tl.speaker:
                continue
            ov = min(t.t_end, tl.t_end) - max(t.t_start, tl.t_start)
            if ov > best_ov:
                best, best_ov = t.idx, ov
        if best is not None:
            line_to_turn[i] = best
    return AudioRun(turns, line_to_turn, windows, float(final[0]) if final else None)


# --- main -----------------------------------------------------------------------------------


def evaluate(doc: dict, *, mode: str, emb, workdir: Path | None) -> dict:
    jobspec = parse_jd(doc["jd"])
    lines = [(x["speaker"], x["text"]) for x in doc["lines"]]
    truth = doc["qa"]
    side = None
    engine_p = None
    if mode == "audio":
        assert workdir is not None
        run = cached_audio_turns(doc, workdir)
        turns, l2t, engine_p = run.turns, run.line_to_turn, run.engine_p
        if SIDE_SIGNALS:
            side = side_evidence_from(run.windows, turns)
        truth = [
            {"question": l2t.get(q["question"], -1),
             "answers": sorted({l2t.get(a, -1) for a in q["answers"]})}
            for q in truth
        ]  # fmt: skip
    else:
        if mode == "strip":
            lines = [(s, strip_punct(t)) for s, t in lines]
        turns = turns_from_lines(lines)
    t0 = time.perf_counter()
    # ASR text is judged as the engine's stage judges it
    opts = ASR_JUDGMENT_OPTIONS if mode == "audio" else JudgmentOptions()
    opts = replace(opts, scoring=replace(opts.scoring, reference_year=REFERENCE_YEAR))
    res: JudgmentResult = judge_session(
        jobspec, turns, embedder=emb, side_evidence=side, options=opts
    )
    elapsed = time.perf_counter() - t0
    pred = [(p.question_turn, p.answer_turns) for p in res.qa_pairs]
    acc = pairing_accuracy(truth, pred)
    t_set = {(q["question"], tuple(q["answers"])) for q in truth}
    text_of = {t.idx: t.text for t in turns}
    wrong = [("missing", q, a, text_of.get(q, "?")) for q, a in sorted(t_set - set(pred))] + [
        ("extra", q, a, text_of.get(q, "?")) for q, a in sorted(set(pred) - t_set)
    ]
    prec, rec, got = jd_precision_recall(jobspec, doc["required_skills"])
    r_prec, r_rec, _ = jd_precision_recall(jobspec, doc["required_skills"], reader=True)
    s_prec, s_rec, _ = jd_precision_recall(jobspec, doc["required_skills"], skills_only=True)
    fv = res.final_verdict
    assert fv is not None
    widths = [round(v.high - v.low, 3) for v in res.verdicts if not v.is_final]
    turn_span = {t.idx: (t.t_start, t.t_end) for t in turns}
    pairs_by_idx = {p.idx: p for p in res.qa_pairs}
    bad_evidence = sum(
        1
        for s in res.answer_scores
        if not (
            pairs_by_idx[s.qa_idx].a_start - 1e-6 <= s.t_start
            and s.t_end <= pairs_by_idx[s.qa_idx].a_end + 1e-6
        )
    )
    answered = sum(1 for p in res.qa_pairs if p.a_start is not None)
    return {
        "id": doc["id"],
        "label": doc["label"],
        "role": doc["role"],
        "pairing": acc,
        "baseline_pairing": pairing_accuracy(
            doc["qa"], baseline_pairs([(x["speaker"], x["text"]) for x in doc["lines"]])
        ),
        "jd_precision": prec,
        "jd_recall": rec,
        "jd_reader": (r_prec, r_rec),
        "jd_skills_only": (s_prec, s_rec),
        "baseline_jd": baseline_jd(doc["jd"], doc["required_skills"]),
        "extracted": got,
        "p": fv.hire_probability,
        "engine_p": engine_p,
        "low": fv.low,
        "high": fv.high,
        "labels": fv.label_probs,
        "flags": fv.risk_flags,
        "widths": widths,
        "verdict_rows_ok": len(res.verdicts) == answered + 1,
        "bad_evidence": bad_evidence,
        "n_scores": len(res.answer_scores),
        "seconds": elapsed,
        "summary": fv.summary,
        "turns": len(turns),
        "_spans": turn_span,
        "wrong_pairs": wrong,
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--split", default="all", choices=["dev", "heldout", "unseen", "all"])
    ap.add_argument(
        "--dir", type=Path, default=HERE / "interviews", help="folder of labelled interviews"
    )
    ap.add_argument("--strip-punct", action="store_true", help="remove punctuation and case")
    ap.add_argument("--audio", action="store_true", help="synthesize + ASR through the engine")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--only", nargs="*", help="interview ids to run")
    ap.add_argument("--no-hotwords", action="store_true", help="audio: don't bias ASR with the JD")
    ap.add_argument("--seed", type=int, default=0, help="audio: the synthesis noise seed")
    ap.add_argument(
        "--asr-model", default="tiny.en", help="audio: the Whisper model (labkit models list)"
    )
    ap.add_argument(
        "--turn-cache",
        type=Path,
        help="audio: keep each interview's ASR turns here and reuse them on later runs "
        "(clear it when synthesis, VAD, ASR or prosody change)",
    )
    ap.add_argument(
        "--no-side-signals",
        action="store_true",
        help="audio: leave out the voice side evidence the engine fuses into the profile",
    )
    args = ap.parse_args(argv)
    global HOTWORDS, SEED, TURN_CACHE, SIDE_SIGNALS, ASR_MODEL
    ASR_MODEL = args.asr_model
    SIDE_SIGNALS = not args.no_side_signals
    HOTWORDS = not args.no_hotwords
    SEED = args.seed
    TURN_CACHE = args.turn_cache
    docs = [
        d for d in load_interviews(args.split, args.dir) if not args.only or d["id"] in args.only
    ]
    mode = "audio" if args.audio else ("strip" if args.strip_punct else "text")
    t0 = time.perf_counter()
    emb = get_embedder()
    print(f"MiniLM loaded in {time.perf_counter() - t0:.1f}s; mode={mode}; {len(docs)} interviews")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for doc in docs:
            r = evaluate(doc, mode=mode, emb=emb, workdir=Path(tmp))
            rows.append(r)
            print(
                f"{r['id']:16s} {r['label']:6s} pairing {r['pairing']:.2f} (base "
                f"{r['baseline_pairing']:.2f})  JD P {r['jd_precision']:.2f} R {r['jd_recall']:.2f} "
                f"(base P {r['baseline_jd'][0]:.2f} R {r['baseline_jd'][1]:.2f})  "
                f"hire {r['p']:.2f} [{r['low']:.2f}, {r['high']:.2f}]  {r['seconds']:.1f}s"
                + (f"  (engine run: {r['engine_p']:.2f})" if r["engine_p"] is not None else "")
            )
            print(f"{'':16s} interval widths per answer: {r['widths']}")
            print(f"{'':16s} flags: {list(r['flags'])}")
            if args.verbose:
                for kind, q, a, text in r["wrong_pairs"]:
                    print(f"{'':16s} {kind} pair: turn {q} -> {list(a)}  {text[:70]!r}")
                print(f"{'':16s} extracted: {r['extracted']}")
                print(f"{'':16s} labels: {r['labels']}")
                print(f"{'':16s} summary: {r['summary']}")
            if not r["verdict_rows_ok"] or r["bad_evidence"]:
                print(f"{'':16s} CHECK FAILED: verdict rows ok={r['verdict_rows_ok']}, "
                      f"evidence outside answer={r['bad_evidence']}")  # fmt: skip
    print()
    pairing = statistics.mean(r["pairing"] for r in rows)
    base_pairing = statistics.mean(r["baseline_pairing"] for r in rows)
    prec = statistics.mean(r["jd_precision"] for r in rows)
    rec = statistics.mean(r["jd_recall"] for r in rows)
    bp = statistics.mean(r["baseline_jd"][0] for r in rows)
    br = statistics.mean(r["baseline_jd"][1] for r in rows)
    print(f"Q/A pairing accuracy: {pairing:.3f} (baseline {base_pairing:.3f}; target >= 0.95)")
    print(f"JD required skills: precision {prec:.3f} recall {rec:.3f} (baseline P {bp:.3f} "
          f"R {br:.3f}; target R >= 0.90 at P >= 0.80)")  # fmt: skip
    rp = statistics.mean(r["jd_reader"][0] for r in rows)
    rr = statistics.mean(r["jd_reader"][1] for r in rows)
    print(f"JD required skills, a reader's matching: precision {rp:.3f} recall {rr:.3f}")
    sp = statistics.mean(r["jd_skills_only"][0] for r in rows)
    sr = statistics.mean(r["jd_skills_only"][1] for r in rows)
    print(f"JD required skills, skill categories only (no license, degree or years): "
          f"precision {sp:.3f} recall {sr:.3f}")  # fmt: skip
    by = {lab: [r["p"] for r in rows if r["label"] == lab] for lab in ("strong", "mixed", "weak")}
    for lab, ps in by.items():
        if ps:
            print(f"hire probability {lab:6s}: mean {statistics.mean(ps):.2f}  "
                  f"min {min(ps):.2f}  max {max(ps):.2f}")  # fmt: skip
    if all(by.values()):
        g1 = min(by["strong"]) - max(by["mixed"])
        g2 = min(by["mixed"]) - max(by["weak"])
        print(f"worst-case gaps: strong-mixed {g1:.3f}, mixed-weak {g2:.3f} (target >= 0.15)")
    narrowing = all(
        all(b <= a + 1e-9 for a, b in zip(r["widths"], r["widths"][1:], strict=False)) for r in rows
    )
    print(f"interval never widens between answers: {narrowing}")
    weak_ok = all(
        any(f.startswith("required ") for f in r["flags"]) for r in rows if r["label"] == "weak"
    )
    print(f"weak candidates' final verdicts flag unevidenced required skills: {weak_ok}")
    print(f"verdict rows = answered + 1 everywhere: {all(r['verdict_rows_ok'] for r in rows)}; "
          f"evidence outside its answer: {sum(r['bad_evidence'] for r in rows)} rows")  # fmt: skip
    print(f"judge_session time: {sum(r['seconds'] for r in rows):.1f}s for "
          f"{sum(r['turns'] for r in rows)} turns")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
