"""Language: JD parsing, question detection, Q/A pairing, answer scoring, embeddings.

Models (spaCy, MiniLM) load lazily on first use: ``pip install 'labkit[language]'``.
"""

from labkit.language.jd import JDOptions, jobspec_from_rows, jobspec_to_rows, parse_jd, reweight
from labkit.language.nlp import Embedder, MiniLMEmbedder, get_embedder, load_spacy
from labkit.language.pairing import PairingOptions, pair_questions
from labkit.language.phonetic import sound_key, sounds_like
from labkit.language.questions import QUESTION_KINDS, TurnClass, classify_turn
from labkit.language.scoring import AnswerHistory, ScoringOptions, answer_text, score_answer
from labkit.language.script import turns_from_lines
from labkit.language.vocabulary import SkillEntry, Vocabulary, load_vocabulary

__all__ = [
    "QUESTION_KINDS",
    "AnswerHistory",
    "Embedder",
    "JDOptions",
    "MiniLMEmbedder",
    "PairingOptions",
    "ScoringOptions",
    "SkillEntry",
    "TurnClass",
    "Vocabulary",
    "answer_text",
    "classify_turn",
    "get_embedder",
    "jobspec_from_rows",
    "jobspec_to_rows",
    "load_spacy",
    "load_vocabulary",
    "pair_questions",
    "parse_jd",
    "reweight",
    "score_answer",
    "sound_key",
    "sounds_like",
    "turns_from_lines",
]
