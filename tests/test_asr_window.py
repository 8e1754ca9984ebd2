"""Fitted encoder windows (live serving): shorter than Whisper's 30 s, same words, same clock."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from labkit.speech.asr import ASROptions, transcribe_span
from labkit.speech.metrics import wer
from labkit.synth import SynthInterview


class _Spy:
    """Wraps the CTranslate2 model to record the frame count of every encoded window."""

    def __init__(self, inner) -> None:
        self.inner, self.frames = inner, []

    def encode(self, features, *args, **kwargs):
        self.frames.append(features.shape[-1])
        return self.inner.encode(features, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.inner, name)


@pytest.fixture()
def spied(whisper):
    real = whisper.model
    whisper.model = _Spy(real)
    yield whisper
    whisper.model = real


def _answer(interview: SynthInterview) -> tuple[np.ndarray, float, str]:
    from labkit.media.decode import load_audio

    x = load_audio(interview.candidate).samples
    line = next(ln for ln in interview.lines if ln.speaker == "candidate")
    a, b = int((line.t_start - 0.3) * 16_000), int((line.t_end + 0.5) * 16_000)
    return x[a:b], a / 16_000, line.text


def test_fitted_window_encodes_less_and_keeps_words(spied, interview) -> None:
    span, t0, text = _answer(interview)
    assert span.size / 16_000 < 7  # a ~5 s answer: its window is 10 s, not 30 s

    full = transcribe_span(spied, span, speaker="candidate", t0=t0)
    assert spied.model.frames and set(spied.model.frames) == {3000}
    spied.model.frames.clear()
    fit = transcribe_span(
        spied, span, speaker="candidate", t0=t0, options=ASROptions(min_window=10.0)
    )
    assert spied.model.frames and max(spied.model.frames) == 1000

    # tiny.en mishears espeak's "backend engineer" either way: compare with the 30 s window
    fit_wer, full_wer = (wer(text, " ".join(w.text for w in ws)) for ws in (fit, full))
    assert fit_wer <= full_wer + 0.1 and fit_wer < 0.5
    assert abs(len(fit) - len(full)) <= 2
    # word times stay on the session clock, inside the span
    assert t0 <= fit[0].t_start < fit[-1].t_end <= t0 + span.size / 16_000
    assert abs(fit[0].t_start - full[0].t_start) < 0.3


def test_fitted_window_is_per_thread(spied, interview) -> None:
    """A thread that did not ask (the other speaker, file analysis) keeps 30 s windows."""
    span, t0, _ = _answer(interview)

    def run(opts: ASROptions) -> None:
        transcribe_span(spied, span, speaker="candidate", t0=t0, options=opts)

    threads = [
        threading.Thread(target=run, args=(ASROptions(min_window=10.0),)),
        threading.Thread(target=run, args=(ASROptions(),)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(set(spied.model.frames)) == [1000, 3000]
    # and after the block, this thread is back to 30 s
    spied.model.frames.clear()
    transcribe_span(spied, span, speaker="candidate", t0=t0)
    assert set(spied.model.frames) == {3000}
