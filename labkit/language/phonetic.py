"""Sound-alike matching so that misheard skill names still match ("cooper netties" = Kubernetes).

The key is a crude consonant skeleton: vowels and h/w/y dropped, voiced/unvoiced pairs merged,
repeats collapsed. Two strings match when their keys are near-identical *and* their spellings are
not too far apart; both gates together keep "doctor" from matching "docker".
"""

from __future__ import annotations

import re

__all__ = ["sound_key", "sounds_like", "spelling_ratio"]

_DIGRAPHS = (
    ("tch", "x"),
    ("sch", "sk"),
    ("ch", "x"),
    ("sh", "x"),
    ("th", "t"),
    ("ph", "f"),
    ("ck", "k"),
    ("gh", "g"),
    ("qu", "kw"),
    ("kn", "n"),
    ("wr", "r"),
)
_MAP = str.maketrans({"b": "p", "d": "t", "g": "k", "q": "k", "v": "f", "z": "s", "j": "x"})


def sound_key(text: str) -> str:
    s = re.sub(r"[^a-z]", "", text.lower())
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    s = re.sub(r"c(?=[eiy])", "s", s)
    s = s.replace("c", "k").replace("x", "x")
    s = s.translate(_MAP)
    s = re.sub(r"[aeiouhwy]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def spelling_ratio(a: str, b: str) -> float:
    """Normalised Indel similarity in [0, 1] (rapidfuzz when present, else difflib)."""
    try:
        from rapidfuzz.fuzz import ratio

        return float(ratio(a, b)) / 100.0
    except ImportError:  # pragma: no cover - rapidfuzz ships with the language extra
        from difflib import SequenceMatcher

        return SequenceMatcher(None, a, b).ratio()


def sounds_like(heard: str, target: str, *, min_len: int = 5) -> float:
    """Similarity in [0, 1] of a heard phrase to a target term; 0 when they do not sound alike."""
    h = re.sub(r"[^a-z0-9]", "", heard.lower())
    t = re.sub(r"[^a-z0-9]", "", target.lower())
    if len(t) < min_len or len(h) < min_len - 1 or not h or not t:
        return 0.0
    if h == t:
        return 1.0
    spell = spelling_ratio(h, t)
    kh, kt = sound_key(h), sound_key(t)
    if len(kt) < 3 or not kh:
        return 0.0
    key = spelling_ratio(kh, kt)
    if kh == kt and spell >= 0.6:
        return 0.5 + 0.5 * spell
    if key >= 0.85 and spell >= 0.7:
        return 0.4 + 0.5 * spell
    if spell >= 0.9:
        return spell
    return 0.0
