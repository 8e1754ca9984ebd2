"""Interviewer turn classification without trusting ASR punctuation.

A turn is cut into clauses at punctuation *and* at discourse markers ("okay so", "great, now"),
because Whisper often leaves out both commas and question marks. A clause is a question when it
opens with a wh-word that asks (what did you / how long / why), an auxiliary followed by a
pronoun (did you / would you / is there), or contains an interview prompt (tell me about, walk me
through, describe). A question mark only adds a little.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from labkit.language.nlp import Embedder

__all__ = [
    "QUESTION_KINDS",
    "UNSCORED_KINDS",
    "TurnClass",
    "classify_turn",
    "is_closed_question",
    "question_topic",
    "small_talk_cue",
    "words_of",
]

QUESTION_KINDS = ("question", "prompt", "follow_up", "small_talk", "candidate_questions")
# questions whose answers say nothing about the candidate's fit: paired, shown, not scored
UNSCORED_KINDS = frozenset(["small_talk", "candidate_questions"])

_WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

_WH = frozenset(["what", "why", "how", "where", "when", "which", "who", "whose", "whom"])
_AUX = frozenset(
    [
        "do",
        "does",
        "did",
        "can",
        "could",
        "would",
        "will",
        "have",
        "has",
        "had",
        "are",
        "is",
        "was",
        "were",
        "should",
        "shall",
        "may",
        "might",
        "must",
        "don't",
        "didn't",
        "doesn't",
        "haven't",
        "hasn't",
        "aren't",
        "isn't",
        "wasn't",
        "weren't",
        "won't",
        "wouldn't",
        "couldn't",
        "can't",
    ]
)
_AUX_THE = frozenset(["is", "was", "are", "were", "did", "does", "do", "has", "have"])
_PRON = frozenset(
    [
        "you",
        "your",
        "you've",
        "you're",
        "we",
        "they",
        "it",
        "there",
        "that",
        "this",
        "he",
        "she",
        "i",
        "anyone",
    ]
)
_WH_NEXT = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "do",
        "does",
        "did",
        "would",
        "could",
        "can",
        "will",
        "should",
        "have",
        "has",
        "had",
        "'s",
        "kind",
        "type",
        "sort",
        "made",
        "makes",
        "led",
        "happened",
        "motivates",
        "motivated",
        "interests",
        "brings",
        "excites",
        "part",
        "tools",
        "tool",
        "challenges",
        "challenge",
        "languages",
        "language",
        "technologies",
        "projects",
        "project",
        "steps",
        "approach",
        "long",
        "many",
        "much",
        "big",
        "large",
        "often",
        "well",
        "about",
        "if",
        "exactly",
        "specifically",
        "else",
    ]
)
_DISCOURSE = frozenset(
    [
        "okay",
        "ok",
        "alright",
        "right",
        "so",
        "great",
        "good",
        "nice",
        "cool",
        "perfect",
        "thanks",
        "thank",
        "and",
        "now",
        "next",
        "well",
        "interesting",
        "excellent",
        "awesome",
        "sure",
        "fine",
        "then",
        "also",
        "lovely",
        "wonderful",
        "understood",
        "gotcha",
        "yeah",
        "yes",
        "hmm",
        "mm",
    ]
)
_PROMPTS = (
    "tell me", "tell us", "walk me through", "walk us through", "talk me through",
    "take me through", "run me through", "walk me", "talk me", "take me", "describe",
    "explain", "give me an example",
    "give an example", "give me a sense", "share an example", "share with me", "talk about",
    "talk a bit about", "talk a little about", "i'd like to hear", "i would like to hear",
    "i'd love to hear", "i would love to hear", "i'm curious", "i am curious",
    "let's talk about", "let's discuss", "help me understand", "elaborate", "expand on",
    "say more", "go deeper", "what about", "how about", "imagine", "suppose", "let's say",
    "how would you", "what would you", "walk through", "tell me more", "introduce yourself",
    "any questions", "questions for me", "questions for us", "your thoughts on",
    "let's start with your", "let's begin with your", "start with your",
)  # fmt: skip
_FOLLOW = (
    "why", "how so", "what happened", "and then", "elaborate", "tell me more", "say more",
    "go deeper", "expand on", "more about that", "what do you mean", "for example",
    "specifically", "what was your role", "your role in", "how did that", "how did you",
    "why did you", "what did you learn", "what was the result", "what was the outcome",
    "in that project", "on that project", "that project", "what made you", "and what",
    "and how", "and why", "can you give", "could you give", "what would you do differently",
    "how did it", "why not", "what exactly", "which one", "how long did",
)  # fmt: skip
_ANAPHORA = frozenset(["that", "it", "this", "those", "these", "there", "then"])
# checking the candidate's name: "And it's Adaeze, did I say that right?"
_NAME_SAID_RIGHT = (
    "did i say that right", "did i say it right", "am i saying that right",
    "am i saying it right", "did i pronounce", "am i pronouncing", "pronounce your name",
    "how do you pronounce", "how do i pronounce",
)  # fmt: skip

_SMALL_TALK = (
    "how are you", "how's it going", "how is it going", "how's your day", "how is your day",
    "how was your weekend", "how was your day", "nice to meet", "thanks for coming",
    "thank you for coming", "thanks for joining", "thank you for joining", "did you find us",
    "the weather", "can you hear me", "can you see me", "can hear me", "is my audio",
    "good morning",
    "good afternoon", "good evening", "welcome", "ready to start", "ready to begin",
    "shall we start", "shall we begin", "shall we get started", "coffee", "traffic",
    "get here okay", "how are things", "how have you been", "make it here",
    "how was the drive", "how was your drive", "the drive over", "the drive in", "commute",
    "how was the trip", "how was your trip", "how was your journey", "how was the journey",
    "find the office", "find us okay", "parking", "how was your morning", "busy week",
    "how has your week", "how's your week", "how is your week", "how was the flight",
    "how's your morning", "how is your morning", "how has your morning", "how's your afternoon",
    "how is your afternoon", "how was your afternoon", "how has your day",
    *_NAME_SAID_RIGHT,
    "is now a good time", "is now still a good time", "still a good time", "good time to talk",
    "is this a good time", "is this still a good time", "catch you at an", "an okay time",
    "a bad time", "catch you at a good", "catch you at a bad",
    # "You right to talk?" (Australian), "Okay to talk for ten minutes?"
    "you right to talk", "okay to talk", "ok to talk", "free to talk", "alright to talk",
    "all right to talk",
    # "Marcus? Dave Kowalski. Come on in, grab a seat.", "You find the place okay?"
    "grab a seat", "have a seat", "take a seat", "find the place okay", "find the place ok",
    "find the place alright", "find the place all right", "find the building okay",
    "find us alright", "find us all right", "trouble finding us", "trouble finding the place",
    "trouble finding the office", "trouble finding the building", "trouble finding parking",
    "trouble getting here",
    # "You're on your R&R at the moment? Not ringing you halfway through a service?": the
    # call's timing, on a rostered worker's days off
    "on your r r", "on r r", "on your days off at the moment", "on your days off right now",
    "not ringing you", "not calling you", "not catching you", "ringing you at a",
    "calling you at a", "caught you at a",
    # "Get parked okay?", "Tea? Kettle's just boiled.", "Have you had breakfast already?", "Am I
    # audible?"
    "get parked", "parked okay", "parked ok", "parked alright", "parked all right", "kettle",
    "kettle's", "cuppa", "cup of tea", "tea or coffee", "had breakfast already",
    "had breakfast yet", "had your breakfast", "am i audible", "you alright",
)  # fmt: skip
# "Hi, is this Linh Tran?", "Am I speaking with Darnell?": who is on the line
_NAME_CHECK = re.compile(
    r"(?:^|[.!?]\s+)(?:(?:[Hh]i|[Hh]ello|[Hh]ey|G'?day|[Hh]iya|"
    r"[Gg]ood (?:morning|afternoon|evening)),? "
    r"(?:[Ii]s (?:this|that)|[Aa]m I (?:speaking|talking) (?:with|to))"
    r"|[Aa]m I (?:speaking|talking) (?:with|to)) [A-Z][a-z][\w'-]*(?: [A-Z][a-z][\w'-]*)?\s*\?"
    r"(?=\s|$)"
)
# "Did you find the depot OK": the way in, whatever the place is called (not "the fault")
_FOUND_US = re.compile(
    r"\bdid you find (?:the|us|our) (?!(?:fault|bug|issue|problem|cause|root|leak|error|"
    r"answer|solution|data|file|record)s?\b)(?:\w+ ){0,2}?(?:ok|okay|alright|all right|fine|"
    r"easily|easy|no problem)\b"
)
# "Y'all get any of that hail last night", "bit of frost up there this morning": the weather
# where the candidate is, today
_WEATHER_NOW = re.compile(
    r"\b(?:hail|rain(?:ing)?|snow(?:ing)?|storms?|frost|sleet|fog|heatwave|winds?|thunder)\s+"
    r"(?:(?:up|down|out|over) there\s+|where you are\s+)?"
    r"(?:last night|this morning|overnight|yesterday|today|this week|at the moment)\b"
    # "ok good. raining there also?", "is it nice your end?": the weather where the candidate is
    r"|\b(?:(?:is|was) it\s+)?(?:hail(?:ing)?|rain(?:ing)?|snow(?:ing)?|pouring|sunny|hot|cold|"
    r"humid|freezing|nice)\s+(?:(?:up|down|out|over)\s+)?(?:there|where you are|your (?:side|end))"
    r"(?:\s+(?:also|too|as well))?\s*\?",
    re.I,
)
# "thanks for making time, are you at work today?": where the candidate is taking the call
_AT_WORK_NOW = re.compile(
    r"\b(?:are you|you're|you are)\s+(?:at work|at home|working|in the office|on shift|on site)"
    r"\s+(?:today|right now|now|at the moment)\s*\?",
    re.I,
)
# "how's cardiff treating you", "how's the new job treating you": how life is where they are
_TREATING_YOU = re.compile(
    r"\bhow(?:'s|\s+is|\s+are|\s+has|\s+have)\s+(?:[\w'-]+\s+){1,3}(?:been\s+)?treating\s+you\b",
    re.I,
)
# "You're in Batangas now?", "So you're still down in Canterbury": where the candidate is today
_WHERE_NOW = re.compile(
    r"(?:^|[.!?,]\s+)(?:(?i:so|and|ok|okay)\s+)?(?i:you're|you are)\s+(?:(?i:still|back|"
    r"home|up|down|over)\s+)*(?i:in|at)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?"
    r"(?:\s+(?i:now|today|right now|at the moment|these days))?"
    r"(?:,?\s+(?i:is it|isn't it|yeah|right|eh))?(?=\s*(?:[.?!,]|$))"
)
# "Good morning, you're welcome. Emeka abi", "You're Dana, right": a name put with a tag, the
# question mark unsaid
_TAGGED_NAME = re.compile(
    r"(?:^|[.!?,]\s+)(?:(?:[Yy]ou(?:'re| are)|[Ii]t's|[Tt]his is) )?"
    r"(?!(?:Thanks?|Okay|Ok|Great|Right|Good|Cool|Sure|Yeah|Alright|Perfect|Lovely|Nice)\b)"
    r"[A-Z][a-z][\w'-]*"
    r"(?: [A-Z][a-z][\w'-]*)?,? (?:abi|innit|right|yeah|yes|is it|isn't it|eh)\W*$"
)
_CLOSING = (
    "that's all", "that is all", "that's it from me", "that is it from me",
    "thank you for your time", "thanks for your time", "we'll be in touch",
    "we will be in touch", "that wraps up", "that concludes", "end of the interview",
    "we're out of time", "we are out of time", "have a great day", "have a good day",
    "have a nice day", "we'll get back to you", "we will get back to you",
)  # fmt: skip
# Closings beyond the fixed phrases: "that covers everything from my side", "thank you for
# coming in", "we'll let you know", "it was a pleasure talking to you" (on expanded words).
_CLOSING_RE = re.compile(
    r"\b(?:that (?:is|covers|was) (?:about )?(?:all|everything|it)"
    r"(?: (?:from|for|on) (?:me|us|my side|our side|today|now|this|my end|our end))?"
    r"|(?:that|this) (?:covers|is) everything"
    r"|everything (?:from|on) (?:my|our) (?:side|end)"
    r"|(?:all|everything) from (?:me|us|my side|our side)"
    r"|thank(?:s| you)(?: (?:so|very) much)? for (?:your time|talking|speaking|meeting"
    r"|taking the time|interviewing)"
    r"|we(?: will|'ll) (?:let you know|be in touch|get back|follow up|contact you|reach out)"
    r"|conclud\w* (?:the|our|this|today)"
    r"|(?:you will|you'll) hear (?:back )?from us"
    r"|(?:it was|it has been|nice|great|lovely|good) (?:a pleasure |nice |great )?"
    r"(?:talking|speaking|meeting|chatting) (?:to|with) you"
    r"|(?:let us|let's) (?:wrap up|stop here|end here)|we are (?:done|at time|wrapping up)"
    r"|(?:have a (?:great|good|nice|lovely) (?:day|evening|weekend|afternoon))|\bgoodbye\b"
    # "Thanks Marco, really enjoyed this.", "I'll talk to the team and give you a call Friday."
    r"|(?:really |i |we )?enjoyed (?:this|that|it|talking|chatting|our (?:chat|conversation))"
    r"|this (?:was|has been) (?:great|lovely|really (?:great|good|helpful))"
    r"|(?:i|we)(?: will|'ll) (?:talk (?:to|with|it over with) the team|give you a call|call you)"
    r"|\btalk soon\b|\bnext (?:steps|round)\b|pass you (?:on |over )?to\b|(?:will|'ll) follow up\b)"
)
# what happens next: "HR will get in touch", "we'll talk it over and get back to you"; a
# closing even where ASR made it a question ("will you talk it over and get back to you?")
_NEXT_STEPS = re.compile(
    r"\b(?:(?:get|be|keep) in touch|get back to you|hear (?:back )?from (?:us|me|hr|the team|our)"
    r"|send you (?:\w+ ){0,2}(?:feedback|an? (?:e-?mail|update|answer|decision)))\b",
    re.I,
)
_BACKCHANNEL = frozenset(
    [
        "okay",
        "ok",
        "mm",
        "hmm",
        "hm",
        "mhm",
        "uh",
        "huh",
        "right",
        "i",
        "see",
        "great",
        "sure",
        "got",
        "it",
        "interesting",
        "yes",
        "yeah",
        "go",
        "on",
        "nice",
        "cool",
        "good",
        "alright",
        "understood",
        "makes",
        "sense",
        "perfect",
        "thanks",
        "thank",
        "you",
        "wow",
    ]
)

# a question with its verb left out, as said aloud: "and your education", "ok. Any
# certification, Odoo functional certification", "Your CoC, any limitation", "Y'all get any of
# that hail last night", "ok and before that" (the career before the one told; no statement
# opens so; see _elliptic)
_ELLIPTIC = re.compile(
    r"^(?:(?:ok|okay|right|good|great|alright|sure|fine|cool|nice|now)\s+)*"
    r"(?:(?:and|so)\s+(?:your|the|any)|any(?!\s+(?:time|way|how)\b)|your)\s+\w"
    r"|^(?:(?:ok|okay|right|good|great|alright|sure|fine|cool|nice)\s+)*and\s+"
    r"(?:before|prior to|after|since)\s+(?:that|then)$"
    r"|^(?:(?:ok|okay|right|good|great|alright|sure|fine|cool|nice|and|so)\s+)*"
    r"(?:you|y'all|you guys)\s+(?:ever|been|(?:get|got|have|had|see|seen)\s+(?:any|much|a chance))"
    r"\b"
    # "ok good you at office or home": which of two, asked without its verb
    r"|^(?:(?:ok|okay|right|good|great|alright|sure|fine|cool|nice|so|and)\s+)*"
    r"(?:you|y'all)\s+(?:at|in|on|from|with)\s+(?:[\w']+\s+){1,3}or\s+\w"
)
# "good. write me a head for this.", "Give me the quick version of your background", "Talk to
# me about safety.": an order to the candidate without a question word ("give me a second",
# "give us a call" ask nothing)
_ORDER = re.compile(
    r"(?:^|[.!?;:,]\s+|\b(?:ok|okay|so|now|right|alright|good|great|then|and|just|first|nice|"
    r"sure)\s+)(?P<order>(?:give|write|draw|show|sell|pitch|sketch|draft|spell)\s+(?:me|us)\b"
    r"(?!\s+(?:a|one)\s+(?:second|sec|moment|minute)\b|\s+(?:a\s+)?(?:call|shout|ring|buzz|bell|"
    r"heads)\b|\s+around\b)|talk to (?:me|us) about\b)",
    re.I,
)
# "would a tuesday or wednesday morning work for you" ending the turn: a time to agree (a day,
# a date or a time before "work")
_TIME_OK = re.compile(
    r"(?:^|[,.;:!?]\s*)(?:(?:so|and|then|ok|okay)\s+)*(would|will|could|can|does|do)\s+"
    r"(?=(?:[\w']+\s+){0,5}?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|mornings?|"
    r"afternoons?|evenings?|week|weekend|tomorrow|date|time|o'clock|\d+(?:st|nd|rd|th|am|pm)?|"
    r"the\s+\w+(?:st|nd|rd|th))\b)(?:[\w']+\s+){1,6}?(?:work|suit)(?:\s+for)?(?:\s+you)?\W*$",
    re.I,
)
# "that sound good", "ok with you", "on call 1 in 5 ok for you": whether something suits the
# candidate, asked without its verb or its "?" (at the start, the turn asks only that)
# ("that sounds good", "that works": a statement that takes something in)
_OK_WITH_YOU = re.compile(
    r"(?:^(?:(?:ok|okay|so|alright|right|and|good|great|theek hai|theek|fine)\s+)*"
    r"(?:(?:does|do|would|will)\s+(?:that|this|it)\s+(?:sound|work|suit)"
    r"|(?:that|this|it)\s+(?:sound|work|suit)"  # "that sound good": its "does" dropped
    r"|is\s+(?:that|this|it)\s+(?:ok|okay|alright|fine|good))"
    r"(?:\s+(?:ok|okay|good|alright|fine))?(?:\s+(?:to|for|with)\s+you)?"
    r"|(?:that|this|it)\s+(?:sounds|works|suits|is)(?:\s+(?:ok|okay|good|alright|fine))?\s+"
    r"(?:to|for|with)\s+you"
    r"|(?:^|\s)(?:is\s+)?(?:that\s+|it\s+|this\s+)?(?:ok|okay|alright|fine|good)\s+"
    r"(?:with|for)\s+you"
    # "and second shift four tens, that work for you": after the terms, its "does" dropped
    r"|\s(?:that|this|it)\s+(?:sound|work|suit)(?:\s+(?:ok|okay|good|alright|fine))?\s+"
    r"(?:to|for|with)\s+you)$"
)
# papers asked after without a verb: "driving licence and site cards all current"
_PAPERS_CURRENT = re.compile(
    # ("your licence must be current": a rule, not a question)
    r"^(?!.*\b(?:i|i'm|we|we're|my|our|must|should|need|needs|has to|have to|will|would)\b)"
    r".*\b(?:licen[cs]es?|cards?|tickets?|certs?|"
    r"certificates?|registrations?|passports?|visas?|checks?)\b.*\b(?:all\s+|both\s+|still\s+)?"
    r"(?:current|valid|in date|up to date)$"
)
# "... you've turned up FiO2 and sweep and it's still dropping. what now": a scenario's ask
_WHAT_NOW = re.compile(r"(?:^|[.,;!?]\s*)(?:so |and |ok )?what (?:now|next|then)\W*$", re.I)
# "so the next step would be a site tour ..., would next Thursday morning work": the
# arrangements, asked of the candidate's diary, not of their fit
_ARRANGING = re.compile(r"\bnext (?:step|stage|round)s?(?: for you)? (?:would be|will be|is)\b")
_CONDITIONAL = re.compile(
    r"^(?:(?:and|but|so|okay|ok|alright|right|then)\s+)*(?:what\s+)?if\b"
    # "even though the change was approved with that MOP": the answer's course put against
    # what it passed over, to be answered for
    r"|^(?:(?:and|but|so|okay|ok|alright|right)\s+)*(?:even\s+(?:though|if|when|with)|although|"
    r"despite)\b"
)
# "and for a fatal or life threatening SUSAR", "and with a team of twenty": the question before
# asked again of another case, its verb left out (a follow-up only)
_ANOTHER_CASE = re.compile(
    r"^(?:(?:ok|okay|right|alright|and|so|now)\s+)*(?:and|so)\s+(?:for|with|in|on|at|under)\s+"
    r"(?:a|an|the|your)\s+\w"
)
# "Do you have any questions for us?": the floor goes to the candidate
_THEIR_QUESTIONS = re.compile(
    r"\b(?:(?:any|some) questions? (?:for|about) (?:us|me|the (?:role|team|company|panel|board))"
    r"|anything (?:else )?(?:you(?:'d| would)? (?:like|want) to|to) ask"
    r"|what (?:questions|would you like to know) (?:do you have|about)"
    # "What questions have you got for me", "What have you got for me" ending the turn
    r"|what (?:questions )?(?:have you got|you got|have you|you have|do you have) for (?:me|us)$"
    r"|what (?:else )?(?:would|do) you (?:like|want) to (?:know|ask)\b(?! about (?:your|the|my) )"
    r"|what can i (?:answer|tell you)"
    # "we've got five minutes left if you want to ask me anything" ending the turn (ASR drops
    # the question mark); "if you want to ask about X later, ..." goes on and is no invitation
    # (or a word or two ASR made of "me anything": "if you want to ask Excuse")
    r"|if you(?: would)? (?:like|want) to ask(?: (?:me|us))?(?: anything| something)?"
    r"(?: [\w']+){0,2}$"
    r"|(?:questions|anything) (?:you have )?for (?:us|the panel)"
    # "So, questions for me?" ending the turn (not an agenda's "... some clinical questions then
    # your questions for me")
    r"|(?<!then your )(?<!then )(?<!and your )questions for me\W*$"
    # "I think that covers it from our side. Did you have any questions?" ending the turn
    r"|(?:do|did) you have any (?:other |more )?questions\W*$"
    r"|(?:have you )?got any (?:other |more )?questions\W*$)\b"
)
# "Alright. I'll leave some time for your questions." ending the turn invites them; "... and
# then leave time for your questions. So to kick off, ..." says what comes later
_LEAVE_TIME = re.compile(
    r"\b(?:(?:leave|save|keep|have) (?:some )?(?:time|room|a few minutes) for (?:your|any) "
    r"questions|open it up (?:to|for) (?:your |any )?questions)\W*$"
)
# what a question is about, beyond tools it names: people and motives, not technique
_BEHAVIOURAL = re.compile(
    r"\b(?:(?:you|your) communicat\w*|communication skills?|communicat\w* (?:with|to) (?:\w+ ){0,2}"
    r"(?:team|people|manager|stakeholder|client|customer|colleague|user|non)\w*|"
    r"explain\w* (?:\w+ ){0,4}(?:to|for) (?:\w+ ){0,3}(?:non-?technical|"
    r"managers?|customers?|clients?|stakeholders?|business|people|users?|executives?|team)|"
    r"conflict\w*|disagree\w*|feedback(?! loops?)|motivat\w*|strengths?|weakness\w*|salary|"
    r"notice period|relocat\w*|why (?:do|did|would) you (?:want|apply|leave|like)|"
    r"why (?:did you )?(?:choose|pick) (?:us|this|our|to)|"
    r"why (?:this|our) (?:role|company|team)|interested in (?:this|the|our)|angry|upset|"
    r"difficult (?:customer|client|colleague|stakeholder|person|people|manager)|"
    r"stakeholders?|mentor\w*|teamwork|colleagues?|coworkers?|your manager|deadline|"
    r"prioriti[sz]\w*|career|five years|ten years|hobbies|outside (?:of )?work|"
    # "How do you feel about call? We do one weekend a month": terms of the job, not technique
    r"how do you feel about (?:taking |working )?(?:call|nights|weekends|overtime|travel\w*|"
    r"the schedule|the commute|shift work|the hours|on-call)|"
    # "We do a background check and a drug screen. Any issues with any of that?"; "And why
    # the move?": the terms of the job and the candidate's motives
    r"background (?:check|investigation)|drug (?:screen|test)\w*|polygraph|driving record|"
    # "Notice?", "Medical and drug and alcohol, any problems?", "Long days are normal, that
    # okay?", "When could you start?"
    r"^notice$|how much notice|your notice|drug and alcohol|(?:pre employment|the) medical|"
    r"long days|saturdays|when (?:can|could|would) you start|start date|right to work|"
    r"why the (?:move|change|switch)|why (?:are you )?(?:leaving|looking|moving on)|"
    # "there's a lot of driving, in your own car. That work for you?", "You've got a valid
    # license, you're okay driving a county car?": the terms of the job again
    r"a lot of driving|(?:okay|ok|fine|comfortable|good) (?:with )?driving|your own (?:car|"
    r"vehicle|transport)|valid (?:driver'?s )?licen[cs]e|clean (?:driving )?record|"
    # "shuts are twelve-hour days ... You right with that?", "Medical, D and A, any problems
    # there?", "Can you work nights on a rotating roster?", "Why us?", "Why'd you come off
    # it?", "Good time for a quick chat?": the terms of the job, motives and small talk
    r"(?:does |will )?that work for you|you right with that|(?:is )?that (?:okay|ok|alright|"
    r"all right)$|are you (?:okay|ok|alright|fine) with (?:that|it)|any (?:issues|problems|"
    r"concerns|dramas)(?: there| with that| with any of that)?$|no dramas|fit with your life|"
    r"what are you available|work nights|d and a|medical and d|good time for a (?:quick )?"
    r"(?:chat|call)|why (?:us|here|now|this job|this position)|why you want|"
    r"why(?:'d| did| would) you (?:leave|quit|come off|move on|stop))\b"
)


def question_topic(text: str) -> str:
    """technical | behavioural | candidate_questions: what an answer to it can show.

    Technical depth is read from answers to technical questions only: a concrete answer about
    talking to managers is not shallow engineering."""
    flat = " ".join(_expand(words_of(text)))
    if _THEIR_QUESTIONS.search(flat):
        return "candidate_questions"
    if _BEHAVIOURAL.search(flat):
        return "behavioural"
    return "technical"


def is_closed_question(text: str) -> bool:
    """A yes/no question ("Do you have your CCNP?", "Have you used Kafka"): a one-word answer
    to it is complete, not evasive."""
    for clause in _clauses(text):
        if clause and clause[0] in _AUX and len(clause) > 2 and clause[1] in ("you", "your"):
            # "can you walk me through ...", "do you know how ...": open prompts in yes/no form
            prompt = clause[0] in ("can", "could", "would", "will") and clause[2] in _PROMPT_VERBS
            return not prompt and not any(w in _WH for w in clause[2:5])
    # "sure. so you haven't worked on RAS at all": a lack put up to be confirmed (ASR drops
    # its question mark)
    if _LACK_CHECK.match(re.split(r"(?<=[.!?])\s+", text.strip())[-1]):
        return True
    # "Driving record?", "Colorado license current?": a check in a few words, no verb to open
    asked = [x for x in re.split(r"(?<=[.!?])\s+", text.strip()) if x.endswith("?")]
    # "White card's current, I assume?", "You've got your own tools, right?": a statement
    # put up to be confirmed
    if asked and _CONFIRM_TAG.search(asked[-1]):
        return not any(w in _WH for w in words_of(asked[-1])[:2])
    if len(asked) == 1:
        words = _expand(words_of(asked[0]))
        if 1 <= len(words) <= 4 and not any(w in _WH or w in _AUX for w in words):
            return True
    # "And drug and alcohol, you're fine with a test and randoms?": a statement about the
    # candidate put up to be confirmed
    if not asked or any(w in _WH for w in words_of(asked[-1])):
        return False  # "You ran the budget, and what was it?": open
    pieces = [words_of(x) for x in re.split(r"[,;:]", asked[-1])]
    return any(
        len(w) > 2 and (w[0] in _SAID_OF_YOU or (w[0] == "you" and w[1] in _SAID_OF_YOU))
        for w in pieces
    )


_SAID_OF_YOU = frozenset(
    ["you're", "you've", "you'd", "you'll", "are", "have", "would", "will", "can", "had"]
)


_CONFIRM_TAG = re.compile(
    r",\s*(?:I\s+(?:assume|presume|take\s+it|guess|suppose)|right|yeah|yes|correct|"
    r"is\s+that\s+right|isn't\s+it|aren't\s+you|don't\s+you|haven't\s+you)\s*\?$",
    re.I,
)
_LACK_CHECK = re.compile(
    r"^\W*(?:(?:ok|okay|right|sure|and|so|yeah|but)\W+)*you(?:'ve|'re|\s+have|\s+are)?\s+"
    r"(?:haven't|have\s+not|never|didn't|did\s+not|don't|do\s+not|aren't|are\s+not)\s+"
    r"(?!(?:have|need)\s+to\b|worry\b|mind\b)(?![^?]*\b(?:what|how|why|which|when|where)\b)",
    re.I,
)
_PROMPT_VERBS = frozenset(
    [
        "tell",
        "explain",
        "describe",
        "walk",
        "talk",
        "give",
        "share",
        "elaborate",
        "expand",
        "go",
        "run",
        "show",
        "outline",
        "summarize",
        "summarise",
        "list",
        "name",
        "compare",
        "define",
        "clarify",
    ]
)


_PROTOTYPES = (
    "Tell me about yourself.",
    "Describe a challenging project you worked on.",
    "What experience do you have with this technology?",
    "How would you design this system?",
    "Why do you want this job?",
    "Give me an example of a time you solved a difficult problem.",
    "What are your strengths and weaknesses?",
    "How do you handle conflict in a team?",
)


@dataclass(frozen=True, slots=True)
class TurnClass:
    """What an interviewer turn does. ``question_likeness`` is in [0, 1]."""

    # question | prompt | follow_up | small_talk | candidate_questions | closing | backchannel |
    # statement
    kind: str
    question_likeness: float
    cue: str = ""

    @property
    def is_question(self) -> bool:
        return self.kind in QUESTION_KINDS


_CONTRACTIONS = (("what's", "what is"), ("how's", "how is"), ("where's", "where is"),
                 ("who's", "who is"), ("why's", "why is"), ("when's", "when is"),
                 ("how'd", "how did"), ("what'd", "what did"), ("what're", "what are"),
                 ("whats", "what is"), ("hows", "how is"), ("wheres", "where is"),
                 ("whos", "who is"))  # fmt: skip
_ASKING_SMALL_TALK = (
    "how are you", "how's it going", "how is it going", "how's your day", "how is your day",
    "how was your weekend", "how was your day", "how was the trip", "how was your trip",
    "did you find us", "did you find the office", "did you find the place",
    "did you find the building", "did you find parking", "can you hear me", "can you see me",
    "can hear me",
    "how are things",
    "how have you been", "is my audio", "how is your day going", "how's your day going",
    "how was the drive", "how was your drive", "how was your commute", "how was the commute",
    "how was your journey", "how was the journey", "how was your morning",
    "how has your week been", "how's your week", "how is your week", "how was the flight",
    "did you get here", "find us okay", "find the office", "calling in from", "calling from",
    "manage to find us", "find the department", "manage to find the office",
    "manage to find the building", "manage to find the place", "manage to find parking",
    "joining from", "joining us from", "dialling in from", "dialing in from",
    "where are you based", "are you based in",
    "where are you calling", "where are you joining", "can i get you", "get you a coffee",
    "can i offer you", "would you like a coffee", "would you like some water",
    "would you like a glass", "how's your morning", "how is your morning",
    "how has your morning", "how's your afternoon", "how is your afternoon",
    "how was your afternoon", "how has your day", *_NAME_SAID_RIGHT,
)  # fmt: skip


def words_of(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower().replace("\u2019", "'"))


def _expand(words: list[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        for a, b in _CONTRACTIONS:
            if w == a:
                out.extend(b.split())
                break
        else:
            out.append(w)
    return out


# ", which is where the hard problems are": a relative clause, not a question (only where the
# turn has no question mark)
_RELATIVE = re.compile(
    r",\s+(?:which|where|who)\s+(?=(?:is|was|are|were|means|meant|made|makes|has|had)\b)", re.I
)
# "you'd be reporting to Declan who's the team lead": "who" after a name the turn points to
_NAMED_RELATIVE = re.compile(
    r"\b((?i:to|with|for|under|by|from|alongside|meet)\s+[A-Z][\w'-]+)\s+"
    r"(?i:who(?:'s|\u2019s)?)\s"
)


def _unrelate(text: str) -> str:
    """The turn with its relative clauses opened by "that", so they ask nothing."""
    return _NAMED_RELATIVE.sub(r"\1, that ", _RELATIVE.sub(", that ", text))


def _clauses(text: str) -> list[list[str]]:
    out: list[list[str]] = []
    if "?" not in text:
        text = _unrelate(text)
    for piece in re.split(r"[.!?;:,\u2026]+|\s[-\u2013\u2014]+\s", text):
        words = _expand(words_of(piece))
        cur: list[str] = []
        for w in words:
            if w in _DISCOURSE and not cur:
                continue  # leading discourse markers open a new clause
            if w in _DISCOURSE and w not in ("so", "and", "then", "also", "well", "right"):
                if cur:
                    out.append(cur)
                cur = []
                continue
            if w in ("so", "now", "next") and cur and len(cur) >= 3:
                out.append(cur)
                cur = []
                continue
            cur.append(w)
        if cur:
            out.append(cur)
    return out


def _interrogative(clause: list[str]) -> str:
    if not clause:
        return ""
    if len(clause) <= 3 and clause[0].endswith("n't") and clause[1:2] in (["it"], ["they"]):
        return ""  # "It's a lovely morning." "Isn't it? Tea, coffee?": agreement, no question
    w0 = clause[0]
    nxt = clause[1:5]
    if w0 in _WH:
        if w0 == "why" and len(clause) >= 1:
            return "why"
        if nxt and (nxt[0] in _WH_NEXT or "you" in nxt or "your" in nxt):
            return w0
        if len(clause) <= 6 and clause[-1] in _THAT_ONE and any(w in _AUX for w in nxt[1:-1]):
            return w0  # "which system is that", "what model was it"
        if (
            w0 in ("what", "which")
            and 2 <= len(clause) <= 8
            and nxt[0] not in _MID_DET
            and nxt[0] not in _WH_NOT_ASKED
            and (len(clause) <= 3 or any(w in _AUX for w in clause[2:4]))
        ):
            return w0  # "what sieve size", "what catalyst is used in the digestion"
        if len(clause) == 1 and w0 in ("why", "how"):
            return w0
        return ""
    if w0 in _AUX and len(clause) > 1 and clause[1] in _PRON:
        return f"{w0} {clause[1]}"
    if w0 in _TOPIC_DET and len(clause) <= 10:
        # "the kurnool lab is it nabl accredited", "your current site do you run it": the
        # topic named first, then asked of ("the problem is it doesnt scale", "the reason is
        # you need it": a summary noun before "is", or a verb that does not fit, says)
        for i in range(2, min(5, len(clause) - 2)):
            aux, pron, after = clause[i], clause[i + 1], clause[i + 2]
            if (
                f"{aux} {pron}" in _TOPIC_ASK
                and clause[i - 1] not in _SUMMARY_NOUN
                and not _PRON.intersection(clause[1:i])  # "the way it works is it goes ..."
                and not (after.endswith("s") and not after.endswith("ss"))
                and after not in _AUX
                and not after.endswith(("n't", "'s", "nt"))
                and after not in ("not", "never", "just", "that", "because", "a", "the")
            ):
                return f"{aux} {pron}"
    # "Was the traffic okay on the way." (ASR wrote a full stop): a short clause that opens
    # with a verb and "the" asks
    if w0 in _AUX_THE and len(clause) > 2 and clause[1] == "the" and len(clause) <= 12:
        return f"{w0} the"
    # "Did parking go okay." / "Does remote work suit you.": a short clause that opens with
    # "did" or "does" asks whatever its subject (no statement starts so)
    if w0 in ("did", "does") and 3 <= len(clause) <= 10:
        return w0
    return ""


_THAT_ONE = frozenset(["that", "it", "this", "those", "these", "they"])
# "what matters is ...", "what happened was ...": a statement's subject, not a question's
_WH_NOT_ASKED = frozenset(
    ["matters", "happens", "happened", "counts", "worries", "worried", "interests", "concerns",
     "struck", "stands", "stood", "makes", "made", "helps", "helped", "i", "i'm", "i'd", "i've",
     "a", "an", "else", "about", "if", "kind", "sort", "of", "to", "not"]
)  # fmt: skip
_TOPIC_DET = frozenset(["the", "your", "that", "this", "those", "these"])
_TOPIC_ASK = frozenset(
    ["is it", "was it", "does it", "did it", "has it", "are they", "were they", "do they",
     "did they", "have they", "do you", "did you", "have you", "are you", "were you"]
)  # fmt: skip
_SUMMARY_NOUN = frozenset(
    ["thing", "problem", "reason", "point", "issue", "idea", "truth", "fact", "catch", "trick",
     "difference", "key", "goal", "plan", "question", "answer", "risk", "danger", "beauty",
     "good", "bad", "best", "worst", "worry", "rule", "deal", "hope", "aim", "result"]
)  # fmt: skip
_MID_PRON = frozenset(["you", "your", "we", "they", "there"])
_MID_DET = frozenset(
    [
        "you",
        "your",
        "we",
        "they",
        "there",
        "the",
        "this",
        "that",
        "it",
        "a",
        "an",
        "some",
        "any",
        "my",
    ]
)
_PARTICIPLE = frozenset(
    [
        "used",
        "worked",
        "been",
        "had",
        "done",
        "seen",
        "built",
        "tried",
        "ever",
        "heard",
        "got",
        "written",
        "led",
        "run",
        "made",
        "considered",
        "thought",
        "managed",
    ]
)


def _interrogative_inside(words: list[str]) -> str:
    """A question inside an unpunctuated run ("lets get going whats your background"):
    wh-word + auxiliary + pronoun/determiner, or auxiliary + you/we/they (have/has only with a
    participle after it, so that "great to have you here" is not a question)."""
    for i in range(1, len(words) - 1):
        w, nxt = words[i], words[i + 1]
        after = words[i + 2] if i + 2 < len(words) else ""
        if w in _WH and nxt in _AUX and after in _MID_DET:
            return f"{w} {nxt}"
        if w in _WH and w in ("how", "why") and nxt in _AUX:
            return f"{w} {nxt}"
        if w in _AUX and nxt in _MID_PRON and words[i - 1] not in _WH:
            if w in ("have", "has", "had") and after not in _PARTICIPLE:
                continue
            if after and after not in ("to",):
                return f"{w} {nxt}"
    return ""


def _has_phrase(text: str, phrases: tuple[str, ...]) -> str:
    padded = f" {text} "
    for p in phrases:
        start = 0
        while (i := padded.find(f" {p} ", start)) >= 0:
            # "Don't tell me.": a cue said negated asks nothing
            before = padded[:i].split()[-2:]
            if not before or not (before[-1] in _NEGATORS or before == ["do", "not"]):
                return p
            start = i + 1
    return ""


_NEGATORS = frozenset(["don't", "dont", "never", "doesn't", "didn't"])


def _asks_beyond(text: str) -> bool:
    """Does the turn still ask something once its small talk is taken out?

    "Hello, thanks for joining us. Can you tell me about your experience with Python?" opens with
    small talk but asks a real question; "How are you doing today?" does not.
    """
    # drop the clauses that hold small talk ("are you calling in from Berlin today"), then look
    # for a question in what is left
    found = [" ".join(_expand(words_of(m.group(0))))
             for rx in (_WHERE_NOW, _WEATHER_NOW, _AT_WORK_NOW, _TREATING_YOU)
             for m in rx.finditer(text)]  # fmt: skip
    if m := _FOUND_US.search(" ".join(_expand(words_of(text)))):
        found.append(m.group(0))
    kept = [
        c
        for c in _clauses(text)
        if not (
            _has_phrase(" ".join(c), _SMALL_TALK)
            or _has_phrase(" ".join(c), _ASKING_SMALL_TALK)
            # "did you find the depot" of "Did you find the depot OK" ("OK" ends a clause)
            or any(f" {' '.join(c)} " in f" {f} " for f in found)
        )
    ]
    if not kept:
        return False
    rest = [w for c in kept for w in c]
    if _has_phrase(" ".join(rest), _PROMPTS):
        return True
    return any(_interrogative(c) for c in kept) or bool(_interrogative_inside(["so", *rest]))


def _topic_then_elliptic(text: str) -> bool:
    """A topic, then a short ask of it without a verb: "driving licence, any points"."""
    topic, _, rest = text.rpartition(",")
    subject = {"i", "we", "they", "he", "she", "it", "you", "there"}
    return not subject & set(words_of(topic)) and _elliptic(_expand(words_of(rest)))


def _elliptic(words: list[str]) -> bool:
    """A short turn asking with its verb left out ("and your education"), not a statement that
    goes on to one ("your role would be ...", "any time")."""
    flat = " ".join(words)
    m = _ELLIPTIC.match(flat)
    rest = flat[m.end() :].split() if m else []
    if m is not None and len(words) <= 12 and _ANY_YOU.match(flat):
        return True  # "any command you would run to check it": is there any, asked
    return m is not None and len(words) <= 12 and not any(w in _AUX for w in rest)


# "any command you would run", "any tools that you have used": "any" and what "you" do with it
_ANY_YOU = re.compile(
    r"^(?:(?:ok|okay|right|good|great|alright|sure|fine|cool|nice|now|and|so)\s+)*"
    r"any\s+(?!(?:time|way|how)\b)\w+(?:\s+\w+)?\s+(?:that\s+)?you\s+"
    r"(?:would|could|can|do|did|have|had|might|use|used|know)\b"
)


def _next_item(words: list[str]) -> bool:
    """A bare "and <thing>" of two to four words ("and forklift", "and LTFRB"): the question
    before asked again of the next item ("and thanks", "and so on" ask nothing)."""
    rest = words[1:]
    return (
        2 <= len(words) <= 4
        and words[0] == "and"
        and not any(w in _AUX or w in _NOT_AN_ITEM or w in _BACKCHANNEL for w in rest)
    )


# (beside _BACKCHANNEL's "yeah", "thanks", "great", ...)
_NOT_AN_ITEM = frozenset(
    ["then", "so", "that", "this", "no", "done", "also", "finally", "lastly", "well", "now", "we",
     "it's", "that's", "there", "here", "bye", "goodbye", "cheers"]
)  # fmt: skip


def _asks_after_closing(text: str) -> bool:
    """Whether a turn that closes ends on a question of its own, said after the close."""
    said = [x for x in re.split(r"(?<=[.!?])\s+", text.strip()) if x]
    if len(said) < 2:
        return False
    # "... we'll be in touch by the end of next week. is email the best way to reach you"
    # (ASR dropped its "?")
    words = _expand(words_of(said[-1]))
    asks = (
        said[-1].endswith("?")
        or any(_interrogative(c) for c in _clauses(said[-1]))
        or (bool(words) and words[0] in _AUX and ("you" in words or "your" in words))
    )
    if not asks:
        return False
    last = " ".join(words_of(said[-1]))
    return not (_has_phrase(last, _CLOSING) or _CLOSING_RE.search(last) or _NEXT_STEPS.search(last))


def small_talk_cue(text: str) -> str:
    """The small-talk phrase a turn holds ("traffic", "the weather"), or ''."""
    flat = " ".join(_expand(words_of(text)))
    return _has_phrase(flat, _SMALL_TALK) or _has_phrase(" ".join(words_of(text)), _SMALL_TALK)


def classify_turn(
    text: str,
    *,
    has_prior_answer: bool = False,
    prior_answer: str = "",
    embedder: Embedder | None = None,
) -> TurnClass:
    """Classify one interviewer turn; a prior answer makes follow-ups possible."""
    words = _expand(words_of(text))
    if not words:
        return TurnClass("backchannel", 0.0, "")
    flat = " ".join(words)
    raw_flat = " ".join(words_of(text))
    qmark = "?" in text
    clauses = _clauses(text)
    inter = ""
    for c in clauses:
        inter = _interrogative(c)
        if inter:
            break
    agree = _TIME_OK.search(text)
    if not inter and agree:
        inter = agree.group(1).lower()
    if not inter and _WHAT_NOW.search(text):
        inter = "what"
    if not inter and _PAPERS_CURRENT.search(flat):
        inter = "current"  # "okay and driving licence and site cards all current"
    checked = _OK_WITH_YOU.search(flat)
    if checked and re.search(r"\b(?:i|i'm|we|we're|hope)\b", flat):
        checked = None  # "i'm fine with you", "i hope that works for you": said, not asked
    if not inter and checked:
        inter = "ok for you"
    prompt = _has_phrase(flat, _PROMPTS)
    if prompt == "let's say" and re.search(r"\blet's say (?:it's|it is|its|that's|we're)\b", flat):
        prompt = ""  # "and it's... let's say it's showing its age": a hedge, no scenario
    if prompt == "talk about" and re.search(
        r"\b(?:we|i) (?:will |can |could )?talk about (?:it|that|this)\b", flat
    ):
        prompt = ""  # "... that'd be down the road, we can talk about it": later, not now
    if not prompt and (order := _ORDER.search(text)):
        prompt = order.group("order").lower()
    small = small_talk_cue(text)
    asking_small = _has_phrase(flat, _ASKING_SMALL_TALK) or _has_phrase(
        raw_flat, _ASKING_SMALL_TALK
    )
    if not asking_small and (
        m := _FOUND_US.search(flat)
        or _WHERE_NOW.search(text)
        or _WEATHER_NOW.search(text)
        or _AT_WORK_NOW.search(text)
        or _TREATING_YOU.search(text)
    ):
        asking_small = " ".join(_expand(words_of(m.group(0))))
    closing = _has_phrase(flat, _CLOSING)
    if not closing and (m := _CLOSING_RE.search(flat) or _CLOSING_RE.search(raw_flat)):
        closing = m.group(0)
    follow = _has_phrase(flat, _FOLLOW)

    likeness = 0.1
    cue = ""
    # "and if that doesn't work" / "what if the disk is full": a conditional follow-up question,
    # often without its question mark in ASR text
    conditional = bool(has_prior_answer and len(words) <= 14 and _CONDITIONAL.match(flat))
    another = bool(has_prior_answer and len(words) <= 10 and _ANOTHER_CASE.match(flat))
    # "are you ok with nights" - "aye" - "and forklift": the next item of the same question
    another = another or bool(has_prior_answer and _next_item(words))
    if inter:
        likeness, cue = 0.85, inter
    elif conditional:
        likeness, cue, inter = 0.7, "if", "if"
    elif (
        _elliptic(words)
        or (another and not any(w in _AUX for w in words))
        # "driving licence, any points": the topic, then asked of without a verb ("we cover
        # the whole county, any distance really" says)
        or (len(words) <= 8 and "," in text and _topic_then_elliptic(text))
    ):
        likeness, cue, inter = 0.7, "elliptic", "elliptic"
    elif not qmark:
        # ", which is a risk": a relative clause asks nothing
        inside = _interrogative_inside(_expand(words_of(_unrelate(text))))
        if inside:
            likeness, cue, inter = 0.7, inside, inside
    if prompt and likeness < 0.8:
        likeness, cue = 0.8, prompt
    if asking_small and likeness < 0.75:
        likeness, cue = 0.75, asking_small
    if qmark:
        likeness = min(1.0, likeness + 0.15) if cue else 0.55
        cue = cue or "?"
    if not cue and embedder is not None and len(words) >= 5:
        sims = embedder.embed([text, *_PROTOTYPES])
        best = float((sims[1:] @ sims[0]).max())
        if best >= 0.6:
            likeness, cue = min(0.9, best), "semantic"

    asks = likeness >= 0.5
    their = _THEIR_QUESTIONS.search(flat) or _LEAVE_TIME.search(flat)
    if their and not asks and len(flat[their.end() :].split()) <= 2:
        # "Okay, that's all I've got anything you'd like to ask me": the turn ends on the
        # invitation, whose question mark ASR dropped
        asks, likeness = True, max(likeness, 0.7)
    if (m := their) and (asks or m.group(0).startswith("if you")):
        # "... if you want to ask me anything" invites without asking
        return TurnClass("candidate_questions", likeness if asks else 0.7, m.group(0))
    next_steps = _NEXT_STEPS.search(flat) or _NEXT_STEPS.search(raw_flat)
    wh = bool(inter) and inter.split()[0] in _WH  # "How do you keep in touch with ...?"
    # "... I'll let the next interviewer go deeper on that. Thanks a lot, this was really
    # good.": a turn without a question mark that ends on a closing closes
    sentences = re.split(r"(?<=[.!])\s+", text.strip())
    last_flat = " ".join(words_of(sentences[-1]))
    first_flat = " ".join(_expand(words_of(sentences[0])))
    opens_asking = bool(_has_phrase(first_flat, _PROMPTS) or _interrogative(first_flat.split()))
    ends_closing = (
        not qmark
        and not opens_asking
        and bool(_has_phrase(last_flat, _CLOSING) or _CLOSING_RE.search(last_flat))
    )
    if (
        (closing and not (inter or prompt))
        or (next_steps and not (prompt or wh))
        or (closing and ends_closing)
    ):
        cue = closing or next_steps.group(0)
        if _asks_after_closing(text):
            # "... we'll be in touch early next week. is the phone number on your form the best
            # one?": the close asks one more thing, of the arrangements, not of the candidate
            return TurnClass("small_talk", max(likeness, 0.55), cue)
        return TurnClass("closing", 0.05, cue)
    if not asks and (name := _TAGGED_NAME.search(text)):
        return TurnClass("small_talk", 0.6, name.group(0).strip(" .,!?"))
    if not asks:
        if len(words) <= 4 and all(w in _BACKCHANNEL for w in words):
            return TurnClass("backchannel", likeness, "")
        return TurnClass("statement", likeness, cue)
    if _ARRANGING.search(flat) and not (prompt or wh):
        return TurnClass("small_talk", likeness, "next step")
    if agree and not prompt:
        return TurnClass("small_talk", likeness, "a time to agree")
    if checked and checked.start() == 0:
        # "that sound good", "theek hai is that fine" after the agenda: the plan agreed
        return TurnClass("small_talk", likeness, "plan agreed")
    if re.search(r"\bfind the (?:place|building|office) (?:in|where|that|which|of|for)\b", flat):
        small = asking_small = ""  # "How did you find the place in the code where it leaked?"
    if re.search(r"\bhow are you (?:with|at|on) (?!the (?:phone|line|call)\b)", flat):
        small = asking_small = ""  # "SAP. How are you with work orders?": how able, not how well
    if re.search(
        r"\bhow are you (?:doing|going to do|handling|making|setting) (?:it|that|this|them|the)\b",
        flat,
    ):
        small = asking_small = ""  # "when you braze on site how are you doing it": the method
    if asking_small and len(asking_small) > len(small):
        small = asking_small  # the whole small-talk question, not one of its words
    if small and not _asks_beyond(text):
        return TurnClass("small_talk", likeness, small)
    if (name := _NAME_CHECK.search(text)) and not _asks_beyond(
        text[: name.start()] + " " + text[name.end() :]
    ):
        return TurnClass("small_talk", likeness, name.group(0).strip(" .!?"))
    if has_prior_answer:
        anaphoric = len(words) <= 12 and any(w in _ANAPHORA for w in words)
        semantic = False
        if embedder is not None and prior_answer and anaphoric is False and follow:
            semantic = embedder.similarity(text, prior_answer) >= 0.45
        if (follow and (len(words) <= 14 or semantic)) or (anaphoric and not prompt):
            return TurnClass("follow_up", likeness, follow or "anaphora")
    kind = "question" if inter or cue in ("?", "semantic") else "prompt"
    return TurnClass(kind, likeness, cue)
