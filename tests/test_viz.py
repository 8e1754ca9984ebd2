"""HTML views and the dashboard app, with a fake engine client."""

from __future__ import annotations

from typing import Any

from labkit.viz.html import evolution_svg, qa_html, script_html, verdict_html

VERDICTS = [
    {"t": 10.0, "hire_probability": 0.5, "low": 0.2, "high": 0.8, "is_final": False},
    {"t": 20.0, "hire_probability": 0.6, "low": 0.45, "high": 0.75, "is_final": True},
]
FINAL = {
    **VERDICTS[1],
    "label_probs": '{"no": 0.1, "maybe": 0.5, "yes": 0.4}',
    "risk_flags": '["required skill never evidenced: Kubernetes"]',
    "summary": "Evidence was found for 2 of 3 required skills <Python>.",
}


def test_verdict_shows_interval_flags_and_escapes_text() -> None:
    html = verdict_html(FINAL, emotion_off=True)
    assert "60%" in html and "45%–75%" in html
    assert "Kubernetes" in html and "&lt;Python&gt;" in html and "<Python>" not in html
    assert "Emotion-off" in html and "A person decides" in html
    assert "No verdict yet" in verdict_html(None)


def test_evolution_band_and_points() -> None:
    svg = evolution_svg(VERDICTS)
    assert svg.count("<circle") == 2 and "<polygon" in svg
    assert evolution_svg([]) == ""


def test_qa_lists_every_score_with_its_evidence_and_times() -> None:
    pairs = [
        {
            "idx": 0,
            "question": "Tell me about Python?",
            "answer": "I used Python daily.",
            "kind": "prompt",
            "link_confidence": 0.9,
        }
    ]
    scores = [
        {
            "qa_idx": 0,
            "dimension": "requirement",
            "score": 0.8,
            "evidence": "used Python",
            "t_start": 61.0,
            "t_end": 62.5,
            "requirement": "Python",
        }
    ]
    html = qa_html(pairs, scores)
    assert "“used Python”" in html and "[01:01–01:02]" in html and "requirement · Python" in html
    assert "Candidate" in script_html([{"speaker": "candidate", "t_start": 3, "text": "hi"}])


class FakeClient:
    def __init__(self) -> None:
        self.decisions: list[dict[str, Any]] = []
        self.deleted: list[str] = []

    def sessions(self) -> list[dict[str, Any]]:
        return [{"session_id": "s1", "title": "mock", "status": "complete"}]

    def report(self, sid: str) -> dict[str, Any]:
        return {
            "info": {"title": "mock", "status": "complete", "mode": "standard", "consent": "{}"},
            "counts": {"turns": 2, "qa_pairs": 1, "face_frames": 0},
            "decisions": self.decisions,
            "verdict": FINAL,
            "verdicts": VERDICTS,
            "profile": [{"dimension": "communication", "mean": 0.6, "sd": 0.1}],
            "qa_pairs": [],
            "scores": [],
            "turns": [],
        }

    def record_decision(self, sid: str, **kw: Any) -> None:
        self.decisions.append({**kw})

    def delete_session(self, sid: str) -> None:
        self.deleted.append(sid)


def test_dashboard_records_a_decision_and_deletes_only_when_confirmed() -> None:
    from labkit.apps.dashboard import dashboard_app

    client = FakeClient()
    app = dashboard_app(client, session_id="s1")
    kids = app.children
    assert "60%" in kids[2].value  # the verdict panel
    decision, author, _comments, record = kids[8], kids[9], kids[10], kids[11]
    record.click()
    assert client.decisions == []  # no decision picked yet
    decision.value, author.value = "yes", "ana"
    record.click()
    assert client.decisions[0]["decision"] == "yes" and client.decisions[0]["author"] == "ana"
    confirm, delete = kids[13].children
    delete.click()
    assert client.deleted == []
    confirm.value = True
    delete.click()
    assert client.deleted == ["s1"]
