"""Sentence framing, turn building and turn finalization on constructed words."""

from __future__ import annotations

from labkit.records import Word
from labkit.report.script import format_script
from labkit.speech.framing import build_turns, final_turn_count, frame_sentences


def words(speaker: str, text: str, t0: float, step: float = 0.3) -> list[Word]:
    return [
        Word(speaker, t0 + i * step, t0 + i * step + 0.25, w)  # type: ignore[arg-type]
        for i, w in enumerate(text.split())
    ]


def test_sentences_split_on_pause_and_punctuation() -> None:
    ws = words("candidate", "I built it. Then I", 0.0) + words("candidate", "shipped it", 3.0)
    sents = frame_sentences(ws)
    assert [s.text for s in sents] == ["I built it.", "Then I", "shipped it"]
    assert sents[2].t_start == 3.0


def test_turns_alternate_in_time_order() -> None:
    ws = (
        words("interviewer", "what did you build", 0.0)
        + words("candidate", "a payment service", 2.0)
        + words("interviewer", "why", 4.0)
        + words("candidate", "because it mattered", 5.0)
    )
    turns = build_turns(sorted(ws, key=lambda w: -w.t_start))  # input order must not matter
    assert [t.speaker for t in turns] == ["interviewer", "candidate", "interviewer", "candidate"]
    assert [t.idx for t in turns] == [0, 1, 2, 3]
    assert turns[1].text == "a payment service"
    assert not any(t.overlap for t in turns)
    assert format_script(turns).splitlines()[1] == "[00:02] Candidate: a payment service"


def test_same_speaker_pause_without_reply_stays_one_turn() -> None:
    ws = words("interviewer", "tell me about it", 0.0) + words("interviewer", "any example", 6.0)
    turns = build_turns(ws)
    assert len(turns) == 1 and turns[0].text == "tell me about it any example"


def test_interjection_does_not_split_the_answer() -> None:
    answer = words("candidate", "so we moved the jobs to airflow and then we added alerts", 10.0)
    ws = words("interviewer", "how", 8.0) + answer + words("interviewer", "mm-hm", 11.0)
    turns = build_turns(ws)
    speakers = [(t.speaker, t.overlap) for t in turns]
    assert speakers == [("interviewer", False), ("candidate", False), ("interviewer", True)]
    assert turns[1].text.endswith("added alerts")


def test_overlapping_start_is_flagged() -> None:
    ws = words("interviewer", "and how long did it take you", 0.0) + words(
        "candidate", "about two weeks in total", 1.5
    )
    turns = build_turns(ws)
    assert [t.speaker for t in turns] == ["interviewer", "candidate"]
    assert turns[1].overlap and not turns[0].overlap


def test_a_reply_stamped_just_inside_the_last_word_is_not_an_overlap() -> None:
    ws = words("interviewer", "okay", 0.0) + words("candidate", "the driver was tricky", 0.15)
    turns = build_turns(ws)  # "okay" ends at 0.25: 0.1 s of timestamp jitter
    assert [(t.speaker, t.overlap) for t in turns] == [
        ("interviewer", False),
        ("candidate", False),
    ]
    late = build_turns(words("interviewer", "okay", 0.0) + words("candidate", "the", 0.02))
    assert late[1].overlap


def test_final_turn_count_waits_for_the_reply_and_the_watermark() -> None:
    ws = words("interviewer", "what is your name", 0.0) + words("candidate", "sam", 2.0)
    turns = build_turns(ws)
    assert final_turn_count(turns, watermark=1.5) == 0  # reply not known yet
    assert final_turn_count(turns, watermark=3.0) == 1  # interviewer turn closed by the reply
    assert final_turn_count(turns, watermark=100.0) == 1  # last turn may still grow


def test_turn_final_as_soon_as_the_other_speaker_starts_talking() -> None:
    """VAD sees the interviewer's next question before ASR has read it: the answer is closed."""
    ws = words("interviewer", "tell me more", 0.0) + words("candidate", "we used kafka", 2.0)
    turns = build_turns(ws)
    done = {"interviewer": 4.0, "candidate": 5.0}
    assert final_turn_count(turns, done=done, onsets={"interviewer": None}) == 1
    assert final_turn_count(turns, done=done, onsets={"interviewer": 4.0}) == 2
    # but not while the candidate might still continue (own silence too short)
    assert (
        final_turn_count(
            turns, done={"interviewer": 4.0, "candidate": 3.2}, onsets={"interviewer": 4.0}
        )
        == 1
    )
