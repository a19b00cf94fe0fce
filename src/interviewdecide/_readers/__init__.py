"""The readers of outside documents: schema.org JSON-LD, job pages, JSON Resume.

Each reader returns the instance it read; the named constructors
(:meth:`~interviewdecide.JobPosting.from_schema_org`,
:meth:`~interviewdecide.JobPosting.from_html`,
:meth:`~interviewdecide.Candidate.from_json_resume`) delegate to them. Shared
JSON-LD helpers live in :mod:`._jsonld`.
"""

from __future__ import annotations

from interviewdecide._problem import Problem

from .html import read_html
from .schema_org import Reading, read_schema_org

__all__ = ["Problem", "Reading", "read_html", "read_schema_org"]
