"""Figures a JD asks for and figures a candidate states, spoken or written."""

from __future__ import annotations

import pytest

from labkit.language.quantities import asked_quantity, stated_quantities


@pytest.mark.parametrize(
    ("said", "value", "unit"),
    [
        ("I tested at fifty-two words per minute, net.", 52, "words"),
        ("about fourteen hundred hours total", 1400, "hours"),
        ("a hundred and twenty words per minute", 120, "words"),
        ("I have 1,400 hours, 600 of them multi-engine", 1400, "hours"),
        ("52 net wpm", 52, "words"),
    ],
)
def test_stated_figures_spoken_or_written(said, value, unit):
    q = next(q for q in stated_quantities(said) if q.unit == unit)
    assert q.value == value
    # the span runs from the figure to its unit
    assert said[q.start : q.end].split()[-1].lower().strip(",.") in (unit, "wpm")


def test_what_a_requirement_asks_and_what_is_no_figure():
    q = asked_quantity("Type at a net speed of 35 words per minute")
    assert q is not None and (q.value, q.unit) == (35, "words")
    assert asked_quantity("3+ years of experience") is None  # years are experience
    assert asked_quantity("AWS D1.1 certification") is None  # a code
    assert asked_quantity("I passed a 3G bend test") is None
    assert asked_quantity("ICAO English Level 4 or higher") is None  # nothing counted
    assert stated_quantities("a few hours, several words") == []
