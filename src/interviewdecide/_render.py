"""Render results for the command line: plain text for an 80-column terminal, or Markdown.

Renderers only lay out what the results say; none of them decides anything.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable

from ._disclosure import DisclosureAdvice
from ._email import Email
from ._model import JobPosting
from ._tone import ToneFinding, ToneLevel
from ._trace import Step, Verdict
from ._triage import Triage, TriageItem

__all__ = [
    "WIDTH",
    "disclosure_markdown",
    "email_markdown",
    "email_text",
    "tone_markdown",
    "triage_markdown",
    "verdict_markdown",
    "verdict_text",
    "wrap",
]

#: The width of the plain-text output.
WIDTH = 80

# Characters that Markdown would read as markup in running text.
_MARKUP = re.compile(r"([\\`*_\[\]<>|~])")


def wrap(text: str, width: int = WIDTH) -> str:
    """Wrap every line of ``text`` to ``width``, continuing under the line's own text.

    A line keeps its indent, and a list item (``- ``, ``* ``) continues under
    the item's text rather than under its marker. Blank lines are kept.
    """
    out: list[str] = []
    for line in text.splitlines():
        text = line.lstrip()
        hang = len(line) - len(text) + (2 if text[:2] in {"- ", "* "} else 0)
        out.extend(
            textwrap.wrap(
                line,
                width=width,
                subsequent_indent=" " * hang,
                break_long_words=True,
                break_on_hyphens=False,
            )
            or [""]
        )
    return "\n".join(out)


def _md(text: str) -> str:
    """Escape ``text`` so that Markdown shows it as written."""
    return _MARKUP.sub(r"\\\1", " ".join(text.split()))


def _heading(text: str) -> list[str]:
    return [text, "=" * min(len(text), WIDTH)]


# -- verdicts --------------------------------------------------------------------


def verdict_text(index: int, posting: JobPosting, verdict: Verdict) -> str:
    """Render one request's verdict as text, under a heading that names the request."""
    head = _heading(f"Request {index + 1}: {posting.label}")
    return "\n".join(head) + "\n" + wrap(verdict.explain())


def _step_markdown(step: Step, decided_by: str, indent: str = "") -> list[str]:
    mark = "**" if step.rule == decided_by and step.is_decisive else ""
    lines = [
        f"{indent}- {mark}`{step.rule}`: {step.outcome.label}{mark}. {_md(step.reason)}",
    ]
    for child in step.children:
        lines += _step_markdown(child, decided_by, indent + "  ")
    return lines


def verdict_markdown(index: int, posting: JobPosting, verdict: Verdict) -> str:
    """Render one request's verdict as a Markdown section."""
    lines = [
        f"## Request {index + 1}: {_md(posting.label)}",
        "",
        f"**Verdict: {verdict.action.value}** (decided by `{verdict.decided_by}`).",
        "",
    ]
    for step in verdict.trace:
        lines += _step_markdown(step, verdict.decided_by)
    if verdict.alternative is not None:
        alt = verdict.alternative
        lines += [
            "",
            f"Without `{verdict.decided_by}`, the verdict would be to "
            f"{alt.action.value} (decided by `{alt.decided_by}`).",
        ]
    if verdict.counterfactuals:
        lines += ["", "What would change a finding:", ""]
        lines += [f"- {_md(c)}" for c in verdict.counterfactuals]
    lines += [
        "",
        f"Next: {_md(verdict.follow_up)}",
        "",
        f"Findings combined by `{verdict.combined_by}`.",
    ]
    return "\n".join(lines)


# -- triage ----------------------------------------------------------------------


def _item_markdown(item: TriageItem) -> list[str]:
    verdict = item.verdict
    lines = [
        f"- **{_md(item.label)}** (request {item.index + 1}), decided by "
        f"`{verdict.decided_by}`. {_md(verdict.deciding_step.reason)}"
    ]
    if item.note is not None:
        lines.append(f"  {_md(item.note)}")
    return lines


def triage_markdown(result: Triage) -> str:
    """Render a triage as a Markdown document."""
    total = len(result.items) + len(result.duplicates)
    lines = [
        "# Triage",
        "",
        f"{total} interview request{'s' if total != 1 else ''}: "
        f"{len(result.attend)} to attend, {len(result.decline)} to decline, "
        f"{len(result.deferred)} deferred, {len(result.duplicates)} repeated.",
    ]
    for title, group in (
        ("Attend (most promising first)", result.attend),
        ("Decline (send each a short, polite e-mail)", result.decline),
        ("Deferred", result.deferred),
    ):
        if group:
            lines += ["", f"## {title}", ""]
            for item in group:
                lines += _item_markdown(item)
    if result.duplicates:
        lines += ["", "## Repeated requests", ""]
        lines += [f"- {_md(d.reason)}" for d in result.duplicates]
    if result.notes:
        lines += ["", "## About the batch", ""]
        lines += [f"- `{n.rule}`: {_md(n.reason)}" for n in result.notes]
    return "\n".join(lines)


# -- disclosure ------------------------------------------------------------------


def disclosure_markdown(advice: DisclosureAdvice) -> str:
    """Render disclosure advice as a Markdown document."""
    stance = advice.stance.value.replace("_", " ")
    lines = [
        "# Other offers",
        "",
        f"**{stance.capitalize()}** (advice `disclosure`).",
        "",
        "What was weighed:",
        "",
    ]
    lines += [f"- {s.outcome.label}: {_md(s.reason)}" for s in advice.trace]
    lines += ["", f"Next: {_md(advice.follow_up)}"]
    return "\n".join(lines)


# -- e-mails ---------------------------------------------------------------------

_NO_RECIPIENT = "(no address in the posting: fill it in)"


def _recipient(email: Email) -> str:
    if email.to is None:
        return _NO_RECIPIENT if email.to_name is None else f"{email.to_name} {_NO_RECIPIENT}"
    return email.to if email.to_name is None else f"{email.to_name} <{email.to}>"


def email_text(email: Email) -> str:
    """Render an e-mail as text: ``To``, ``Subject``, a blank line and the body, wrapped."""
    return wrap(f"To: {_recipient(email)}\nSubject: {email.subject}\n\n{email.body.rstrip()}")


def email_markdown(email: Email) -> str:
    """Render an e-mail as Markdown: the headers as a list, the body as a quotation."""
    lines = [f"- To: {_md(_recipient(email))}", f"- Subject: {_md(email.subject)}", ""]
    lines += [f"> {_md(line)}".rstrip() for line in email.body.rstrip().splitlines()]
    return "\n".join(lines)


# -- tone ------------------------------------------------------------------------


def tone_markdown(findings: Iterable[ToneFinding]) -> str:
    """Render :func:`~interviewdecide.check_tone` findings as a Markdown document."""
    items = tuple(findings)
    lines = ["# Tone check", ""]
    if not items:
        return "\n".join([*lines, "No tone problems found."])
    lines += [
        f"- **{f.level.value}**: {f.category.value.replace('_', ' ')} "
        f"(`{f.rule}`, characters {f.start} to {f.end}): “{_md(f.excerpt)}”. "
        f"{_md(f.suggestion)}"
        for f in items
    ]
    errors = sum(f.level is ToneLevel.ERROR for f in items)
    lines += ["", f"{errors} error(s), {len(items) - errors} warning(s)."]
    return "\n".join(lines)
