"""Decoding, resampling and validation of media files."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import pytest

from labkit.errors import MediaError
from labkit.media.decode import check_audio, load_audio, load_stereo_pair
from labkit.media.tracks import TrackWriter, read_track, track_duration
from tests.conftest import tone


def encode(
    path: Path,
    x: np.ndarray,
    *,
    rate: int,
    codec: str,
    fmt: str | None = None,
    layout: str = "mono",
) -> Path:
    """Write ``x`` (channels, n) float32 with PyAV in any container/codec."""
    x = np.atleast_2d(x)
    pcm = (np.clip(x, -1, 1) * 32767).astype(np.int16)
    with av.open(str(path), "w", format=fmt) as c:
        s = c.add_stream(codec, rate=rate, layout=layout)
        frame = av.AudioFrame.from_ndarray(pcm.T.reshape(1, -1).copy(), format="s16", layout=layout)
        frame.sample_rate = rate
        r = av.AudioResampler(format=s.codec_context.format.name, layout=layout, rate=rate)
        for f in r.resample(frame) + r.resample(None):
            for p in s.encode(f):
                c.mux(p)
        for p in s.encode(None):
            c.mux(p)
    return path


@pytest.mark.parametrize(
    ("name", "codec", "fmt", "rate"),
    [
        ("a.wav", "pcm_s16le", None, 44_100),
        ("a.flac", "flac", None, 48_000),
        ("a.mp3", "libmp3lame", None, 44_100),
        ("a.ogg", "libopus", "ogg", 48_000),
        ("a.webm", "libopus", "webm", 48_000),
        ("a.m4a", "aac", "mp4", 22_050),
        ("a.mp4", "aac", "mp4", 44_100),
    ],
)
def test_decodes_common_formats_to_16k_mono(
    tmp_path: Path, name: str, codec: str, fmt: str | None, rate: int
) -> None:
    x = tone(2.0, sr=rate, freq=440.0)
    audio = load_audio(encode(tmp_path / name, x, rate=rate, codec=codec, fmt=fmt))
    assert audio.sample_rate == 16_000
    assert audio.samples.ndim == 1 and audio.samples.dtype == np.float32
    assert abs(audio.duration - 2.0) < 0.1
    # the pitch survives resampling: dominant frequency still ~440 Hz
    spec = np.abs(np.fft.rfft(audio.samples[4000:20000]))
    assert abs(np.argmax(spec) * 16_000 / 16_000 - 440) < 5


def test_stereo_split_left_is_interviewer(tmp_path: Path) -> None:
    left, right = tone(1.0, freq=300.0), tone(1.0, freq=1000.0, amp=0.1)
    path = encode(
        tmp_path / "s.wav", np.stack([left, right]), rate=16_000, codec="pcm_s16le", layout="stereo"
    )
    li, ca = load_stereo_pair(path)
    assert abs(np.abs(li.samples).max() - 0.3) < 0.01
    assert abs(np.abs(ca.samples).max() - 0.1) < 0.01


def test_stereo_flag_on_mono_file_is_clear(tmp_path: Path) -> None:
    path = encode(tmp_path / "m.wav", tone(1.0), rate=16_000, codec="pcm_s16le")
    with pytest.raises(MediaError, match="two-channel"):
        load_stereo_pair(path)


def test_bad_inputs_have_one_line_reasons(tmp_path: Path) -> None:
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    garbage = tmp_path / "garbage.mp3"
    garbage.write_bytes(np.random.default_rng(0).bytes(5000))
    for path, reason in (
        (tmp_path / "nope.wav", "no such file"),
        (empty, "empty"),
        (garbage, "cannot be decoded"),
    ):
        with pytest.raises(MediaError, match=reason) as e:
            load_audio(path)
        assert "\n" not in str(e.value)


def test_video_without_audio_track(tmp_path: Path) -> None:
    path = tmp_path / "v.mp4"
    with av.open(str(path), "w") as c:
        s = c.add_stream("mpeg4", rate=10)
        s.width, s.height, s.pix_fmt = 64, 48, "yuv420p"
        for _ in range(5):
            img = av.VideoFrame.from_ndarray(np.zeros((48, 64, 3), np.uint8), format="rgb24")
            for p in s.encode(img):
                c.mux(p)
        for p in s.encode(None):
            c.mux(p)
    with pytest.raises(MediaError, match="no audio track"):
        load_audio(path)


def test_too_short_and_silent_are_rejected(tmp_path: Path) -> None:
    short = load_audio(encode(tmp_path / "short.wav", tone(0.2), rate=16_000, codec="pcm_s16le"))
    with pytest.raises(MediaError, match="too short"):
        check_audio(short)
    silent = load_audio(
        encode(
            tmp_path / "silent.wav", np.zeros(32_000, np.float32), rate=16_000, codec="pcm_s16le"
        )
    )
    with pytest.raises(MediaError, match="silent"):
        check_audio(silent)
    check_audio(load_audio(encode(tmp_path / "ok.wav", tone(1.0), rate=16_000, codec="pcm_s16le")))


def test_track_writer_appends_durably(tmp_path: Path) -> None:
    path = tmp_path / "candidate.pcm"
    with TrackWriter(path, sample_rate=16_000) as w:
        w.append(tone(0.5))
        w.append(np.zeros(8000, np.int16))
    # a second writer (a restarted engine) appends, never truncates
    with TrackWriter(path, sample_rate=16_000) as w:
        w.append(tone(0.25))
    assert track_duration(path) == pytest.approx(1.25)
    back = read_track(path, start=0, stop=8000)
    assert np.allclose(back, tone(0.5), atol=1e-4)


def test_track_round_trip_is_lossless_for_int16_audio(tmp_path: Path) -> None:
    # decoded files and browser PCM are int16 / 32768: the raw track must give them back
    # bit for bit (a 1-LSB change flips tiny.en's beam search on long tracks)
    k = np.random.default_rng(3).integers(-32768, 32767, 16_000, dtype=np.int16)
    path = tmp_path / "interviewer.pcm"
    with TrackWriter(path, sample_rate=16_000) as w:
        w.append(k.astype(np.float32) / 32768.0)
        w.append(np.array([1.5, -1.5], np.float32))  # out of range: clipped
    back = read_track(path)
    assert np.array_equal(back[:16_000], k.astype(np.float32) / 32768.0)
    assert back[16_000] == pytest.approx(32767 / 32768) and back[16_001] == -1.0


def test_synthesized_interviews_repeat_exactly(tmp_path: Path) -> None:
    """The same script gives the same samples twice (sox's resampling dither is seeded), so
    fixtures and benchmark figures reproduce from run to run; another noise seed differs."""
    from labkit.synth import Line, synthesize_interview

    lines = [Line("interviewer", "Why Kafka?"), Line("candidate", "Because of the replay.")]
    a, b, c = (
        load_audio(synthesize_interview(lines, tmp_path / name, seed=seed).candidate).samples
        for name, seed in (("a", 0), ("b", 0), ("c", 1))
    )
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)


def test_one_spoken_line_is_trimmed_16k_speech() -> None:
    from labkit.synth import speak

    x = speak("Kafka keeps the events.")
    assert x.dtype == np.float32 and 0.8 < x.size / 16_000 < 4.0
    assert abs(x[0]) > 10 ** (-45 / 20) and abs(x[-1]) > 10 ** (-45 / 20)  # no silent edges
    assert np.array_equal(x, speak("Kafka keeps the events."))
