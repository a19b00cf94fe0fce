"""Decide whether to attend or decline an interview invitation, and say why.

interviewdecide turns a recruiter's advice about interview invitations into rules
that other programs can trust. Give it a :class:`Candidate` and an
:class:`Invitation`; :func:`decide` returns a :class:`Verdict` with a full trace.
"""

from __future__ import annotations

from . import rules, serialization
from ._disclosure import Disclosure, DisclosureAdvice, advise_disclosure
from ._email import DeclineReason, Email, draft_decline
from ._errors import FieldTypeError, FieldValueError, InvalidInput
from ._model import (
    Aspirations,
    Basis,
    Candidate,
    Concern,
    ConcernKind,
    Conflict,
    Contact,
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
from ._tone import (
    MAX_DECLINE_PARAGRAPHS,
    MAX_DECLINE_WORDS,
    ToneCategory,
    ToneFinding,
    ToneLevel,
    check_tone,
    render_tone_report,
)
from ._trace import Action, Alternative, Fact, Outcome, Step, Verdict
from ._triage import BatchNote, Duplicate, Triage, TriageItem, triage
from ._version import __version__
from .serialization import converter, from_json, to_json

__all__ = [
    "DEFAULT_POLICY",
    "DEFAULT_RULES",
    "MAX_DECLINE_PARAGRAPHS",
    "MAX_DECLINE_WORDS",
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
    "Fact",
    "FieldTypeError",
    "FieldValueError",
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
    "render_tone_report",
    "rules",
    "serialization",
    "to_json",
    "triage",
]
