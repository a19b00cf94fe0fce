"""A rule-based check of the tone of a decline e-mail (the ``courtesy`` advice).

The approach follows rowanmanning/joblint, a linter for job adverts: the rules are
data, one table each in ``_tone_rules.toml`` beside this module (an id, a level, its
triggers, a suggested rewording, and examples it must and must not fire on, which
the tests run), read and checked the first time a draft is checked, and
:func:`check_tone` applies them all, in a fixed order, to the text.
Triggers are written in a small pattern language over words (inflections,
alternatives, optional words, short gaps) and compiled to linear-time regular
expressions; a few rules read the shape of the draft instead (shouting, stacked
marks, a decline with no thanks or no greeting, the length).

Limits, stated plainly: the check reads English only; it knows phrases, not meaning,
so a sarcastic draft made of polite words passes, and a polite sentence that happens
to contain a trigger ("I would obviously be glad to hear from you") is flagged. There
is no sentiment model and no dictionary beyond the triggers in the rule table. The salutation's
addressee ("Dear ...,") and the signature (the lines after a closing such as "Kind
regards,") are names, not wording, so they are left out of every rule.
"""

from __future__ import annotations

import functools
import json
import re
import tomllib
from collections.abc import Iterable, Iterator
from enum import StrEnum
from types import MappingProxyType
from typing import Literal, TypedDict, TypeVar

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
_BETWEEN_WORDS = r"[\s,;:\"()\u2013\u2014-]{1,4}+"
#: Any one word, apostrophes and inner hyphens included.
_ANY_WORD = r"[\w']++(?:-[\w']++)?+"
#: What every compiled phrase begins with: no word character or apostrophe just before.
_WORD_START = r"(?<![\w'])"
_NAME = r"(?-i:[A-Z0-9][\w&'-]*+(?:[ \t]++(?:&[ \t]++)?[A-Z0-9][\w&'-]*+){0,3})"
_NUMBER = r"\d++(?:[.,]\d++)*+"
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
    out = re.escape(word).replace(r"\-", "[- ]?").replace("'", "'?").replace("_", _BETWEEN_WORDS)
    # "don't" reads "do not" too, and "won't" "will not".
    if word.endswith("n't"):
        stem = {"won't": "will", "can't": "can", "shan't": "shall"}.get(word, word[:-3])
        out = f"(?:{out}|{re.escape(stem)}{_BETWEEN_WORDS}not|{re.escape(stem)}not)"
    return out


def _token(token: str) -> str:
    match token:
        case "*":
            return _ANY_WORD
        case "NAME":
            return _NAME
        case "NUM":
            return _NUMBER
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
    out = _WORD_START
    for token in tokens[:-1]:
        if token.startswith("..."):
            out += f"(?:{_ANY_WORD}{_BETWEEN_WORDS}){{0,{int(token[3:] or 3)}}}"
        elif token.endswith("?") and len(token) > 1:
            out += f"(?:{_token(token[:-1])}{_BETWEEN_WORDS})?"
        else:
            out += _token(token) + _BETWEEN_WORDS
    return out + _token(tokens[-1])


def _phrase(phrase: str) -> re.Pattern[str]:
    """Compile a phrase of the pattern language, ignoring case."""
    return re.compile(_compile_phrase(phrase), re.IGNORECASE)


def _any_of(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str]:
    """One alternation of ``patterns`` (which share their flags), without their "hit" groups.

    The phrases among them share one check of their word start, so that the scan tries
    their words only where a word begins (about three times faster per rule). A
    regular expression of the rule file never begins like a phrase (_triggers wraps it).
    """
    patterns = tuple(patterns)
    phrases = [p.pattern for p in patterns if p.pattern.startswith(_WORD_START)]
    others = [f"(?:{p.pattern})" for p in patterns if not p.pattern.startswith(_WORD_START)]
    if phrases:
        bodies = "|".join(f"(?:{p.removeprefix(_WORD_START)})" for p in phrases)
        others.insert(0, f"{_WORD_START}(?:{bodies})")
    return re.compile("|".join(others).replace("(?P<hit>", "(?:"), patterns[0].flags)


# -- the rules ---------------------------------------------------------------------
#
# The rule table is data: _tone_rules.toml, shipped in the package and read the first
# time a draft is checked. The classes below are the kinds of rule it may hold.


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
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...]

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

    triggers: tuple[re.Pattern[str], ...]
    #: All triggers as one alternation: one scan tells whether any can match, so a
    #: courteous draft costs one scan per rule instead of one per trigger.
    _any: re.Pattern[str] = attrs.field(init=False, eq=False, repr=False)

    @_any.default
    def _combine(self) -> re.Pattern[str]:
        # The triggers of one rule share their flags: the reader of the table checks it.
        return _any_of(self.triggers)

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


#: The limit of each unit a limit rule counts, and what separates its examples' units.
_LIMITS = MappingProxyType({"words": MAX_DECLINE_WORDS, "paragraphs": MAX_DECLINE_PARAGRAPHS})
_UNIT_SEPARATORS = MappingProxyType({"words": " ", "paragraphs": "\n\n"})


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

    ``shape`` is ``"no-thanks"`` (no word of thanks anywhere) or ``"bare"`` (one or
    two lines of under fifteen words, with no greeting and no closing). The span is
    the first decline cue.
    """

    shape: Literal["no-thanks", "bare"]
    declines: re.Pattern[str]
    thanks: re.Pattern[str]

    def spans(self, text: str, draft: _Draft) -> Iterator[tuple[int, int]]:
        cue = self.declines.search(text)
        if cue is None:
            return
        if self.shape == "no-thanks":
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

_AnyRule = _PhraseRule | _LimitRule | _ExclamationRule | _ShoutingRule | _StructureRule


# -- reading the rule table ----------------------------------------------------------

_RULE_FILE = "_tone_rules.toml"


class _RuleTableError(ValueError):
    """A mistake in the rule table, named by its place in the file."""


class _Basics(TypedDict):
    """The fields every kind of rule has."""

    id: str
    level: ToneLevel
    suggestion: str
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...]


@attrs.frozen
class _Cues:
    """What the structure rules read in every draft: a decline, and thanks."""

    declines: re.Pattern[str]
    thanks: re.Pattern[str]


_Value = TypeVar("_Value")


@attrs.define
class _Fields:
    """One table of the rule file, read field by field; what is left is unknown."""

    path: str
    table: dict[str, object]

    def fail(self, name: str, problem: str) -> _RuleTableError:
        where = ".".join(part for part in (self.path, name) if part)
        return _RuleTableError(
            f"{_RULE_FILE}: {where}: {problem}" if where else f"{_RULE_FILE}: {problem}"
        )

    def take(self, name: str, kind: type[_Value], default: _Value | None = None) -> _Value:
        """The field ``name``, which must be a ``kind``; ``default`` when it is absent."""
        if name not in self.table:
            if default is None:
                raise self.fail(name, "missing")
            return default
        value = self.table.pop(name)
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise self.fail(name, f"must be {kind.__name__}, not {type(value).__name__}")
        return value

    def strings(self, name: str, *, optional: bool = False) -> tuple[str, ...]:
        """The field ``name``: a list of strings, not empty unless ``optional``."""
        values: list[object] = self.take(name, list, [] if optional else None)
        if not values and not optional:
            raise self.fail(name, "must hold at least one string")
        for index, value in enumerate(values):
            if not isinstance(value, str):
                raise self.fail(f"{name}[{index}]", f"must be str, not {type(value).__name__}")
        return tuple(str(value) for value in values)

    def choice(self, name: str, choices: Iterable[str], default: str | None = None) -> str:
        """The field ``name``: one of ``choices``."""
        value = self.take(name, str, default)
        if value not in choices:
            raise self.fail(name, f"{value!r} is not one of {', '.join(map(repr, choices))}")
        return value

    def pattern(self, name: str, text: str, flags: int = 0) -> re.Pattern[str]:
        """``text`` compiled as a regular expression, a mistake named by ``name``."""
        try:
            return re.compile(text, flags)
        except re.error as error:
            raise self.fail(name, f"not a regular expression ({error}): {text!r}") from None

    def phrase(self, name: str, text: str) -> re.Pattern[str]:
        """``text`` compiled as a phrase, a mistake named by ``name``."""
        try:
            return _phrase(text)
        except ValueError as error:
            raise self.fail(name, f"not a phrase ({error})") from None

    def done(self) -> None:
        """Refuse the fields that were not read: they are unknown."""
        if self.table:
            raise self.fail("", f"unknown field(s): {', '.join(sorted(self.table))}")


def _triggers(fields: _Fields) -> tuple[re.Pattern[str], ...]:
    """A phrase rule's triggers: its phrases, then its regular expressions."""
    phrases = fields.strings("phrases", optional=True)
    regexes = fields.strings("regexes", optional=True)
    match_case = fields.take("match-case", bool, False)
    if not phrases and not regexes:
        raise fields.fail("phrases", "a phrase rule needs phrases, regexes or both")
    if match_case and phrases:
        # One alternation prefilters a rule's triggers, so they share their flags.
        raise fields.fail("match-case", "applies to regexes only; phrases always ignore case")
    flags = 0 if match_case else re.IGNORECASE
    return (
        *(fields.phrase(f"phrases[{i}]", text) for i, text in enumerate(phrases)),
        *(_grouped(fields, f"regexes[{i}]", text, flags) for i, text in enumerate(regexes)),
    )


def _grouped(fields: _Fields, name: str, text: str, flags: int) -> re.Pattern[str]:
    """A regular expression of the rule file, in a group of its own.

    The group keeps _any_of from reading an alternation at its top as a phrase's.
    """
    pattern = fields.pattern(name, text.replace("{NAME}", _NAME), flags)
    return re.compile(f"(?:{pattern.pattern})", flags)


def _capitals(fields: _Fields, name: str, word: re.Pattern[str]) -> frozenset[str]:
    """The field ``name``: words in capitals, each a whole match of ``word``."""
    words = fields.take(name, str).split()
    wrong = [w for w in words if word.fullmatch(w) is None]
    if wrong:
        raise fields.fail(name, f"not words in capitals: {', '.join(wrong)}")
    return frozenset(words)


_RULE_ID = re.compile(r"[a-z]++(?:-[a-z]++)++")
_KINDS = ("phrases", "shouting", "exclamations", "structure", "limit")


def _rule(fields: _Fields, rule_id: str, cues: _Cues) -> _AnyRule:
    """The rule ``rule_id``, built from its table."""
    prefix = rule_id.partition("-")[0]
    if _RULE_ID.fullmatch(rule_id) is None or prefix not in _CATEGORY_OF_PREFIX:
        categories = ", ".join(_CATEGORY_OF_PREFIX)
        raise fields.fail(
            "", f"an id is hyphenated lower-case words, the first one of {categories}"
        )
    kind = fields.choice("kind", _KINDS, "phrases")
    level = ToneLevel(fields.choice("level", [level.value for level in ToneLevel]))
    suggestion = fields.take("suggestion", str)
    if kind == "limit":
        unit: Literal["words", "paragraphs"] = (
            "words" if fields.choice("unit", _LIMITS) == "words" else "paragraphs"
        )
        limit, filler = _LIMITS[unit], fields.take("filler", str)
        return _LimitRule(
            id=rule_id,
            level=level,
            suggestion=suggestion.replace("{limit}", str(limit)),
            examples=(_UNIT_SEPARATORS[unit].join([filler] * (limit + 1)),),
            counterexamples=(_UNIT_SEPARATORS[unit].join([filler] * limit),),
            unit=unit,
            limit=limit,
        )
    basics = _Basics(
        id=rule_id,
        level=level,
        suggestion=suggestion,
        examples=fields.strings("examples"),
        counterexamples=fields.strings("counterexamples"),
    )
    if kind == "shouting":
        words = fields.pattern("word", fields.take("word", str))
        return _ShoutingRule(
            **basics,
            pattern=fields.pattern("run", fields.take("run", str)),
            words=words,
            common=_capitals(fields, "common", words),
            acronyms=_capitals(fields, "acronyms", words),
            least=fields.take("least", int),
        )
    if kind == "exclamations":
        return _ExclamationRule(
            **basics,
            pattern=fields.pattern("marks", fields.take("marks", str)),
            warm=fields.phrase("warm", fields.take("warm", str)),
        )
    if kind == "structure":
        shape: Literal["no-thanks", "bare"] = (
            "bare" if fields.choice("shape", ("no-thanks", "bare")) == "bare" else "no-thanks"
        )
        return _StructureRule(**basics, shape=shape, declines=cues.declines, thanks=cues.thanks)
    return _PhraseRule(**basics, triggers=_triggers(fields))


def _read_rules(data: dict[str, object]) -> tuple[_AnyRule, ...]:
    """Build the rules from the parsed rule file, refusing any unknown field or bad value.

    Raises:
        _RuleTableError: At the first mistake, with its place in the file.
    """
    top = _Fields("", dict(data))
    cue_fields = _Fields("cues", dict(top.take("cues", dict)))
    tables: dict[str, object] = top.take("rules", dict)
    top.done()
    cues = _Cues(
        declines=_any_of(
            cue_fields.phrase(f"declines[{i}]", text)
            for i, text in enumerate(cue_fields.strings("declines"))
        ),
        thanks=cue_fields.phrase("thanks", cue_fields.take("thanks", str)),
    )
    cue_fields.done()
    rules: list[_AnyRule] = []
    for rule_id, table in tables.items():
        fields = _Fields(f"rules.{rule_id}", {})
        if not isinstance(table, dict):
            raise fields.fail("", f"must be a table, not {type(table).__name__}")
        fields.table.update(table)
        rules.append(_rule(fields, rule_id, cues))
        fields.done()
    if not rules:
        raise top.fail("rules", "the table holds no rule")
    return tuple(rules)


@functools.cache
def _rules() -> tuple[_AnyRule, ...]:
    """The rules, read from the package's rule file the first time they are needed."""
    from importlib import resources  # here: importing the module need not load it

    text = resources.files(__package__).joinpath(_RULE_FILE).read_text("utf-8")
    return _read_rules(tomllib.loads(text))


@functools.cache
def _ignorable() -> frozenset[str]:
    """Every rule id and category value that ``check_tone(ignore=...)`` accepts."""
    return frozenset({rule.id for rule in _rules()} | {c.value for c in ToneCategory})


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
    unknown = sorted(set(names) - _ignorable())
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

    The check runs a fixed table of rules kept as data, in the manner of
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
    for rule in _rules():
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
