"""Shared fixtures for the language/judgment tests (imported by them; conftest is the lead's).

The MiniLM embedder loads once per test process (get_embedder is cached), ~5-15 s.
"""

from __future__ import annotations

import pytest

from labkit.language.script import turns_from_lines

BACKEND_JD = """Backend Engineer

We are hiring a backend engineer for our data platform.

Requirements:
- 4+ years of professional experience with Python
- Strong PostgreSQL skills
- Experience with Kubernetes (k8s)
- Clear communication skills

Nice to have:
- Kafka
"""

STRONG = [
    ("interviewer", "Hi, thanks for joining. How are you today?"),
    ("candidate", "Very well, thank you."),
    ("interviewer", "Great. So tell me about your experience with Python"),
    ("candidate", "I have six years of professional experience with Python. I built our billing "
                  "service in Django and I reduced its latency from 900 to 120 milliseconds "
                  "because I moved the heavy reports to a queue."),
    ("interviewer", "How do you tune a slow Postgres query?"),
    ("candidate", "I start with explain analyze. Last year I found a sequential scan on a "
                  "forty million row table, so I added a partial index and the query dropped "
                  "from eight seconds to sixty milliseconds."),
    ("interviewer", "Okay."),
    ("candidate", "I also track the slowest queries every week with pg stat statements."),
    ("interviewer", "Have you run services on Kubernetes?"),
    ("candidate", "Yes, I deployed twelve services on Kubernetes and wrote their Helm charts. "
                  "I set up autoscaling, which cut our cloud bill by thirty percent."),
    ("interviewer", "Thank you for your time, we will be in touch."),
    ("candidate", "Thanks, bye."),
]  # fmt: skip

WEAK = [
    ("interviewer", "Hi, thanks for joining. How are you today?"),
    ("candidate", "Fine."),
    ("interviewer", "Great. So tell me about your experience with Python"),
    ("candidate", "Um, I, I think I have like five years, maybe, uh, doing small scripts, "
                  "you know, nothing big I guess."),
    ("interviewer", "How do you tune a slow Postgres query?"),
    ("candidate", "Uh, I'm not sure. I haven't really used Postgres, I would maybe google it."),
    ("interviewer", "Have you run services on Kubernetes?"),
    ("candidate", "No, I have never used Kubernetes. It depends, I don't really know."),
    ("interviewer", "How many years have you been programming professionally?"),
    ("candidate", "About two years I think."),
    ("interviewer", "Thank you for your time, we will be in touch."),
    ("candidate", "Okay."),
]  # fmt: skip


def turns(lines, **kw):
    return turns_from_lines(lines, **kw)


@pytest.fixture(scope="session")
def embedder():
    from labkit.language.nlp import get_embedder

    return get_embedder("cpu")


@pytest.fixture(scope="session")
def backend_spec():
    from labkit.language.jd import parse_jd

    return parse_jd(BACKEND_JD)
