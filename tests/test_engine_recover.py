"""Engine._recover and extra passes: speech a long span's decode skipped or misread is decoded
again (fake models)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace as NS

import numpy as np

from labkit.engine import Engine
from labkit.store import Store

SR = 16_000


class SkippingModel:
    """Like tiny.en on a long span: it transcribes the first second, seeks past the rest of
    the window, and stamps the short reply of region 2 onto region 3's start with zero length.
    Asked about a short stretch on its own, it hears it."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def transcribe(self, samples: np.ndarray, **_kw):
        dur = samples.size / SR
        self.calls.append(round(dur, 2))
        if dur > 20:
            words = [
                NS(word=" Hello", start=0.1, end=0.8, probability=0.9),
                NS(word=" yes.", start=24.0, end=24.0, probability=0.9),
                NS(word=" Final", start=24.1, end=24.6, probability=0.9),
            ]
        elif dur < 1.5:
            words = [NS(word=" Yes.", start=0.2, end=0.5, probability=0.9)]
        else:
            words = [NS(word=" recovered", start=0.5, end=1.5, probability=0.9)]
        return [NS(words=words)], None


def _recover(tmp_path: Path, t0: float, regions: list[tuple[int, int]]):
    """Decode 25 s of a 26 s buffer in one span, then let the engine recover what it skipped."""
    model = SkippingModel()
    with Store(tmp_path / "lab.duckdb") as store:
        eng = Engine(store, store.create_session(title="recover"), model=model)
        tr = eng.tracks["candidate"]
        tr.t0 = t0
        buf = np.zeros(26 * SR, np.float32)
        words = eng._decode(tr, buf[: 25 * SR], 0)
        times = [(t0 + a / SR, t0 + b / SR) for a, b in regions]
        return words, eng._recover(tr, buf, 0, times, words), model.calls, eng.speculation


def test_skipped_speech_is_decoded_again(tmp_path: Path) -> None:
    # region 1: 0-12 s (only its first second decoded), region 2: a 1 s reply at 15 s,
    # region 3: 24-25 s (decoded)
    regions = [(0, 12 * SR), (15 * SR, 16 * SR), (24 * SR, 25 * SR)]
    _, got, calls, counts = _recover(tmp_path, 10.0, regions)
    texts = [(w.text, w.t_start) for w in got]
    # the hole inside region 1 (0.9-12 s) and the empty region 2 were decoded on their own
    assert calls == [25.0, 11.1, 1.0]
    # the zero-length "yes." Whisper had put at region 3's start is gone
    assert [t for t, _ in texts] == ["Hello", "recovered", "Yes.", "Final"]
    assert texts[2][1] == 25.2  # the reply at its own time, not region 3's start
    assert counts["recovered_stretches"] == 2


def test_a_single_utterance_is_not_second_guessed(tmp_path: Path) -> None:
    words, got, calls, _ = _recover(tmp_path, 0.0, [(0, 25 * SR)])
    assert got == words
    assert calls == [25.0]


def test_a_first_word_stamped_in_the_silence_moves_to_its_region() -> None:
    from labkit.engine.engine import _snap_starts
    from labkit.records import Word

    regions = [(0.0, 4.0), (5.0, 8.0)]
    ws = [
        Word("interviewer", 1.0, 1.4, "fine"),
        Word("interviewer", 4.3, 5.3, "Thanks."),  # starts in the gap, ends in region 2
        Word("interviewer", 4.2, 4.4, "uh"),  # wholly in the gap: left alone
        Word("interviewer", 5.4, 5.8, "That's"),
    ]
    got = [(w.text, w.t_start, w.t_end) for w in _snap_starts(ws, regions)]
    assert got == [
        ("fine", 1.0, 1.4),
        ("Thanks.", 5.0, 5.3),
        ("uh", 4.2, 4.4),
        ("That's", 5.4, 5.8),
    ]


class ShiftSensitiveModel:
    """Like tiny.en, whose reading of an utterance depends on where Whisper's windows fall:
    from the span's start it is sure of region 1 and unsure of region 2; after a lead of
    silence the other way round, and only then does it hear region 3."""

    def __init__(self) -> None:
        self.leads: list[float] = []

    def transcribe(self, samples: np.ndarray, **_kw):
        lead = int(np.argmax(samples != 0)) / SR  # leading exact zeros: the added silence
        self.leads.append(round(lead, 3))
        sure, unsure = (0.9, 0.2) if lead == 0 else (0.3, 0.85)
        w = lambda t, s, e, p: NS(word=t, start=lead + s, end=lead + e, probability=p)  # noqa: E731
        words = [w(" I", 0.2, 0.4, sure), w(" own", 0.5, 0.9, sure)]
        if lead == 0:
            words += [w(" thank", 10.2, 10.6, unsure), w(" you", 10.7, 11.0, unsure)]
        else:
            words += [w(" run", 10.2, 10.5, unsure), w(" Kubernetes", 10.6, 11.4, unsure)]
            words += [w(" done", 15.1, 15.5, 0.5)]
        return [NS(words=words)], None


def _passes(tmp_path: Path, monkeypatch, **opts):
    from labkit.engine import EngineOptions
    from labkit.engine import engine as engine_mod

    regions = [(0, SR), (10 * SR, int(11.5 * SR)), (15 * SR, 16 * SR)]
    monkeypatch.setattr(engine_mod, "speech_regions", lambda buf, options: regions)
    model = ShiftSensitiveModel()
    with Store(tmp_path / "lab.duckdb") as store:
        eng = Engine(
            store, store.create_session(title="passes"), model=model,
            options=EngineOptions(**opts),
        )  # fmt: skip
        tr = eng.tracks["candidate"]
        tr.t0 = 0.0
        tr.buf = np.random.default_rng(0).normal(0, 0.01, 17 * SR).astype(np.float32)
        tr.written = tr.buf.size
        cut = eng._cut_and_transcribe(tr, flush=True)
        return [(w.text, w.t_start) for w in cut.words], sorted(model.leads)


def test_extra_passes_keep_the_surer_reading_of_each_region(tmp_path, monkeypatch) -> None:
    got, leads = _passes(tmp_path, monkeypatch, extra_passes=(0.25,), head_check=None)
    assert leads == [0.0, 0.25]  # the span, then the span after 0.25 s of silence
    # region 1 from the first decode, region 2 from the shifted one, at their true times
    # (the lead taken off again); region 3, which only the shifted decode heard, is kept
    assert got == [
        ("I", 0.2), ("own", 0.5), ("run", 10.2), ("Kubernetes", 10.6), ("done", 15.1),
    ]  # fmt: skip


def test_no_extra_passes_means_one_decode(tmp_path, monkeypatch) -> None:
    got, leads = _passes(tmp_path, monkeypatch, extra_passes=(), head_check=None, recover_min=100.0)
    assert leads == [0.0]
    assert [t for t, _ in got] == ["I", "own", "thank", "you"]


def test_a_last_word_stretched_over_the_silence_ends_with_its_region() -> None:
    from labkit.engine.engine import _clip_ends
    from labkit.records import Word

    regions = [(65.0, 73.5), (79.8, 90.0)]
    ws = [
        Word("candidate", 72.6, 72.9, "of"),
        Word("candidate", 72.9, 79.6, "my"),  # over the interviewer's question at 77.5
        Word("candidate", 79.9, 80.5, "honestly"),
        Word("candidate", 89.8, 91.0, "work."),  # past the last region: ends with it
    ]
    got = [(w.text, w.t_start, w.t_end) for w in _clip_ends(ws, regions)]
    assert got == [
        ("of", 72.6, 72.9),
        ("my", 72.9, 73.5),
        ("honestly", 79.9, 80.5),
        ("work.", 89.8, 90.0),
    ]


class LoopingModel:
    """tiny.en primed with hotwords: the closing line comes back as a loop on one of them."""

    def transcribe(self, samples: np.ndarray, **_kw):
        words = [NS(word=" .NET", start=0.1 + 0.2 * i, end=0.3 + 0.2 * i, probability=0.4)
                 for i in range(7)]  # fmt: skip
        words += [NS(word=" Thanks", start=1.6, end=1.9, probability=0.9)]
        words += [NS(word=w, start=2.0 + 0.3 * i, end=2.2 + 0.3 * i, probability=0.9)
                  for i, w in enumerate([" no,", " no,", " no."])]  # fmt: skip
        words += [NS(word=w, start=3.0 + 0.2 * i, end=3.2 + 0.2 * i, probability=0.5)
                  for i, w in enumerate([" fintech", " fintech", " fintech", " service"])]  # fmt: skip
        words += [NS(word=w, start=4.0 + 0.2 * i, end=4.2 + 0.2 * i, probability=0.9)
                  for i, w in enumerate([" really,", " really", " good."])]  # fmt: skip
        return [NS(words=words)], None


def test_a_loop_on_one_word_is_cut_to_one_and_short_repeats_stay() -> None:
    from labkit.speech.asr import transcribe_span

    got = transcribe_span(LoopingModel(), np.ones(4 * SR, np.float32), speaker="interviewer", t0=0)
    # a long word three times is a loop too; said twice it stays
    assert [w.text for w in got] == [
        ".NET", "Thanks", "no,", "no,", "no.", "fintech", "service", "really,", "really", "good."
    ]  # fmt: skip


def _w(text: str, t: float, p: float = 0.9):
    from labkit.records import Word

    return Word("candidate", t, round(t + 0.3, 3), text, p)


def test_a_first_word_the_packed_decode_dropped_is_put_back() -> None:
    from labkit.engine.engine import _restore_heads

    regions = [(0.0, 5.0), (10.0, 14.0)]
    words = [_w("Yes.", 0.5), _w("really", 10.9), _w("myself.", 11.3), _w("I", 11.8)]
    heads = [
        [_w("Yes.", 0.5)],
        [_w("Um,", 10.1), _w("not", 10.5), _w("really", 10.9), _w("myself,", 11.3)],
    ]
    got = _restore_heads(words, heads, regions)
    # the denial is back, at the lone decode's times; punctuation does not block the match
    assert [w.text for w in got] == ["Yes.", "Um,", "not", "really", "myself.", "I"]
    assert [w.t_start for w in got][1:3] == [10.1, 10.5]


def test_a_first_word_stamped_into_the_region_before_moves() -> None:
    from labkit.engine.engine import _restore_heads

    regions = [(0.0, 5.0), (10.0, 14.0)]
    words = [_w("a", 3.0), _w("fault?", 3.5), _w("How", 4.6), _w("does", 10.3), _w("it", 10.6)]
    heads = [[_w("a", 3.0)], [_w("How", 10.0), _w("does", 10.3), _w("it", 10.6)]]
    got = _restore_heads(words, heads, regions)
    assert [(w.text, w.t_start) for w in got] == [
        ("a", 3.0), ("fault?", 3.5), ("How", 10.0), ("does", 10.3), ("it", 10.6),
    ]  # fmt: skip


def test_a_head_that_reads_differently_changes_nothing() -> None:
    from labkit.engine.engine import _restore_heads

    regions = [(0.0, 5.0), (10.0, 14.0)]
    words = [_w("Yes.", 0.5), _w("we", 10.2), _w("post", 10.6), _w("them", 11.0)]
    for head in (
        [_w("I", 10.0), _w("know", 10.2), _w("cost", 10.6)],  # no common start
        [_w("post", 10.6), _w("them", 11.0)],  # the lone decode dropped a word: keep ours
        [*(_w(t, 10.0 + i / 10) for i, t in enumerate("abcd")), _w("we", 10.4)],
        # more than three words before: not a dropped start
    ):
        assert _restore_heads(words, [[], head], regions) == words


def test_file_analysis_decodes_each_region_head_on_its_own(tmp_path, monkeypatch) -> None:
    got, leads = _passes(tmp_path, monkeypatch, extra_passes=(), recover_min=100.0)
    # the span, then the first 4 s of each of its three regions (no added silence: lead 0)
    assert leads == [0.0] * 4
    # the fake's lone readings start where the span's do: nothing to put back
    assert [t for t, _ in got] == ["I", "own", "thank", "you"]
