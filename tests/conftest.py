"""Shared Hypothesis profiles, strategies and factories.

Profiles, chosen with ``HYPOTHESIS_PROFILE``:

- ``default``: a hundred examples per property (Hypothesis' own default), the
  README's test run;
- ``ci``: three hundred;
- ``ci-fuzz``: two thousand, for the fuzz-marked properties (``pytest -m fuzz``), which
  CI runs again after the test run (``.ci/run``): about four minutes on two cores;
- ``fuzz``: twenty thousand, for a long run by hand.

Helpers for the command line's tests too: :func:`run` (a subprocess), :func:`call`
(``main()`` in-process), :func:`write` and :func:`minimal` (an input document).

Tests import the helpers below by name (``from conftest import mei``): pytest puts
this folder on ``sys.path``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from interviewdecide import Candidate, Invitation, JobPosting, testing
from interviewdecide.__main__ import main

if TYPE_CHECKING:
    import pytest

settings.register_profile("default", deadline=None)
settings.register_profile(
    "ci", deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci-fuzz", deadline=None, max_examples=2_000, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fuzz", deadline=None, max_examples=20_000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

#: For a property whose every example costs several decisions or parses (a batch
#: triaged, a verdict decided again per counterfactual, a draft checked for tone, JSON
#: nested hundreds deep): a quarter of the profile's examples, at least ten. Mark such
#: a test ``fuzz`` too, so that CI's fuzz step runs it at depth.
costly = settings(max_examples=max(10, settings().max_examples // 4))


#: What schema.org postings hold: property names, and texts a reader must parse.
SCHEMA_ORG_KEYS = [
    "@type", "@id", "@graph", "@value", "title", "name", "hiringOrganization", "legalName",
    "givenName", "familyName", "experienceRequirements", "monthsOfExperience", "baseSalary",
    "salaryCurrency", "currency", "value", "minValue", "maxValue", "unitText", "unitCode",
    "jobLocationType", "jobLocation", "address", "addressLocality", "addressRegion",
    "addressCountry", "industry", "validThrough", "datePosted", "applicationContact", "email",
    "url",
]  # fmt: skip
SCHEMA_ORG_WORDS = [
    "JobPosting", "Organization", "#o", "TELECOMMUTE", "3+ years", "2-4 years", "60", "-1",
    "USD", "usd", "HOUR", "MON", "2019-04", "2025-03-31T12:00", "", "A\nB", "mailto:",
]  # fmt: skip
#: What JSON Resume documents hold: the keys the reader looks at, and partial dates.
RESUME_KEYS = ["basics", "name", "email", "work", "startDate", "endDate"]
RESUME_WORDS = ["2019", "2019-04", "2019-04-31", "2024-02-29", "2026", ""]


def json_values(
    *, keys: Sequence[str] = (), words: Sequence[str] = (), max_leaves: int = 8
) -> st.SearchStrategy[Any]:
    """Any JSON value, as :mod:`json` reads one.

    Without ``keys`` and ``words`` it is :func:`interviewdecide.testing.json_values`.
    With them, a reader's own property names (``keys``) and typical texts (``words``)
    are mixed in beside arbitrary ones, so that generated documents reach past the
    reader's first check; floats then include the infinities, which :mod:`json` reads
    from ``Infinity``.
    """
    if not keys and not words:
        return testing.json_values()
    scalars = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.text(max_size=12)
    )
    names = st.text(max_size=6)
    if words:
        scalars |= st.sampled_from(words)
    if keys:
        names = st.sampled_from(keys) | names
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(names, inner, max_size=5),
        max_leaves=max_leaves,
    )


def mei(years: float = 7, **fields: Any) -> Candidate:
    """Mei Tan, the candidate of most tests: seven years of experience by default."""
    return Candidate(name="Mei Tan", years_experience=years, **fields)


def invitation(
    title: str = "Data Analyst", company: str | None = "Acme", **fields: Any
) -> Invitation:
    """A request to interview for a posting built from ``title``, ``company`` and ``fields``."""
    return Invitation(posting=JobPosting(title=title, company=company, **fields))


# -- the command line --------------------------------------------------------------

#: The repository, the working directory of the commands that :func:`run` starts.
ROOT = Path(__file__).parent.parent


def run(*args: str, stdin: str | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run ``python -m interviewdecide`` with ``args`` as a subprocess, as users run it."""
    return subprocess.run(
        [sys.executable, "-m", "interviewdecide", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
    )


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run main() in-process; return the exit status, standard output and error.

    argparse's exits (misuse, ``--help``, ``--version``) return their status too.
    """
    try:
        code = main(list(args))
    except SystemExit as e:
        code = int(e.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, data: Any, name: str = "inbox.json", *, escaped: bool = True) -> str:
    """Write ``data`` as JSON to ``tmp_path / name``; return the file name.

    With ``escaped=False`` text outside ASCII is written as UTF-8, as most editors
    save it, instead of as ``\\u`` escapes.
    """
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=escaped), encoding="utf-8")
    return str(path)


def minimal(**invitation: Any) -> dict[str, Any]:
    """A one-invitation inbox document; the invitation is a bare posting unless given."""
    return {
        "candidate": {"name": "Mei Tan", "years_experience": 7},
        "invitations": [invitation or {"posting": {"title": "Data Engineer", "company": "Acme"}}],
    }
