"""Decide whether to attend or decline an interview invitation, and say why.

interviewdecide turns a recruiter's advice about interview invitations into rules
that other programs can trust. Give it a :class:`Candidate` and an
:class:`Invitation`; :func:`decide` returns a :class:`Verdict` with a full trace.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from ._version import __version__

# For type checkers, which cannot read the table below: each import names itself
# (``X as X``) so that it is re-exported. tests/test_package.py checks both agree.
if TYPE_CHECKING:
    from . import rules as rules
    from . import serialization as serialization
    from ._cli._inbox import Inbox as Inbox
    from ._disclosure import Disclosure as Disclosure
    from ._disclosure import DisclosureAdvice as DisclosureAdvice
    from ._disclosure import advise_disclosure as advise_disclosure
    from ._email import MAX_REFERENCES as MAX_REFERENCES
    from ._email import DeclineReason as DeclineReason
    from ._email import Email as Email
    from ._email import draft_decline as draft_decline
    from ._errors import FieldTypeError as FieldTypeError
    from ._errors import FieldValueError as FieldValueError
    from ._errors import InvalidInput as InvalidInput
    from ._mcp import mcp_server as mcp_server
    from ._model import Aspirations as Aspirations
    from ._model import Basis as Basis
    from ._model import Candidate as Candidate
    from ._model import Concern as Concern
    from ._model import ConcernKind as ConcernKind
    from ._model import Conflict as Conflict
    from ._model import Contact as Contact
    from ._model import Extra as Extra
    from ._model import Invitation as Invitation
    from ._model import JobPosting as JobPosting
    from ._model import Location as Location
    from ._model import Money as Money
    from ._model import Offer as Offer
    from ._model import OfferStatus as OfferStatus
    from ._model import PayPeriod as PayPeriod
    from ._model import PayRange as PayRange
    from ._model import Policy as Policy
    from ._model import WorkArrangement as WorkArrangement
    from ._pipeline import DEFAULT_POLICY as DEFAULT_POLICY
    from ._pipeline import DEFAULT_RULES as DEFAULT_RULES
    from ._pipeline import Pipeline as Pipeline
    from ._pipeline import by_policy as by_policy
    from ._pipeline import decide as decide
    from ._pipeline import decline_wins as decline_wins
    from ._pipeline import first_decisive as first_decisive
    from ._problem import Problem as Problem
    from ._readers import Reading as Reading
    from ._readers import read_html as read_html
    from ._readers import read_schema_org as read_schema_org
    from ._schema import json_schema as json_schema
    from ._tone import MAX_DECLINE_PARAGRAPHS as MAX_DECLINE_PARAGRAPHS
    from ._tone import MAX_DECLINE_WORDS as MAX_DECLINE_WORDS
    from ._tone import MAX_DRAFT_CHARS as MAX_DRAFT_CHARS
    from ._tone import ToneCategory as ToneCategory
    from ._tone import ToneFinding as ToneFinding
    from ._tone import ToneLevel as ToneLevel
    from ._tone import check_tone as check_tone
    from ._tone import render_tone_report as render_tone_report
    from ._trace import Action as Action
    from ._trace import Alternative as Alternative
    from ._trace import Fact as Fact
    from ._trace import Outcome as Outcome
    from ._trace import Step as Step
    from ._trace import Verdict as Verdict
    from ._triage import BatchNote as BatchNote
    from ._triage import Duplicate as Duplicate
    from ._triage import Triage as Triage
    from ._triage import TriageItem as TriageItem
    from ._triage import triage as triage
    from .serialization import converter as converter
    from .serialization import from_json as from_json
    from .serialization import to_json as to_json

# Public names load on first use (PEP 562), so `import interviewdecide` costs next
# to nothing and an application pays for cattrs, the e-mail package or the tone
# rules only when it uses them. Each name maps to the module that defines it; a
# submodule maps to itself. This table is the one list of public names: the loader
# and `__all__` are derived from it.
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
    "._cli._inbox": ("Inbox",),
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
    "._problem": ("Problem",),
    "._readers": (
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


__all__ = ["__version__", *sorted(_WHERE)]  # noqa: PLE0604 -- derived from the one table
