"""Benchmark: peak memory of ``interviewdecide triage -f json`` on a large inbox.

Not a test. Run it with ``python bench/memory_triage.py [N] [--src DIR ...]``. It
writes one input file of N distinct invitations (100,000 by default) in the forms
that real inboxes mix: full inline postings with contacts, locations and salaries,
bare postings, inline schema.org JSON-LD, concerns from the job description and
from friends, and a yes, a no or no answer on fit. It then runs
``python -m interviewdecide triage -f json`` on it in a child process, once per
source tree given with ``--src`` (the working tree's ``src`` by default), with the
output sent to a file, and prints the child's peak resident set size
(``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``), its wall time and the sizes
of the input and output.

Each measurement runs in a fresh intermediate process, so the peak of one run
never hides behind the peak of another. To compare with an older version, export
its tree first, for example
``git archive OLD src | tar -x -C /tmp/old`` and pass ``--src /tmp/old/src``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

_TITLES = (
    "Data Engineer",
    "Senior Data Engineer",
    "Junior Data Engineer",
    "Analytics Engineer",
    "Sales Engineer",
    "Barista",
    "Platform Engineer (m/f/d)",
    "Ingénieur données",
)
_CITIES = (
    ("Rotterdam", "Netherlands"),
    ("Amsterdam", "Netherlands"),
    ("Lyon", "France"),
    ("København", "Denmark"),
)
_ARRANGEMENTS = ("hybrid", "remote", "onsite")


def _posting(i: int) -> dict[str, Any]:
    """A full inline posting, as ``to_json`` writes one."""
    city, country = _CITIES[i % len(_CITIES)]
    posting: dict[str, Any] = {
        "title": _TITLES[i % len(_TITLES)],
        "company": f"Company {i} B.V.",
        "required_years": (None, 2, 4, 6, 10)[i % 5],
        "locations": [{"city": city, "country": country}],
        "arrangement": _ARRANGEMENTS[i % len(_ARRANGEMENTS)],
    }
    if i % 3 == 0:
        posting["salary"] = {"currency": "EUR", "minimum": str(50_000 + i % 40 * 1_000)}
    if i % 2 == 0:
        posting["contact"] = {"name": f"Recruiter {i}", "email": f"jobs{i}@example.com"}
    return {k: v for k, v in posting.items() if v is not None}


def _schema_org(i: int) -> dict[str, Any]:
    """An inline schema.org JobPosting, as career sites publish it."""
    city, country = _CITIES[i % len(_CITIES)]
    return {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": _TITLES[i % len(_TITLES)],
        "hiringOrganization": {"@type": "Organization", "name": f"Firma {i}"},
        "jobLocation": {
            "@type": "Place",
            "address": {"addressLocality": city, "addressCountry": country},
        },
        "experienceRequirements": {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": 12 * (1 + i % 8),
        },
        "datePosted": "2026-11-20",
    }


def invitation(i: int) -> dict[str, Any]:
    """The ``i``-th invitation of the inbox, in one of several shapes."""
    shape = i % 6
    item: dict[str, Any]
    if shape == 0:
        item = {"posting": _posting(i), "matches_aspirations": True}
    elif shape == 1:
        item = {"posting": _posting(i), "matches_aspirations": False}
    elif shape == 2:
        item = {
            "posting": _posting(i),
            "concerns": [
                {
                    "kind": "overqualified",
                    "basis": "friends_advice",
                    "detail": "A former colleague says the team is very junior.",
                }
            ],
        }
    elif shape == 3:
        item = {"schema_org": _schema_org(i)}
    elif shape == 4:
        item = {"posting": {"title": _TITLES[i % len(_TITLES)]}}
    else:
        item = {
            "posting": _posting(i),
            "concerns": [{"kind": "unsuitable", "basis": "job_description"}],
            "matches_aspirations": True,
        }
    return item


def write_inbox(path: Path, n: int) -> None:
    """Write an input file of ``n`` invitations to ``path``."""
    example = json.loads((ROOT / "examples" / "inbox.json").read_text(encoding="utf-8"))
    data = {"candidate": example["candidate"], "invitations": [invitation(i) for i in range(n)]}
    with path.open("w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)


_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
with open(sys.argv[2], "wb") as out:
    code = subprocess.run(sys.argv[3:], stdout=out, env=None, check=False).returncode
took = time.perf_counter() - start
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, took)
"""


def measure(src: Path, inbox: Path, output: Path) -> tuple[int, int, float]:
    """Run triage with the package in ``src``; return status, peak RSS in KiB, seconds."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, "-m", "interviewdecide", "triage", "-f", "json", str(inbox)]
    done = subprocess.run(  # noqa: S603 -- this interpreter, with arguments built here
        [sys.executable, "-c", _MEASURE, "-", str(output), *command],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    code, peak, took = done.stdout.split()
    return int(code), int(peak), float(took)


def main(argv: list[str]) -> int:
    """Build the inbox, run each source tree on it and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000, help="invitations")
    parser.add_argument(
        "--src", action="append", type=Path, help="a source tree to run (repeatable)"
    )
    args = parser.parse_args(argv[1:])
    sources: list[Path] = args.src or [ROOT / "src"]
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "inbox.json"
        write_inbox(inbox, args.n)
        size = inbox.stat().st_size
        print(f"inbox: {args.n:,} invitations, {size / 1e6:.1f} MB")
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"own peak RSS after writing it: {own / 1024:,.0f} MiB")
        for src in sources:
            output = Path(tmp) / "out.json"
            code, peak, took = measure(src, inbox, output)
            out_size = output.stat().st_size
            print(
                f"{src}: exit {code}, peak RSS {peak / 1024:,.0f} MiB "
                f"({peak * 1024 / size:.0f}x the input), {took:.1f} s, "
                f"output {out_size / 1e6:.1f} MB"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
