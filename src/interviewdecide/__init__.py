"""Decide whether to attend or decline an interview invitation, and say why.

interviewdecide turns a recruiter's advice about interview invitations into rules
that other programs can trust. Give it a :class:`Candidate` and an
:class:`Invitation`; :func:`decide` returns a :class:`Verdict` with a full trace.
"""

from __future__ import annotations

from . import rules, serialization
from ._disclosure import Disclosure, DisclosureAdvice, advise_disclosure
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
from ._trace import Action, Alternative, Fact, Outcome, Step, Verdict
from ._triage import BatchNote, Duplicate, Triage, TriageItem, triage
from ._version import __version__
from .serialization import converter, from_json, to_json

__all__ = [
    "DEFAULT_POLICY",
    "DEFAULT_RULES",
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
    "Disclosure",
    "DisclosureAdvice",
    "Duplicate",
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
    "Triage",
    "TriageItem",
    "Verdict",
    "WorkArrangement",
    "__version__",
    "advise_disclosure",
    "by_policy",
    "converter",
    "decide",
    "decline_wins",
    "first_decisive",
    "from_json",
    "rules",
    "serialization",
    "to_json",
    "triage",
]
