"""A rule-based check of the tone of a decline e-mail (the ``courtesy`` advice).

The approach follows rowanmanning/joblint, a linter for job adverts: every rule is a
small frozen record kept as data (an id, a category, a level, its triggers and a
suggested rewording), and :func:`check_tone` applies them all, in a fixed order, to
the text. Triggers are regular expressions over English phrasing; two rules count
instead of match (the length of the draft).

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
from typing import Any, Literal

import attrs

from ._errors import FieldValueError
from .serialization import converter

__all__ = [
    "MAX_DECLINE_PARAGRAPHS",
    "MAX_DECLINE_WORDS",
    "MAX_DRAFT_CHARS",
    "ToneCategory",
    "ToneFinding",
    "ToneLevel",
    "check_tone",
    "render_tone_report",
]

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


class ToneLevel(StrEnum):
    """How serious a finding is.

    .. versionadded:: 0.1.0
    """

    #: Rewrite before sending.
    ERROR = "error"
    #: Worth a second look; it may be fine in context.
    WARNING = "warning"


def _non_negative_int(_inst: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FieldValueError(attribute.name, f"must be an int >= 0, got {value!r}")


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

    category: ToneCategory = attrs.field(validator=attrs.validators.instance_of(ToneCategory))
    rule: str = attrs.field(validator=attrs.validators.instance_of(str))
    level: ToneLevel = attrs.field(validator=attrs.validators.instance_of(ToneLevel))
    start: int = attrs.field(validator=_non_negative_int)
    end: int = attrs.field(validator=_non_negative_int)
    excerpt: str = attrs.field(validator=attrs.validators.instance_of(str))
    suggestion: str = attrs.field(validator=attrs.validators.instance_of(str))

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise FieldValueError("end", f"{self.end} is before start {self.start}")


# -- the rules, as data ----------------------------------------------------------


def _i(*patterns: str) -> tuple[re.Pattern[str], ...]:
    """Compile case-insensitive triggers."""
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def _patterns(values: Iterable[re.Pattern[str]]) -> tuple[re.Pattern[str], ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class _PhraseRule:
    """A rule that fires on every match of any of its triggers."""

    id: str
    category: ToneCategory
    level: ToneLevel
    triggers: tuple[re.Pattern[str], ...] = attrs.field(converter=_patterns)
    suggestion: str
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
class _LimitRule:
    """A rule that fires once when a count over the draft passes its limit."""

    id: str
    category: ToneCategory
    level: ToneLevel
    unit: Literal["words", "paragraphs"]
    limit: int
    suggestion: str

    def spans(self, _text: str, draft: _Draft) -> Iterator[tuple[int, int]]:
        units = draft.words if self.unit == "words" else draft.paragraphs
        if len(units) > self.limit:
            yield units[self.limit][0], units[-1][1]


# Common acronyms are capitals by nature, not shouting.
_ACRONYMS = (
    "AI|API|AWS|BA|BI|BSC|CEO|CFO|COO|CTO|CV|CX|DC|EMEA|EU|FAQ|GCP|GDPR|HQ|HR|ICT|IT|"
    "LA|MBA|ML|MSC|NDA|NGO|NHS|NYC|OK|PA|PHD|PM|PR|QA|R&D|SAP|SEO|SQL|SRE|UI|UK|UN|"
    "US|USA|UX|VP"
)
# A word in capitals, apostrophes allowed, that ends at a word boundary: as far as
# the last apostrophe that a word character follows, or the last capital that no
# word character follows. Each block is possessive and the apostrophes are bounded,
# so a run such as "A'A'A'..." costs linear time (issue #15).
_CAPS_WORD = rf"(?!(?:{_ACRONYMS})\b)[A-Z]++(?:'++[A-Z]++){{0,8}}(?:'++(?=\w)|\b)"
_SHOUTING = re.compile(rf"\b{_CAPS_WORD}(?:[ \t,;:!?.&/-]++{_CAPS_WORD}){{2,}}")

# A capitalised name of one or more words, such as "Acme & Sons Ltd" or "3M".
_COMPANY_NAME = r"[A-Z0-9][\w&'-]*(?:[ \t]+(?:&[ \t]+)?[A-Z0-9][\w&'-]*)*"

_E, _W = ToneLevel.ERROR, ToneLevel.WARNING
_ARR, _DIS, _BRI, _OVR, _LEN = (
    ToneCategory.ARROGANCE,
    ToneCategory.DISCOURTESY,
    ToneCategory.BURNING_BRIDGES,
    ToneCategory.OVERSHARING,
    ToneCategory.LENGTH,
)

_RULES: tuple[_PhraseRule | _LimitRule, ...] = (
    _PhraseRule(
        id="arrogance-overqualified",
        category=_ARR,
        level=_E,
        triggers=_i(r"\bover[- ]?qualified\b"),
        suggestion=(
            "Leave your level out of it: say the role is not the right match for you at the moment."
        ),
    ),
    _PhraseRule(
        id="arrogance-too-experienced",
        category=_ARR,
        level=_E,
        triggers=_i(
            r"\b(?:far|way|much|simply|clearly)?\s*too\s+(?:experienced|senior|qualified|"
            r"skilled|good|talented)\s+(?:for|to)\b",
            r"\bsomeone\s+(?:like\s+me|of\s+my\s+(?:calibre|caliber|level|experience|"
            r"seniority|standing))\b",
        ),
        suggestion=(
            "Say that the role does not match what you are looking for now, without "
            "ranking yourself above it."
        ),
    ),
    _PhraseRule(
        id="arrogance-beneath",
        category=_ARR,
        level=_E,
        triggers=_i(
            r"\bbeneath\s+(?:me|my)\b",
            r"\bbelow\s+my\s+(?:level|standards?|pay\s+grade|experience)\b",
            r"\bnot\s+(?:at|up\s+to)\s+my\s+(?:level|standards?)\b",
            r"\bnot\s+worth\s+my\b",
        ),
        suggestion="Thank them for the invitation and decline without judging the role.",
    ),
    _PhraseRule(
        id="arrogance-junior-role",
        category=_ARR,
        level=_E,
        triggers=_i(
            r"\b(?:clearly|obviously|just|only|merely|basically)\s+(?:a|an)\s+"
            r"(?:junior|entry[- ]level|graduate|beginner'?s?)\b",
            r"\b(?:junior|entry[- ]level)\s+(?:role|position|job|post)s?\s+"
            r"(?:like|such\s+as)\s+(?:this|yours)\b",
        ),
        suggestion="Do not grade the role; say it is not the right step for you now.",
    ),
    _PhraseRule(
        id="arrogance-condescension",
        category=_ARR,
        level=_W,
        triggers=_i(
            r"\bobviously\b",
            r"\bneedless\s+to\s+say\b",
            r"\bas\s+you\s+(?:should|must|surely)\s+(?:know|realise|realize|see)\b",
            r"\bi\s+(?:can|could)\s+do\s+(?:much\s+|far\s+|a\s+lot\s+)?better\b",
        ),
        suggestion="Drop the word or phrase: it can read as talking down to the reader.",
    ),
    _PhraseRule(
        id="discourtesy-stop-writing",
        category=_DIS,
        level=_E,
        triggers=_i(
            r"\bstop\s+(?:e-?mailing|mailing|calling|messaging|texting|contacting|"
            r"bothering|spamming|pestering|harassing)\b",
            r"\bquit\s+(?:e-?mailing|calling|messaging|contacting|bothering)\b",
        ),
        suggestion=(
            "If you want no more messages, ask politely to be taken off their list for now."
        ),
    ),
    _PhraseRule(
        id="discourtesy-curt-dismissal",
        category=_DIS,
        level=_E,
        triggers=_i(
            r"\bnot\s++interested\s*+[,.!;-]*+\s*+(?:bye|goodbye|thanks\s++bye|cheers\s++bye)\b",
            r"\b(?:do\s+not|don'?t|dont)\s+bother\b",
            r"\bwhatever\s*[.!]",
            r"\bwho\s+cares\b",
            r"\bcouldn'?t\s+care\s+less\b",
        ),
        suggestion=("Thank them for the invitation and give a short, polite reason, or none."),
    ),
    _PhraseRule(
        id="discourtesy-insult",
        category=_DIS,
        level=_E,
        triggers=_i(
            r"\b(?:ridiculous|pathetic|laughable|clueless|incompetent|insulting|"
            r"idiotic|stupid|lazy|unprofessional|disgrace(?:ful)?)\b",
            r"\b(?:a|what\s+a)\s+joke\b",
        ),
        suggestion="Leave out any judgement of the employer, the recruiter or the process.",
    ),
    _PhraseRule(
        id="discourtesy-shouting",
        category=_DIS,
        level=_E,
        triggers=(_SHOUTING,),
        suggestion="Write in normal sentence case: several words in capitals read as shouting.",
    ),
    _PhraseRule(
        id="discourtesy-exclamations",
        category=_DIS,
        level=_W,
        # A run of two or more marks with a "!" in it, reported whole; the run is
        # entered at its start only, so a long run of marks costs linear time.
        triggers=(re.compile(r"(?<![!?])(?=\?*+!)[!?][!?]++"),),
        suggestion="Use a single full stop; stacked exclamation marks read as anger.",
    ),
    _PhraseRule(
        id="bridges-never-contact",
        category=_BRI,
        level=_E,
        triggers=_i(
            r"\bnever\s+(?:contact|e-?mail|call|message|write\s+to|approach)\s+me\b",
            r"\b(?:do\s+not|don'?t|dont)\s+(?:ever\s+)?(?:contact|e-?mail|call|message|"
            r"write\s+to)\s+me\s+(?:again|ever)\b",
            r"\blose\s+my\s+(?:number|e-?mail|address|details)\b",
            r"\bnever\s+(?:hear|want\s+to\s+hear)\s+from\s+(?:you|your)\b",
        ),
        suggestion=(
            "Leave the door open instead: say you would be glad to hear about future openings."
        ),
    ),
    _PhraseRule(
        id="bridges-never-work",
        category=_BRI,
        level=_E,
        triggers=_i(
            r"\b(?:would|will|could)\s+never\s+(?:work|apply)\s+(?:for|with|at|to)\b",
            r"\bnever\s+(?:again\s+)?(?:work|apply)\s+(?:for|with|at|to)\s+"
            r"(?:you|your|a\s+company|this\s+company|a\s+place)\b",
            r"\blast\s+(?:company|place|employer)\s+(?:on\s+earth\s+)?(?:i|i'?d)\b",
        ),
        suggestion=(
            "Decline this role only; there may be a later opening with the same employer "
            "that you want."
        ),
    ),
    _PhraseRule(
        id="bridges-waste-of-time",
        category=_BRI,
        level=_E,
        triggers=_i(
            r"\bwaste\s++of\s++(?:my|our|your|everyone'?s)?+\s*+time\b",
            r"\b(?:wasted|wasting)\s+(?:my|our)\s+time\b",
        ),
        suggestion="Thank them for their time instead; the impression you leave lasts.",
    ),
    _PhraseRule(
        id="bridges-bad-reputation",
        category=_BRI,
        level=_E,
        triggers=_i(
            r"\b(?:heard|read)\s+(?:bad|terrible|awful|horrible|nasty)\s+things\b",
            r"\b(?:your|this)\s+company\s+(?:is|seems)\s+(?:terrible|awful|a\s+mess|"
            r"toxic|horrible|a\s+disaster)\b",
            r"\b(?:terrible|awful|toxic|horrible)\s+(?:reputation|culture|reviews)\b",
        ),
        suggestion="Keep reviews and rumours out of a decline; a short thank-you is enough.",
    ),
    _PhraseRule(
        id="oversharing-offer-from",
        category=_OVR,
        level=_W,
        triggers=(
            re.compile(rf"\b(?i:offers?)\s+(?i:from|at|with|by)\s+{_COMPANY_NAME}"),
            re.compile(
                r"\b(?i:accepted|taken|signed)\s+(?i:(?:a|an|another|the|their)\s+)?"
                r"(?i:(?:new\s+)?(?:position|role|job|offer|post))\s+(?i:at|with|from)\s+"
                + _COMPANY_NAME
            ),
            re.compile(
                rf"\b(?i:i\s+am|i'm|i\s+will\s+be|i'll\s+be)\s+(?i:joining)\s+{_COMPANY_NAME}"
            ),
        ),
        suggestion=(
            "Say only that you have accepted another position; the employer's name is "
            "yours to keep."
        ),
    ),
    _PhraseRule(
        id="oversharing-pay-figure",
        category=_OVR,
        level=_W,
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
                r"(?P<hit>\d++(?:[,.]++\d++)*+\s?(?:k\b|K\b|(?i:thousand|grand|dollars|"
                r"euros|pounds|usd|eur|gbp|sgd|chf|aud|cad|inr)\b))"
            ),
        ),
        suggestion="Leave pay figures out; there is no need to show your hand.",
    ),
    _PhraseRule(
        id="oversharing-pay-talk",
        category=_OVR,
        level=_W,
        triggers=_i(
            r"\b(?:they|who|which)\s+(?:pay|pays|paid|are\s+paying|offered\s+me)\b",
            r"\b(?:salary|package|compensation|pay|bonus)\s+of\b",
            r"\b(?:better|higher|bigger|larger|stronger)\s+(?:offer|salary|pay|package|"
            r"compensation)\b",
            r"\bmore\s+money\b",
            r"\bpays?\s+(?:more|better)\b",
        ),
        suggestion=("Keep the terms of other offers private; you owe no comparison in a decline."),
    ),
    _LimitRule(
        id="length-words",
        category=_LEN,
        level=_W,
        unit="words",
        limit=MAX_DECLINE_WORDS,
        suggestion=(
            f"Trim the draft to under {MAX_DECLINE_WORDS} words: thanks, a clear decline "
            "and good wishes are enough."
        ),
    ),
    _LimitRule(
        id="length-paragraphs",
        category=_LEN,
        level=_W,
        unit="paragraphs",
        limit=MAX_DECLINE_PARAGRAPHS,
        suggestion=(
            f"Keep to at most {MAX_DECLINE_PARAGRAPHS} short paragraphs; three usually do."
        ),
    ),
)


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


@attrs.frozen
class _Draft:
    """The draft with the greeting's name and the signature blanked out."""

    text: str
    words: tuple[tuple[int, int], ...]
    paragraphs: tuple[tuple[int, int], ...]

    @classmethod
    def read(cls, text: str) -> _Draft:
        # Typographic apostrophes become plain ones (same length: offsets hold).
        text = text.replace("\u2019", "'")
        body_start, body_end = 0, len(text)
        salutation = _SALUTATION.match(text)
        if salutation is not None:
            text = _blank(text, *salutation.span("name"))
            body_start = salutation.end()
        closings = list(_CLOSING.finditer(text, body_start))
        if closings:
            closing = closings[-1]
            after = text[closing.end() :]
            if len([ln for ln in after.splitlines() if ln.strip()]) <= _SIGNATURE_LINES:
                text = _blank(text, closing.end(), len(text))
                body_end = closing.start()
        words = tuple(m.span() for m in _WORD.finditer(text, body_start, body_end))
        paragraphs = tuple(m.span() for m in _PARAGRAPH.finditer(text, body_start, body_end))
        return cls(text, words, paragraphs)


def _excerpt(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def check_tone(text: str) -> tuple[ToneFinding, ...]:
    """Check a decline e-mail the candidate wrote for tone problems.

    Applies the ``courtesy`` advice: a decline should be short, courteous and
    professional, never arrogant, because the same employer or hiring manager may
    have a role worth having later and the impression lasts. It also applies the
    ``disclosure`` advice to the draft: naming a competing offer's employer or pay
    is over-sharing.

    The check runs a fixed tuple of rules kept as data, in the manner of
    rowanmanning/joblint: phrase rules whose triggers are regular expressions, and
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

    Returns:
        The findings, sorted by where they start and then by rule id; an empty
        tuple for a courteous draft.

    Raises:
        TypeError: When ``text`` is not a string.
        FieldValueError: When ``text`` is longer than :data:`MAX_DRAFT_CHARS`
            characters; the message names the length.

    .. versionadded:: 0.1.0
    """
    if not isinstance(text, str):
        msg = f"check_tone expects the draft as a str, got {type(text).__name__}"
        raise TypeError(msg)
    if len(text) > MAX_DRAFT_CHARS:
        raise FieldValueError(
            "text",
            f"a draft of {len(text):,} characters is longer than the {MAX_DRAFT_CHARS:,} "
            "that check_tone reads; a decline is a few short paragraphs",
        )
    draft = _Draft.read(text)
    found: list[ToneFinding] = []
    for rule in _RULES:
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
) -> str:
    """Render findings as a report for a person or for a program.

    Args:
        findings: What :func:`check_tone` returned.
        format: ``"text"`` for one block per finding with its suggestion, ``"json"``
            for an object with the counts per level and the findings as
            :func:`~interviewdecide.to_json` writes them.

    Returns:
        The report. The text form says so when there is nothing to report.

    Raises:
        ValueError: When ``format`` is neither ``"text"`` nor ``"json"``.

    .. versionadded:: 0.1.0
    """
    items = tuple(findings)
    if format == "json":
        counts = {level.value: sum(f.level is level for f in items) for level in ToneLevel}
        return json.dumps(
            {"counts": counts, "findings": converter.unstructure(items)},
            indent=2,
            ensure_ascii=False,
        )
    if format != "text":
        msg = f"format must be 'text' or 'json', got {format!r}"
        raise ValueError(msg)
    if not items:
        return "No tone problems found."
    lines = []
    for f in items:
        lines.append(f"{f.level.value}: {f.category.value} [{f.rule}] at {f.start}-{f.end}")
        lines.append(f"  “{f.excerpt}”")
        lines.append(f"  Suggestion: {f.suggestion}")
    errors = sum(f.level is ToneLevel.ERROR for f in items)
    lines.append(f"{errors} error(s), {len(items) - errors} warning(s).")
    return "\n".join(lines)
