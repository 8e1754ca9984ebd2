"""Make the shipped demo interview labkit/demo/interview.ogg (committed, ~160 KB).

Usage: python scripts/make_demo_audio.py labkit/demo/interview.ogg
"""

import sys
from pathlib import Path

import av
import numpy as np

from labkit.media.decode import load_audio
from labkit.synth import Line, synthesize_interview

LINES = [
    Line(
        "interviewer",
        "Hello, thanks for joining us today. Can you tell me about your experience with Python?",
    ),
    Line(
        "candidate",
        "Sure. I have worked with Python for five years, mostly building data pipelines and web services with Django and PostgreSQL.",
    ),
    Line("interviewer", "How did you make those pipelines reliable?"),
    Line(
        "candidate",
        "I added automated tests, retries and monitoring, and I moved the batch jobs to Airflow, which cut failures by half.",
    ),
    Line("interviewer", "What would you do if a deployment broke production?"),
    Line(
        "candidate",
        "First I would roll back, then find the root cause from the logs, and write a test so it cannot happen again.",
    ),
    Line("interviewer", "Great, thank you. That is all from me."),
]
out = Path(sys.argv[1])
tmp = out.parent / "_demo_tmp"
si = synthesize_interview(LINES, tmp)
a = load_audio(si.stereo, mono=False)
x = (np.clip(a.samples.T, -1, 1) * 32767).astype(np.int16)
with av.open(str(out), "w", format="ogg") as c:
    s = c.add_stream("libopus", rate=48000, layout="stereo")
    s.codec_context.bit_rate = 32000
    frame = av.AudioFrame.from_ndarray(x.reshape(1, -1), format="s16", layout="stereo")
    frame.sample_rate = 16000
    r = av.AudioResampler(format="s16", layout="stereo", rate=48000)
    for f in r.resample(frame) + r.resample(None):
        for p in s.encode(f):
            c.mux(p)
    for p in s.encode(None):
        c.mux(p)
print(out, out.stat().st_size, si.duration)
for l in si.lines:
    print(l)
