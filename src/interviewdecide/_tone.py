"""A rule-based check of the tone of a decline e-mail (the ``courtesy`` advice).

The approach follows rowanmanning/joblint, a linter for job adverts: every rule is a
small frozen record kept as data (an id, a category, a level, its triggers, a
suggested rewording, and examples it must and must not fire on, which the tests
run), and :func:`check_tone` applies them all, in a fixed order, to the text.
Triggers are written in a small pattern language over words (inflections,
alternatives, optional words, short gaps) and compiled to linear-time regular
expressions; a few rules read the shape of the draft instead (shouting, stacked
marks, a decline with no thanks or no greeting, the length).

Limits, stated plainly: the check reads English only; it knows phrases, not meaning,
so a sarcastic draft made of polite words passes, and a polite sentence that happens
to contain a trigger ("I would obviously be glad to hear from you") is flagged. There
is no sentiment model and no dictionary beyond the triggers below. The salutation's
addressee ("Dear ...,") and the signature (the lines after a closing such as "Kind
regards,") are names, not wording, so they are left out of every rule.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from enum import StrEnum
from types import MappingProxyType
from typing import Literal

import attrs

from ._errors import FieldValueError
from ._validators import instance_of, non_negative_int

#: The most words a short decline should hold; a longer draft gets a ``length``
#: warning. About three short paragraphs of thanks, decline and good wishes fit in
#: well under this figure; the greeting and the signature are not counted.
MAX_DECLINE_WORDS = 180

#: The most paragraphs (blocks separated by a blank line, between the greeting and
#: the closing) a short decline should hold.
MAX_DECLINE_PARAGRAPHS = 5

#: The longest draft, in characters, that :func:`check_tone` reads. A decline is a
#: few short paragraphs; a text a hundred times longer is not a decline, and the
#: bound keeps the cost of a check small whatever the input.
MAX_DRAFT_CHARS = 100_000


class ToneCategory(StrEnum):
    """What kind of problem a :class:`ToneFinding` reports.

    .. versionadded:: 0.1.0
    """

    #: Talking down to the employer or the role ("overqualified", "obviously").
    ARROGANCE = "arrogance"
    #: Rude wording (dismissive phrases, orders to stop writing, shouting in capitals).
    DISCOURTESY = "discourtesy"
    #: Closing the door on any future contact with the employer.
    BURNING_BRIDGES = "burning_bridges"
    #: Naming a competing offer's employer or its pay (the ``disclosure`` advice).
    OVERSHARING = "oversharing"
    #: A draft that runs far past a few short paragraphs.
    LENGTH = "length"
    #: Blaming the employer, its people or its process ("your recruiters never read
    #: my CV", "this process has been a shambles").
    #:
    #: .. versionadded:: 0.2.0
    BLAME = "blame"
    #: A decline with no thanks anywhere, or a bare one- or two-line reply with no
    #: greeting and no closing.
    #:
    #: .. versionadded:: 0.2.0
    CURTNESS = "curtness"


class ToneLevel(StrEnum):
    """How serious a finding is.

    .. versionadded:: 0.1.0
    """

    #: Rewrite before sending.
    ERROR = "error"
    #: Worth a second look; it may be fine in context.
    WARNING = "warning"


@attrs.frozen(kw_only=True)
class ToneFinding:
    """One problem :func:`check_tone` found in a draft.

    Attributes:
        category: What kind of problem it is.
        rule: The stable id of the rule that fired, such as
            ``"arrogance-overqualified"``.
        level: How serious it is.
        start: Where the offending span starts in the checked text.
        end: Where it ends (exclusive); ``text[start:end]`` is the span.
        excerpt: The span itself, shortened with an ellipsis when long.
        suggestion: A suggested rewording or what to do instead.

    .. versionadded:: 0.1.0
    """

    category: ToneCategory = attrs.field(validator=instance_of(ToneCategory))
    rule: str = attrs.field(validator=instance_of(str))
    level: ToneLevel = attrs.field(validator=instance_of(ToneLevel))
    start: int = attrs.field(validator=non_negative_int)
    end: int = attrs.field(validator=non_negative_int)
    excerpt: str = attrs.field(validator=instance_of(str))
    suggestion: str = attrs.field(validator=instance_of(str))

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise FieldValueError("end", f"{self.end} is before start {self.start}")


# -- the pattern language ---------------------------------------------------------
#
# A trigger is written over words, not characters, and compiled once into a regular
# expression that runs in linear time (tests/test_redos.py checks every one):
#
# - ``waste~`` is the word with its inflections: waste, wastes, wasted, wasting;
# - ``a|an|the`` is any one of the words, ``such_as`` two words that go together
#   ("like|such_as"); ``don't`` also matches "dont", ``e-mail``
#   also "email" and "e mail";
# - ``word?`` is a word that may be left out;
# - ``...`` is a gap of up to three words, ``...5`` of up to five;
# - ``*`` is any one word, ``NAME`` a capitalised name of up to four words ("Acme &
#   Sons Ltd"), ``NUM`` a figure ("20", "95,000").
#
# Words are separated by spaces and light punctuation (commas, dashes, a line
# break), never by the end of a sentence. Case is ignored, except in ``NAME``.

#: Between two words of a phrase: one to four spaces, commas, dashes, ...
_SEP = r"[\s,;:\"()\u2013\u2014-]{1,4}+"
#: Any one word, apostrophes and inner hyphens included.
_ANY_WORD = r"[\w']++(?:-[\w']++)?+"
_NAME = r"(?-i:[A-Z0-9][\w&'-]*+(?:[ \t]++(?:&[ \t]++)?[A-Z0-9][\w&'-]*+){0,3})"
_NUM = r"\d++(?:[.,]\d++)*+"
_VOWELS = "aeiou"


def _inflections(base: str) -> tuple[str, ...]:
    """The regular forms of an English verb or noun: -s, -ed, -ing and their spellings."""
    if base.endswith("e"):
        return (base, base + "s", base + "d", base[:-1] + "ing")
    if base.endswith("y") and base[-2:-1] not in _VOWELS:
        return (base, base[:-1] + "ies", base[:-1] + "ied", base + "ing")
    forms = [base, base + "s", base + "es", base + "ed", base + "ing"]
    if len(base) >= 3 and base[-1] not in _VOWELS + "wxy" and base[-2] in _VOWELS:
        forms += [base + base[-1] + "ed", base + base[-1] + "ing"]  # stop: stopped
    return tuple(forms)


def _literal(word: str) -> str:
    out = re.escape(word).replace(r"\-", "[- ]?").replace("'", "'?").replace("_", _SEP)
    # "don't" reads "do not" too, and "won't" "will not".
    if word.endswith("n't"):
        stem = {"won't": "will", "can't": "can", "shan't": "shall"}.get(word, word[:-3])
        out = f"(?:{out}|{re.escape(stem)}{_SEP}not|{re.escape(stem)}not)"
    return out


def _token(token: str) -> str:
    match token:
        case "*":
            return _ANY_WORD
        case "NAME":
            return _NAME
        case "NUM":
            return _NUM
    forms: list[str] = []
    for word in token.split("|"):
        if word.endswith("~"):
            forms += (_literal(w) for w in _inflections(word[:-1]))
        else:
            forms.append(_literal(word))
    return "(?:" + "|".join(forms) + r")(?![\w'])"


def _compile_phrase(phrase: str) -> str:
    """Compile one phrase of the pattern language into a regular expression."""
    tokens = phrase.split()
    if not tokens or tokens[-1].startswith("...") or tokens[-1].endswith("?"):
        msg = f"a phrase must end in a word: {phrase!r}"
        raise ValueError(msg)
    out = r"(?<![\w'])"
    for token in tokens[:-1]:
        if token.startswith("..."):
            out += f"(?:{_ANY_WORD}{_SEP}){{0,{int(token[3:] or 3)}}}"
        elif token.endswith("?") and len(token) > 1:
            out += f"(?:{_token(token[:-1])}{_SEP})?"
        else:
            out += _token(token) + _SEP
    return out + _token(tokens[-1])


def _phrases(*phrases: str) -> tuple[re.Pattern[str], ...]:
    """Compile phrases of the pattern language, ignoring case."""
    return tuple(re.compile(_compile_phrase(p), re.IGNORECASE) for p in phrases)


def _regexes(*patterns: str) -> tuple[re.Pattern[str], ...]:
    """Compile case-insensitive triggers written directly as regular expressions."""
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def _patterns(values: Iterable[re.Pattern[str]]) -> tuple[re.Pattern[str], ...]:
    return tuple(values)


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


# -- the rules, as data ----------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Rule:
    """What every rule has: an id, a category, a level, a suggestion and examples.

    ``examples`` are texts the rule must fire on and ``counterexamples`` texts it
    must not fire on; tests/test_tone.py runs both for every rule.
    """

    id: str
    #: Read from the id's first word: ``"bridges-never-work"`` is burning bridges.
    category: ToneCategory = attrs.field(init=False)
    level: ToneLevel
    suggestion: str
    examples: tuple[str, ...] = attrs.field(converter=_strings)
    counterexamples: tuple[str, ...] = attrs.field(converter=_strings)

    @category.default
    def _category_of_id(self) -> ToneCategory:
        return _CATEGORY_OF_PREFIX[self.id.partition("-")[0]]


#: The first word of a rule id, and the category it names.
_CATEGORY_OF_PREFIX = MappingProxyType(
    {
        "arrogance": ToneCategory.ARROGANCE,
        "discourtesy": ToneCategory.DISCOURTESY,
        "bridges": ToneCategory.BURNING_BRIDGES,
        "oversharing": ToneCategory.OVERSHARING,
        "length": ToneCategory.LENGTH,
        "blame": ToneCategory.BLAME,
        "curtness": ToneCategory.CURTNESS,
    }
)


@attrs.frozen(kw_only=True)
class _PhraseRule(_Rule):
    """A rule that fires on every match of any of its triggers."""

    triggers: tuple[re.Pattern[str], ...] = attrs.field(converter=_patterns)
    #: All triggers as one alternation: one scan tells whether any can match, so a
    #: courteous draft costs one scan per rule instead of one per trigger.
    _any: re.Pattern[str] = attrs.field(init=False, eq=False, repr=False)

    @_any.default
    def _combine(self) -> re.Pattern[str]:
        # The triggers of one rule share their flags (tests/test_tone.py checks it).
        pattern = "|".join(f"(?:{t.pattern})" for t in self.triggers).replace("(?P<hit>", "(?:")
        return re.compile(pattern, self.triggers[0].flags)

    def spans(self, text: str, _draft: _Draft) -> Iterator[tuple[int, int]]:
        if self._any.search(text) is None:
            return
        for trigger in self.triggers:
            # A trigger may read context before its span: a group named "hit" marks
            # the span to report.
            hit = trigger.groupindex.get("hit", 0)
            for match in trigger.finditer(text):
                yield match.span(hit)


@attrs.frozen(kw_only=True)
class _LimitRule(_Rule):
    """A rule that fires once when a count over the draft passes its limit."""

    unit: Literal["words", "paragraphs"]
    limit: int

    def spans(self, _text: str, draft: _Draft) -> Iterator[tuple[int, int]]:
        units = draft.words if self.unit == "words" else draft.paragraphs
        if len(units) > self.limit:
            yield units[self.limit][0], units[-1][1]


@attrs.frozen(kw_only=True)
class _ExclamationRule(_Rule):
    """Stacked marks ("!!", "?!"), except "!!" in a sentence that thanks or wishes well."""

    pattern: re.Pattern[str]
    warm: re.Pattern[str]

    def spans(self, text: str, _draft: _Draft) -> Iterator[tuple[int, int]]:
        sentence_start = 0
        for match in self.pattern.finditer(text):
            start, end = match.span()
            # The sentence the marks end: from the last full stop or line break.
            sentence = text[sentence_start:start]
            sentence = sentence[max(sentence.rfind("."), sentence.rfind("\n")) + 1 :]
            sentence_start = end
            if "?" not in match.group() and self.warm.search(sentence):
                continue
            yield start, end


@attrs.frozen(kw_only=True)
class _ShoutingRule(_Rule):
    """A run of words in capitals that holds at least three ordinary words.

    Short all-capital tokens that are not common English words ("EMEA", "FP&A",
    "KPMG") are acronyms or names: they may sit in a run but do not count.
    """

    pattern: re.Pattern[str]
    words: re.Pattern[str]
    common: frozenset[str]
    acronyms: frozenset[str]
    least: int

    def _counts(self, word: str) -> bool:
        if word in self.acronyms:
            return False
        return len(word) >= 5 or word in self.common

    def spans(self, text: str, _draft: _Draft) -> Iterator[tuple[int, int]]:
        for run in self.pattern.finditer(text):
            counted = [w for w in self.words.finditer(run.group()) if self._counts(w.group())]
            if len(counted) >= self.least:
                yield run.start() + counted[0].start(), run.start() + counted[-1].end()


@attrs.frozen(kw_only=True)
class _StructureRule(_Rule):
    """A rule over the shape of a decline: it fires only on a draft that declines.

    ``kind`` is ``"no-thanks"`` (no word of thanks anywhere) or ``"bare"`` (one or
    two lines of under fifteen words, with no greeting and no closing). The span is
    the first decline cue.
    """

    kind: Literal["no-thanks", "bare"]
    declines: re.Pattern[str]
    thanks: re.Pattern[str]

    def spans(self, text: str, draft: _Draft) -> Iterator[tuple[int, int]]:
        cue = self.declines.search(text)
        if cue is None:
            return
        if self.kind == "no-thanks":
            if self.thanks.search(text) is None:
                yield cue.span()
        elif (
            not draft.greeting
            and not draft.closing
            and draft.lines <= _BARE_LINES
            and len(draft.words) < _BARE_WORDS
        ):
            yield cue.span()


#: A reply this short, with no greeting and no closing, reads as curt.
_BARE_LINES, _BARE_WORDS = 2, 15


def _word_set(*lines: str) -> frozenset[str]:
    return frozenset(" ".join(lines).split())


# Common acronyms are capitals by nature, not shouting.
_ACRONYMS = _word_set(
    "AI API AWS BA BBC BI BSC CEO CFO COO CTO CV CX DC EMEA EU FAQ GCP GDPR HQ HR ICT IT "
    "LA MBA ML MSC NDA NGO NHS NYC OK PA PHD PM PR QA SAP SEO SQL SRE UI UK UN US USA UX "
    "VP ACA CIPD CIPS FICO HANA KPMG IBM ASAP"
)
# Short words that are ordinary English, so count as shouting when in capitals.
_COMMON = _word_set(
    "A AGO ALL AM AN AND ANY ARE AS AT BE BEEN BUT BY CALL CAN DID DO DONE DONT EVER FOR "
    "GET GO GOT HAD HAS HAVE HE HER HIM HIS HOW I IF IM IN IS IT ITS JOB JUST KNOW LAST "
    "ME MORE MUCH MY NEED NO NOT NOW OF OFF ON ONE OR OUT OUR SAID SAY SEE SHE SO STOP "
    "TELL THAT THE THEM THEN THEY THIS TO TOLD TOO UP VERY WANT WAS WAY WE WEEK WERE "
    "WHAT WHO WHY WILL WITH WONT WORK YES YET YOU YOUR",
    "ALSO AWAY BACK BEST COME DEAD DOES EACH EVEN FIND FROM GIVE GOOD HELL HERE INTO KEEP "
    "KIND LATE LEFT LIKE LONG LOOK MADE MAIL MAKE MANY MATE MOST MUST NEXT ONLY OVER ROLE "
    "RUDE SAME SEND SICK SOME SUCH SURE TAKE THAN TIME WELL WENT WHEN YEAR",
)


#: Words that say the draft declines: the structural rules look at declines only.
_DECLINES = re.compile(
    "|".join(
        f"(?:{p.pattern})"
        for p in _phrases(
            "decline~",
            "withdraw~|withdrew|withdrawn",
            "cancel~|cancelled|cancelling",
            "pass",
            "not interested",
            "not for me",
            "no thanks",
            "not ...2 come|coming|attend~|proceed~|continu~|interview~",
            "not go~ ahead",
            "won't be ...2 come|coming|attend~|interview~|continu~|taking",
            "no longer looking|interested|available",
            "can't make it",
            "turn~ down",
            "take|taking ...2 another|other job|role|position|offer",
            "taken another job|role|position|offer",
        )
    ),
    re.IGNORECASE,
)
_THANKS = re.compile(
    r"(?<![\w'])(?:thank|thanks|thanked|thanking|thankful|thx|ty|appreciate|appreciated|"
    r"appreciative|appreciation|grateful|gratitude|cheers|obliged)(?![\w'])",
    re.IGNORECASE,
)

_AnyRule = _PhraseRule | _LimitRule | _ExclamationRule | _ShoutingRule | _StructureRule

_RULES: tuple[_AnyRule, ...] = (
    _PhraseRule(
        id="arrogance-overqualified",
        level=ToneLevel.ERROR,
        triggers=_regexes(r"\bover[- ]?qualified\b"),
        suggestion=(
            "Leave your level out of it: say the role is not the right match for you at the moment."
        ),
        examples=("I'm massively overqualified for this.", "I am over-qualified."),
        counterexamples=("I am qualified for the role and would have enjoyed it.",),
    ),
    _PhraseRule(
        id="arrogance-too-experienced",
        level=ToneLevel.ERROR,
        triggers=_phrases(
            "far|way|much|simply|clearly? too experienced|senior|qualified|skilled|good|"
            "talented for|to",
            "someone|people|anyone like me",
            "someone|people|anyone|somebody of|with|at my calibre|caliber|level|experience|"
            "seniority|standing|background|skills|record|expertise|talent",
            "someone|people|anyone|somebody of|with|at my ...2 calibre|caliber|level|experience|"
            "seniority|standing|background|skills|record|expertise|talent",
            "my calibre|caliber",
            "waste~ my talent~|skill~|experience|abilit~",
            "well|way|long past that stage|level",
            "aiming|aim a lot|much|far higher",
            "only consider~ director-level|senior|executive|c-level",
        ),
        suggestion=(
            "Say that the role does not match what you are looking for now, without "
            "ranking yourself above it."
        ),
        examples=(
            "I'm far too experienced for this.",
            "It is a step down for someone of my calibre.",
            "This would waste my talents.",
            "It needs someone with my track record.",
        ),
        counterexamples=(
            "I think I am a bit too junior for it at this stage.",
            "The role is above my current level of experience.",
        ),
    ),
    _PhraseRule(
        id="arrogance-beneath",
        level=ToneLevel.ERROR,
        triggers=_phrases(
            "beneath me|my",
            "below my level|standard~|experience|pay_grade",
            "not at|up to my level|standard~",
            "not worth my",
            "step backward~|backwards for someone|somebody|me|my",
            "bored within|in a week|day|month",
        ),
        suggestion="Thank them for the invitation and decline without judging the role.",
        examples=(
            "This is beneath my experience level.",
            "It would be a step backwards for someone like me.",
            "The role is not worth my time.",
        ),
        counterexamples=(
            "The salary range is below what I need at this stage.",
            "I would like to step back from the process.",
        ),
    ),
    _PhraseRule(
        id="arrogance-junior-role",
        level=ToneLevel.ERROR,
        triggers=_phrases(
            "clearly|obviously|just|only|merely|basically|frankly a|an junior|entry-level|"
            "graduate|beginner|beginner's|low-level|basic",
            "junior|entry-level|graduate-level|low-level role~|position~|job~|post~ like|such_as "
            "this|yours",
            "graduate-level|entry-level|low-level busywork|work|role|job|tasks",
            "a low-level role|job|position",
            "someone junior enough",
            "someone|anyone junior|younger|cheaper to do|for this|that",
            "an|a intern|graduate|child|trainee could do",
            "a_bit|pretty|rather|quite|fairly? basic|trivial|menial for",
            "menial|trivial work|job|role|tasks",
        ),
        suggestion="Do not grade the role; say it is not the right step for you now.",
        examples=(
            "It is clearly a junior role.",
            "The role is graduate-level busywork.",
            "You should find someone junior enough to enjoy it.",
            "An intern could do this job.",
        ),
        counterexamples=(
            "I'd be glad to hear about more junior openings in future.",
            "Thank you for the invitation to interview for the Junior Developer role.",
        ),
    ),
    _PhraseRule(
        id="arrogance-condescension",
        level=ToneLevel.WARNING,
        triggers=_phrases(
            "obviously",
            "needless to say",
            "as you should|must|surely know|realise|realize|see",
            "i can|could do much|far|a? lot? better",
            "bigger fish to fry",
        ),
        suggestion="Drop the word or phrase: it can read as talking down to the reader.",
        examples=("Obviously I decline.", "I have bigger fish to fry."),
        counterexamples=("I decline with thanks.",),
    ),
    _PhraseRule(
        id="discourtesy-stop-writing",
        level=ToneLevel.ERROR,
        triggers=_phrases(
            "stop|quit e-mail~|mailing|call~|messag~|text~|contact~|bother~|spam~|pester~|"
            "harass~|chas~",
        ),
        suggestion=(
            "If you want no more messages, ask politely to be taken off their list for now."
        ),
        examples=("Please stop contacting me about this vacancy.", "Quit calling."),
        counterexamples=("Thank you for inviting me to stop by the office.",),
    ),
    _PhraseRule(
        id="discourtesy-curt-dismissal",
        level=ToneLevel.ERROR,
        triggers=(
            *_regexes(
                r"\bnot\s++interested\s*+[,.!;-]*+\s*+(?:bye|goodbye|thanks\s++bye|cheers\s++bye)\b",
                r"(?:(?m:^)|(?<=[.!?]\s))[ \t]*+whatever\s*+,",
                r"\bwhatever\s*+[.!]",
            ),
            *_phrases(
                "don't bother",
                "who cares",
                "couldn't care less",
                "are you serious|kidding|joking",
                "nobody|no-one in their right mind",
                "good luck finding|getting anyone|someone|somebody",
                "i'm done with this|your",
                "not doing it",
            ),
        ),
        suggestion=("Thank them for the invitation and give a short, polite reason, or none."),
        examples=(
            "Don't bother rescheduling.",
            "Whatever, I'm not coming.",
            "Good luck finding anyone who'll take that pay.",
        ),
        counterexamples=("Whatever you decide, I wish the team well.",),
    ),
    _PhraseRule(
        id="discourtesy-slang",
        level=ToneLevel.ERROR,
        triggers=(
            *_phrases(
                "nah|meh|nope|lol|lmao|lmfao|pfft|ugh",
                "yeah no",
                "hard pass",
                "thanks but no thanks",
                "gonna|wanna pass",
                "i'm good thanks",
                "not really feeling",
            ),
            # "No thanks." standing alone as the whole sentence.
            *_regexes(r"(?:(?m:^)|(?<=[.!?]\s))[ \t]*+no\s++thanks\s*+[.!]"),
        ),
        suggestion="Write it as you would to a colleague you respect: no slang or shrugs.",
        examples=("Nah, not for me.", "Meh, no.", "Hard pass on this one.", "Hi,\nno thanks.\n"),
        counterexamples=("I will decline the interview with thanks.", "Please pass on my thanks."),
    ),
    _PhraseRule(
        id="discourtesy-insult",
        level=ToneLevel.ERROR,
        triggers=(
            *_phrases(
                "ridiculous|pathetic|laughable|clueless|incompetent|insulting|idiotic|stupid|"
                "lazy|unprofessional|disgrace|disgraceful",
                "a|what_a joke",
                "no idea what",
            ),
        ),
        suggestion="Leave out any judgement of the employer, the recruiter or the process.",
        examples=("The offer is laughable.", "Your recruiter seems incompetent."),
        counterexamples=("I enjoyed our call and the team's jokes.",),
    ),
    _ShoutingRule(
        id="discourtesy-shouting",
        level=ToneLevel.ERROR,
        pattern=re.compile(
            r"(?<![\w'])[A-Z][A-Z0-9&'/]*+(?![\w'])"
            r"(?:[ \t,;:!?.&/-]++[A-Z][A-Z0-9&'/]*+(?![\w']))*+"
        ),
        words=re.compile(r"[A-Z]++(?:'[A-Z]++)*+"),
        common=_COMMON,
        acronyms=_ACRONYMS,
        least=3,
        suggestion="Write in normal sentence case: several words in capitals read as shouting.",
        examples=("I AM NOT AVAILABLE.", "I said NO LAST WEEK AND THE ANSWER IS STILL NO."),
        counterexamples=(
            "Thank you for the EMEA FP&A ANALYST interview at the UK HQ.",
            "THANK YOU for the call.",
        ),
    ),
    _ExclamationRule(
        id="discourtesy-exclamations",
        level=ToneLevel.WARNING,
        # A run of two or more marks with a "!" in it, reported whole; the run is
        # entered at its start only, so a long run of marks costs linear time.
        pattern=re.compile(r"(?<![!?])(?=\?*+!)[!?][!?]++"),
        warm=_phrases("thank~|thx|appreciate~|grateful|lovely|great|wonderful|luck|wish~|excited")[
            0
        ],
        suggestion="Use a single full stop; stacked exclamation marks read as anger.",
        examples=("I said I'm not available!!", "Really?!"),
        counterexamples=("Thank you so much for the invite!!",),
    ),
    _PhraseRule(
        id="bridges-never-contact",
        level=ToneLevel.ERROR,
        triggers=_phrases(
            "never contact|e-mail|call|message|write|approach|reach me|out",
            "don't|never ever? contact|e-mail|call|message|write|text|reach ...4 again|ever",
            "lose my number|e-mail|address|details",
            "never want? to? hear from you|your",
            "remove|delete me ...4 permanently|forever|for_good",
        ),
        suggestion=(
            "Leave the door open instead: say you would be glad to hear about future openings."
        ),
        examples=(
            "Never contact me.",
            "Please don't call this number again.",
            "Do not reach out again in future.",
            "I never want to hear from your agency again.",
        ),
        counterexamples=("Please do contact me again if something similar comes up.",),
    ),
    _PhraseRule(
        id="bridges-never-work",
        level=ToneLevel.ERROR,
        triggers=_phrases(
            "would|will|could never work|apply for|with|at|to",
            "never again? work|apply for|with|at|to you|your|a|this",
            "last company|place|employer on? earth? i|i'd",
            "last place i'd|i ...2 work",
            "won't be applying|apply to|at|for your|you ...2 again",
            "not ...2 now or ...2 future",
            "consider this|the bridge burn~|burnt",
            "bridge|bridges burn~|burnt",
            "steer clear of your|you|this",
            "done with your|you ...2 good|ever",
            "rather stay|be unemployed",
        ),
        suggestion=(
            "Decline this role only; there may be a later opening with the same employer "
            "that you want."
        ),
        examples=(
            "I would never work for you.",
            "Consider this bridge burnt.",
            "I won't be applying to your firm again, ever.",
            "I'll tell everyone to steer clear of your company.",
        ),
        counterexamples=("I would be glad to apply again next year.",),
    ),
    _PhraseRule(
        id="bridges-waste-of-time",
        level=ToneLevel.ERROR,
        triggers=_phrases(
            "waste of my|our|your|everyone's? time",
            "waste~ my|our ...3 time|afternoon|morning|day|evening|week|weekend",
            "waste~ so|too much of my|our time",
            "wasted ...3 on your",
        ),
        suggestion="Thank them for their time instead; the impression you leave lasts.",
        examples=("You wasted my time.", "I wasted an afternoon on your forms."),
        counterexamples=("I did not want to waste your time with an interview.",),
    ),
    _PhraseRule(
        id="blame-process",
        level=ToneLevel.ERROR,
        triggers=_phrases(
            "never|didn't|don't bother~? to? read|reply|respond my|a|to|back",
            "a|an complete|total|utter? shambles|farce|circus|mess|nightmare|disaster|"
            "embarrassment",
            "so|very|completely|totally|utterly? disorganised|disorganized|chaotic|shambolic",
            "absurdly|ridiculously|insanely|stupidly|painfully long|slow",
            "disrespectful|misleading|dishonest|deceptive",
            "ghost~ me",
            "thanks for nothing",
            "thank you for finally",
            "if you had ...2 bothered",
            "incredibly|really|very|extremely poor of",
            "an|a insult to",
        ),
        suggestion=("Leave the process and the people out of it; a decline needs no complaint."),
        examples=(
            "Your recruiters never read my CV.",
            "This process has been a shambles.",
            "You ghosted me for six weeks.",
            "Your hiring team is so disorganised.",
        ),
        counterexamples=(
            "Thank you for being so clear about the details.",
            "I read the description again and it is not right for me.",
        ),
    ),
    _PhraseRule(
        id="bridges-bad-reputation",
        level=ToneLevel.ERROR,
        triggers=_phrases(
            "heard|read bad|terrible|awful|horrible|nasty things",
            "your|this company|firm|team is|seems terrible|awful|toxic|horrible|a_mess|a_disaster",
            "terrible|awful|toxic|horrible reputation|culture|reviews",
            "tells me everything",
        ),
        suggestion="Keep reviews and rumours out of a decline; a short thank-you is enough.",
        examples=("I heard bad things.", "The toxic culture there is well known."),
        counterexamples=("I heard good things about the team.",),
    ),
    _PhraseRule(
        id="oversharing-offer-from",
        level=ToneLevel.WARNING,
        triggers=(
            re.compile(rf"\b(?i:offers?)\s+(?i:from|at|with|by)\s+{_NAME}"),
            re.compile(
                r"\b(?i:accepted|taken|signed)\s+(?i:(?:a|an|another|the|their)\s+)?"
                r"(?i:(?:new\s+)?(?:position|role|job|offer|post))\s+(?i:at|with|from)\s+" + _NAME
            ),
            re.compile(
                r"\b(?i:i\s+am|i'm|i\s+will\s+be|i'll\s+be)\s+(?i:joining|going\s+to|heading\s+to)"
                rf"\s+{_NAME}"
            ),
            re.compile(rf"\b(?i:offered)\s+(?i:me\s+)?(?i:a|an|the)\s+\w+\s+(?i:by|at)\s+{_NAME}"),
            re.compile(rf"\b(?i:from)\s+{_NAME}\s+(?i:and)\s+{_NAME}"),
            re.compile(rf"\b(?i:what)\s+{_NAME}\s+(?i:offered|pays?|is\s+paying)"),
            re.compile(
                rf"(?<![\w&'-]){_NAME}\s+(?i:is\s+paying|pays|paid|(?:already\s+)?offered)\s+(?i:me)\b"
            ),
        ),
        suggestion=(
            "Say only that you have accepted another position; the employer's name is "
            "yours to keep."
        ),
        examples=(
            "I took an offer from Acme & Sons Ltd.",
            "I was offered a role by Grab.",
            "Grab is paying me more.",
        ),
        counterexamples=("I have accepted another position.", "Thank you for the offer."),
    ),
    _PhraseRule(
        id="oversharing-pay-figure",
        level=ToneLevel.WARNING,
        triggers=(
            re.compile(
                r"(?:[$€£¥₹]|\b(?:S\$|A\$|C\$|USD|EUR|GBP|SGD|CHF|AUD|CAD|INR))\s?\d"
                r"(?:[\d,.]*\d)?(?:\s?(?:[kKmM]|(?i:thousand|million|grand))\b)?"
            ),
            # The figure starts at the first digit of its run of digits, commas and
            # full stops that a word boundary precedes; the context before it is
            # read once per run, so "1.1.1.1..." costs linear time (issue #15).
            re.compile(
                r"(?<![\d,.])(?:(?<![^\W\d])[,.]*+|(?<=[^\W\d])\d*+[,.]++)"
                r"(?P<hit>\d++(?:[,.]++\d++)*+\s?(?:k\b|K\b|%|(?i:thousand|grand|dollars|"
                r"euros|pounds|usd|eur|gbp|sgd|chf|aud|cad|inr|percent|per\s+cent)\b|"
                r"(?i:a\s+year|per\s+year|per\s+annum|pa)\b))"
            ),
        ),
        suggestion="Leave pay figures out; there is no need to show your hand.",
        examples=("It pays $95,000.", "It pays 20 percent more.", "A 30% raise."),
        counterexamples=("The interview is on 14 March at 10.30.",),
    ),
    _PhraseRule(
        id="oversharing-pay-talk",
        level=ToneLevel.WARNING,
        triggers=_phrases(
            "they|who|which pay|pays|paid|paying|offered_me",
            "are|is paying",
            "salary|package|compensation|pay|bonus of",
            "much? better|higher|bigger|larger|stronger offer|salary|pay|package|compensation",
            "more money",
            "pay~|paid more|better|double",
            "top|beat|match their|that|my ...2 offer|package|salary|pay",
            "can match|beat|top",
            "match what",
            "signing bonus",
            "two|three|other|several offers on the table",
            "give|gave me a raise",
            "doubt you can match",
        ),
        suggestion=("Keep the terms of other offers private; you owe no comparison in a decline."),
        examples=(
            "I got a better offer.",
            "Unless you can top their package, no.",
            "It pays double what you advertised.",
        ),
        counterexamples=(
            "The package you described does not quite meet my needs.",
            "Please pass on my thanks.",
        ),
    ),
    _StructureRule(
        id="curtness-no-thanks",
        level=ToneLevel.WARNING,
        kind="no-thanks",
        declines=_DECLINES,
        thanks=_THANKS,
        suggestion="Thank them for the invitation before you decline; one sentence will do.",
        examples=("Hello,\n\nI withdraw my application.\n\nRegards,\nK. Adams",),
        counterexamples=(
            "Hello,\n\nThank you. I withdraw my application.\n\nRegards,\nK. Adams",
            "Dear Ms Green,\n\nI appreciate the invitation, but I will decline.\n\nFiona",
        ),
    ),
    _StructureRule(
        id="curtness-bare-reply",
        level=ToneLevel.WARNING,
        kind="bare",
        declines=_DECLINES,
        thanks=_THANKS,
        suggestion=(
            "Open with a greeting and close with your name: a one-line reply reads as curt."
        ),
        examples=("Pass.", "Thanks, but not for me.", "Can't make it.\nWithdrawing."),
        counterexamples=("Hi Tess,\n\nThanks, but I'll pass.\n\nKind regards,\nRay",),
    ),
    _LimitRule(
        id="length-words",
        level=ToneLevel.WARNING,
        unit="words",
        limit=MAX_DECLINE_WORDS,
        suggestion=(
            f"Trim the draft to under {MAX_DECLINE_WORDS} words: thanks, a clear decline "
            "and good wishes are enough."
        ),
        examples=(" ".join(["word"] * (MAX_DECLINE_WORDS + 1)),),
        counterexamples=(" ".join(["word"] * MAX_DECLINE_WORDS),),
    ),
    _LimitRule(
        id="length-paragraphs",
        level=ToneLevel.WARNING,
        unit="paragraphs",
        limit=MAX_DECLINE_PARAGRAPHS,
        suggestion=(
            f"Keep to at most {MAX_DECLINE_PARAGRAPHS} short paragraphs; three usually do."
        ),
        examples=("\n\n".join(["Para."] * (MAX_DECLINE_PARAGRAPHS + 1)),),
        counterexamples=("\n\n".join(["Para."] * MAX_DECLINE_PARAGRAPHS),),
    ),
)

#: Every rule id and category value that ``check_tone(ignore=...)`` accepts.
_IGNORABLE = frozenset({r.id for r in _RULES} | {c.value for c in ToneCategory})


# -- reading the draft -----------------------------------------------------------

_SALUTATION = re.compile(
    r"\A\s*(?:dear|hi|hello|hey|greetings|good\s+(?:morning|afternoon|evening))\b"
    r"(?P<name>(?:[^\n]*[^\n \t])?)[ \t]*+[,:][ \t]*+$",
    re.IGNORECASE | re.MULTILINE,
)
_CLOSING = re.compile(
    r"^[ \t]*+(?:(?:kind|kindest|best|warm|warmest|many|with\s++(?:best|kind|warm))\s++)?"
    r"(?:regards|wishes|thanks|thank\s++you|sincerely|cheers|all\s++the\s++best|"
    r"yours(?:\s++(?:sincerely|faithfully|truly))?|respectfully|best)[ \t]*+[,.!]?+[ \t]*+$",
    re.IGNORECASE | re.MULTILINE,
)
_SIGNATURE_LINES = 3
_WORD = re.compile(r"\w+(?:['-]\w+)*")
_PARAGRAPH = re.compile(r"^[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*", re.MULTILINE)


def _blank(text: str, start: int, end: int) -> str:
    """Replace ``text[start:end]`` with spaces, keeping line breaks and offsets."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


_GREETING = re.compile(
    r"\A\s*+(?:dear|hi|hiya|hello|hey|greetings|good\s++(?:morning|afternoon|evening))(?!\w)",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"^[ \t]*+(?:(?:kind|kindest|best|warm|warmest|many|with\s++(?:best|kind|warm))\s++)?"
    r"(?:regards|wishes|thanks|thank\s++you|sincerely|cheers|all\s++the\s++best|yours|best)"
    r"[ \t]*+[,.!]?+[ \t]*+(?:(?-i:[A-Z])[\w.'-]*+(?:[ \t]++(?-i:[A-Z])[\w.'-]*+){0,2})?[ \t]*+$",
    re.IGNORECASE | re.MULTILINE,
)


@attrs.frozen
class _Draft:
    """The draft with the greeting's name and the signature blanked out.

    ``greeting`` and ``closing`` tell whether it opens with a greeting and ends with a
    sign-off; ``lines`` counts its non-blank lines.
    """

    text: str
    words: tuple[tuple[int, int], ...]
    paragraphs: tuple[tuple[int, int], ...]
    greeting: bool
    closing: bool
    lines: int

    @classmethod
    def read(cls, text: str) -> _Draft:
        # Typographic apostrophes become plain ones (same length: offsets hold).
        text = text.replace("\u2019", "'")
        body_start, body_end = 0, len(text)
        greeting = _GREETING.match(text) is not None
        salutation = _SALUTATION.match(text)
        if salutation is not None:
            text = _blank(text, *salutation.span("name"))
            body_start = salutation.end()
        closings = list(_CLOSING.finditer(text, body_start))
        closing = False
        if closings:
            last = closings[-1]
            after = text[last.end() :]
            if len([ln for ln in after.splitlines() if ln.strip()]) <= _SIGNATURE_LINES:
                text = _blank(text, last.end(), len(text))
                body_end = last.start()
                closing = True
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if not closing and lines:
            closing = _SIGN_OFF.search(lines[-1]) is not None
        words = tuple(m.span() for m in _WORD.finditer(text, body_start, body_end))
        paragraphs = tuple(m.span() for m in _PARAGRAPH.finditer(text, body_start, body_end))
        return cls(text, words, paragraphs, greeting, closing, len(lines))


def _excerpt(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _ignored(ignore: Iterable[str]) -> frozenset[str]:
    if isinstance(ignore, str):
        msg = f"ignore: expected an iterable of rule ids or categories, not the str {ignore!r}"
        raise TypeError(msg)
    names = tuple(ignore)
    if not all(isinstance(n, str) for n in names):
        kinds = sorted({type(n).__name__ for n in names if not isinstance(n, str)})
        msg = f"ignore: expected rule ids or categories as str, got {', '.join(kinds)}"
        raise TypeError(msg)
    unknown = sorted(set(names) - _IGNORABLE)
    if unknown:
        raise FieldValueError(
            "ignore",
            f"unknown rule id or category: {', '.join(map(repr, unknown))}; "
            f"categories are {', '.join(c.value for c in ToneCategory)}",
        )
    return frozenset(names)


def check_tone(text: str, *, ignore: Iterable[str] = ()) -> tuple[ToneFinding, ...]:
    """Check a decline e-mail the candidate wrote for tone problems.

    Applies the ``courtesy`` advice: a decline should be short, courteous and
    professional, never arrogant, because the same employer or hiring manager may
    have a role worth having later and the impression lasts. It also applies the
    ``disclosure`` advice to the draft: naming a competing offer's employer or pay
    is over-sharing.

    The check runs a fixed tuple of rules kept as data, in the manner of
    rowanmanning/joblint: phrase rules whose triggers are word patterns (one
    trigger covers "waste", "wasted" and "wasting"), rules over the draft's shape
    (shouting, stacked marks, a decline with no thanks, a bare one-line reply) and
    two length rules (more than :data:`MAX_DECLINE_WORDS` words, more than
    :data:`MAX_DECLINE_PARAGRAPHS` paragraphs). The greeting's addressee and the
    signature after a closing such as "Kind regards," are names and are not
    checked. It is deterministic, English only and knows no meaning beyond its
    triggers: see :doc:`/emails` for the rules and their limits.

    A draft longer than :data:`MAX_DRAFT_CHARS` (100 000 characters) is refused
    rather than checked: it is no short decline, and every rule runs in time linear
    in the length of the text, so the bound also bounds the time of a check.

    Args:
        text: The draft, as plain text.
        ignore: Rule ids (``"discourtesy-exclamations"``) or categories
            (``"length"``) to skip, as a linter's ignore list.

    Returns:
        The findings, sorted by where they start and then by rule id; an empty
        tuple for a courteous draft.

    Raises:
        TypeError: When ``text`` is not a string, or ``ignore`` is a single string
            or holds something other than strings.
        FieldValueError: When ``ignore`` names no known rule or category; the
            message lists the unknown names.
        FieldValueError: When ``text`` is longer than :data:`MAX_DRAFT_CHARS`
            characters; the message names the length.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       The ``ignore`` argument; triggers written over words with their
       inflections; the ``blame`` and ``curtness`` categories.
    """
    if not isinstance(text, str):
        msg = f"check_tone expects the draft as a str, got {type(text).__name__}"
        raise TypeError(msg)
    skip = _ignored(ignore)
    if len(text) > MAX_DRAFT_CHARS:
        raise FieldValueError(
            "text",
            f"a draft of {len(text):,} characters is longer than the {MAX_DRAFT_CHARS:,} "
            "that check_tone reads; a decline is a few short paragraphs",
        )
    draft = _Draft.read(text)
    found: list[ToneFinding] = []
    for rule in _RULES:
        if rule.id in skip or rule.category.value in skip:
            continue
        # Spans sorted by start, longest first, then one sweep: the spans kept so far
        # do not overlap and none is empty, so a span overlaps one of them exactly
        # when it starts before the end of the last one kept.
        reach = 0
        for start, end in sorted(rule.spans(draft.text, draft), key=lambda s: (s[0], -s[1])):
            if start < reach:
                continue
            reach = end
            found.append(
                ToneFinding(
                    category=rule.category,
                    rule=rule.id,
                    level=rule.level,
                    start=start,
                    end=end,
                    excerpt=_excerpt(text[start:end]),
                    suggestion=rule.suggestion,
                )
            )
    return tuple(sorted(found, key=lambda f: (f.start, f.rule)))


def render_tone_report(
    findings: Iterable[ToneFinding],
    *,
    format: Literal["text", "json"] = "text",  # noqa: A002 -- matches the CLI's --format
    text: str | None = None,
    path: str | None = None,
) -> str:
    """Render findings as a report for a person or for a program.

    Args:
        findings: What :func:`check_tone` returned.
        format: ``"text"`` for one block per finding with its suggestion, ``"json"``
            for an object with the counts per level and the findings as
            :func:`~interviewdecide.to_json` writes them.
        text: The checked draft. When given, the text report places each finding
            at its line and column (``path:3:14:``), as compilers and linters do.
        path: The draft's file name for those positions; ``"<draft>"`` by default.

    Returns:
        The report. The text form says so when there is nothing to report.

    Raises:
        ValueError: When ``format`` is neither ``"text"`` nor ``"json"``.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``text`` and ``path``, for ``file:line:col`` positions.
    """
    items = tuple(findings)
    if format == "json":
        # cattrs loads here, for a program's report, never for check_tone itself.
        from .serialization import converter

        counts = {level.value: sum(f.level is level for f in items) for level in ToneLevel}
        return json.dumps(
            {"counts": counts, "findings": converter.unstructure(items)},
            indent=2,
            ensure_ascii=False,
        )
    if format != "text":
        msg = f"format must be 'text' or 'json', got {format!r}"
        raise ValueError(msg)
    from ._render import tone_report_text

    return tone_report_text(items, text=text, path=path)
