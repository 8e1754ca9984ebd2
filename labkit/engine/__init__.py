"""The incremental session engine and its feeds."""

from labkit.engine.analyze import AnalyzeInputs, analyze_files, load_inputs
from labkit.engine.engine import Engine, EngineOptions, Stage
from labkit.engine.events import AudioChunk, InterviewEnd, JDSet, ProfilingToggle, VideoFrame

__all__ = [
    "AnalyzeInputs",
    "AudioChunk",
    "Engine",
    "EngineOptions",
    "InterviewEnd",
    "JDSet",
    "ProfilingToggle",
    "Stage",
    "VideoFrame",
    "analyze_files",
    "load_inputs",
]
