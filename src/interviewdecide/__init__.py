"""Decide whether to attend or decline an interview invitation, and say why.

interviewdecide turns a recruiter's advice about interview invitations into rules
that other programs can trust. Give it a :class:`Candidate` and an
:class:`Invitation`; :func:`decide` returns a :class:`Verdict` with a full trace.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from ._version import __version__

if TYPE_CHECKING:
    from . import rules, serialization
    from ._disclosure import Disclosure, DisclosureAdvice, advise_disclosure
    from ._email import MAX_REFERENCES, DeclineReason, Email, draft_decline
    from ._errors import FieldTypeError, FieldValueError, InvalidInput
    from ._inbox import Inbox
    from ._mcp import mcp_server
    from ._model import (
        Aspirations,
        Basis,
        Candidate,
        Concern,
        ConcernKind,
        Conflict,
        Contact,
        Extra,
        Invitation,
        JobPosting,
        Location,
        Money,
        Offer,
        OfferStatus,
        PayPeriod,
        PayRange,
        Policy,
        WorkArrangement,
    )
    from ._pipeline import (
        DEFAULT_POLICY,
        DEFAULT_RULES,
        Pipeline,
        by_policy,
        decide,
        decline_wins,
        first_decisive,
    )
    from ._readers import Problem, Reading, read_html, read_schema_org
    from ._schema import json_schema
    from ._tone import (
        MAX_DECLINE_PARAGRAPHS,
        MAX_DECLINE_WORDS,
        MAX_DRAFT_CHARS,
        ToneCategory,
        ToneFinding,
        ToneLevel,
        check_tone,
        render_tone_report,
    )
    from ._trace import Action, Alternative, Fact, Outcome, Step, Verdict
    from ._triage import BatchNote, Duplicate, Triage, TriageItem, triage
    from .serialization import converter, from_json, to_json

# Public names load on first use (PEP 562), so `import interviewdecide` costs next
# to nothing and an application pays for cattrs, the e-mail package or the tone
# rules only when it uses them. Each name maps to the module that defines it; a
# submodule maps to itself.
_LAZY_MODULES: dict[str, tuple[str, ...]] = {
    "._disclosure": (
        "Disclosure",
        "DisclosureAdvice",
        "advise_disclosure",
    ),
    "._email": (
        "MAX_REFERENCES",
        "DeclineReason",
        "Email",
        "draft_decline",
    ),
    "._errors": (
        "FieldTypeError",
        "FieldValueError",
        "InvalidInput",
    ),
    "._inbox": ("Inbox",),
    "._mcp": ("mcp_server",),
    "._model": (
        "Aspirations",
        "Basis",
        "Candidate",
        "Concern",
        "ConcernKind",
        "Conflict",
        "Contact",
        "Extra",
        "Invitation",
        "JobPosting",
        "Location",
        "Money",
        "Offer",
        "OfferStatus",
        "PayPeriod",
        "PayRange",
        "Policy",
        "WorkArrangement",
    ),
    "._pipeline": (
        "DEFAULT_POLICY",
        "DEFAULT_RULES",
        "Pipeline",
        "by_policy",
        "decide",
        "decline_wins",
        "first_decisive",
    ),
    "._readers": (
        "Problem",
        "Reading",
        "read_html",
        "read_schema_org",
    ),
    "._schema": ("json_schema",),
    "._tone": (
        "MAX_DECLINE_PARAGRAPHS",
        "MAX_DECLINE_WORDS",
        "MAX_DRAFT_CHARS",
        "ToneCategory",
        "ToneFinding",
        "ToneLevel",
        "check_tone",
        "render_tone_report",
    ),
    "._trace": (
        "Action",
        "Alternative",
        "Fact",
        "Outcome",
        "Step",
        "Verdict",
    ),
    "._triage": (
        "BatchNote",
        "Duplicate",
        "Triage",
        "TriageItem",
        "triage",
    ),
    ".rules": ("rules",),
    ".serialization": (
        "converter",
        "from_json",
        "serialization",
        "to_json",
    ),
}
_WHERE = {name: module for module, names in _LAZY_MODULES.items() for name in names}


def __getattr__(name: str) -> object:
    """Import a public name from its module the first time it is asked for."""
    try:
        module = _WHERE[name]
    except KeyError:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg) from None
    loaded = importlib.import_module(module, __name__)
    value = loaded if module == f".{name}" else getattr(loaded, name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "DEFAULT_POLICY",
    "DEFAULT_RULES",
    "MAX_DECLINE_PARAGRAPHS",
    "MAX_DECLINE_WORDS",
    "MAX_DRAFT_CHARS",
    "MAX_REFERENCES",
    "Action",
    "Alternative",
    "Aspirations",
    "Basis",
    "BatchNote",
    "Candidate",
    "Concern",
    "ConcernKind",
    "Conflict",
    "Contact",
    "DeclineReason",
    "Disclosure",
    "DisclosureAdvice",
    "Duplicate",
    "Email",
    "Extra",
    "Fact",
    "FieldTypeError",
    "FieldValueError",
    "Inbox",
    "InvalidInput",
    "Invitation",
    "JobPosting",
    "Location",
    "Money",
    "Offer",
    "OfferStatus",
    "Outcome",
    "PayPeriod",
    "PayRange",
    "Pipeline",
    "Policy",
    "Problem",
    "Reading",
    "Step",
    "ToneCategory",
    "ToneFinding",
    "ToneLevel",
    "Triage",
    "TriageItem",
    "Verdict",
    "WorkArrangement",
    "__version__",
    "advise_disclosure",
    "by_policy",
    "check_tone",
    "converter",
    "decide",
    "decline_wins",
    "draft_decline",
    "first_decisive",
    "from_json",
    "json_schema",
    "mcp_server",
    "read_html",
    "read_schema_org",
    "render_tone_report",
    "rules",
    "serialization",
    "to_json",
    "triage",
]
