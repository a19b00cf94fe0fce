"""Lay out results as text for people: plain text wrapped to one width, or Markdown.

This module is the one place that lays out text. The ``explain()`` methods, the tone
report and the command line all call it; none of its functions decides anything,
they only say what a result already holds. It knows the result types for type
checking only, so the modules that define them can call it without an import cycle.
JSON is not text layout: it stays with :mod:`interviewdecide.serialization`.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ._grammar import count

if TYPE_CHECKING:
    from ._disclosure import DisclosureAdvice
    from ._email import Email
    from ._model import JobPosting
    from ._tone import ToneFinding
    from ._trace import Step, Verdict
    from ._triage import Triage, TriageItem

__all__ = [
    "WIDTH",
    "disclosure_markdown",
    "disclosure_text",
    "email_markdown",
    "email_section_markdown",
    "email_section_text",
    "email_text",
    "sections",
    "step_line",
    "tone_markdown",
    "tone_report_text",
    "tone_reports_markdown",
    "tone_reports_text",
    "triage_markdown",
    "triage_text",
    "verdict_markdown",
    "verdict_plain",
    "verdict_text",
    "wrap",
]

#: The width of all plain-text output.
WIDTH = 80

# Characters that Markdown would read as markup in running text.
_MARKUP = re.compile(r"([\\`*_\[\]<>|~])")

# A list item's text continues under the item's text, four columns in.
_ITEM = "  - "
_UNDER_ITEM = "    "


def _lines(text: str, first: str = "", rest: str = "", width: int = WIDTH) -> list[str]:
    """Wrap one paragraph into lines, ``first`` before the first and ``rest`` before the others."""
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=True,
        break_on_hyphens=False,
    )


def wrap(text: str, width: int = WIDTH) -> str:
    """Wrap every line of ``text`` to ``width``, continuing under the line's own text.

    A line keeps its indent, and a list item (``- ``, ``* ``) continues under
    the item's text rather than under its marker. Blank lines are kept.
    """
    out: list[str] = []
    for line in text.splitlines():
        body = line.lstrip()
        hang = len(line) - len(body) + (2 if body[:2] in {"- ", "* "} else 0)
        out.extend(_lines(line, rest=" " * hang, width=width) or [""])
    return "\n".join(out)


def _md(text: str) -> str:
    """Escape ``text`` so that Markdown shows it as written."""
    return _MARKUP.sub(r"\\\1", " ".join(text.split()))


def _heading(text: str) -> str:
    """``text`` underlined as long as it is, up to the page width."""
    return text + "\n" + "=" * min(len(text), WIDTH)


def sections(parts: Sequence[str], markdown: bool) -> str:
    """Join the sections of one output: a blank line between them, a rule in Markdown."""
    return ("\n\n---\n\n" if markdown else "\n\n").join(parts)


def _request_title(index: int, posting: JobPosting) -> str:
    return f"Request {index + 1}: {posting.label}"


def _is_decisive(step: Step, decided_by: str) -> bool:
    return step.rule == decided_by and step.is_decisive


def _without(verdict: Verdict, code: str = "") -> list[str]:
    """The sentence on what the pipeline would do without the deciding rule, if any."""
    alt = verdict.alternative
    if alt is None:
        return []
    return [
        "",
        f"Without {code}{verdict.decided_by}{code}, the verdict would be to "
        f"{alt.action.value} (decided by {code}{alt.decided_by}{code}).",
    ]


# -- verdicts --------------------------------------------------------------------


def step_line(step: Step) -> str:
    """One step as one line: ``[rule] outcome: reason``."""
    return f"[{step.rule}] {step.outcome.label}: {step.reason}"


def verdict_plain(verdict: Verdict) -> str:
    """A verdict as unwrapped plain text that a job seeker can follow."""
    lines = [
        f"Verdict: {verdict.action.value.upper()} (decided by {verdict.decided_by}).",
        "",
        "How each piece of advice applied:",
    ]
    for step in verdict.trace:
        marker = "*" if _is_decisive(step, verdict.decided_by) else "-"
        lines.append(f"  {marker} {step_line(step)}")
        lines.extend(f"      - {step_line(child)}" for child in step.children)
    lines += _without(verdict)
    if verdict.counterfactuals:
        lines += ["", "What would change a finding:"]
        lines.extend(f"  - {c}" for c in verdict.counterfactuals)
    lines += ["", f"Next: {verdict.follow_up}", "", f"Findings combined by: {verdict.combined_by}."]
    return "\n".join(lines)


def verdict_text(index: int, posting: JobPosting, verdict: Verdict) -> str:
    """Render one request's verdict as text, under a heading that names the request."""
    return _heading(_request_title(index, posting)) + "\n" + wrap(verdict_plain(verdict))


def _step_markdown(step: Step, decided_by: str, indent: str = "") -> list[str]:
    mark = "**" if _is_decisive(step, decided_by) else ""
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
    lines += _without(verdict, "`")
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

# The groups of a triage, in the order they are shown, with their titles.
_TRIAGE_GROUPS = (
    ("Attend (most promising first)", "attend"),
    ("Decline (send each a short, polite e-mail)", "decline"),
    ("Deferred", "deferred"),
)


def _triage_counts(result: Triage) -> str:
    total = len(result.items) + len(result.duplicates)
    return (
        f"{count(total, 'interview request')}: "
        f"{len(result.attend)} to attend, {len(result.decline)} to decline, "
        f"{len(result.deferred)} deferred, {len(result.duplicates)} repeated."
    )


def _triage_groups(result: Triage) -> Iterable[tuple[str, tuple[TriageItem, ...]]]:
    """The groups that hold a request, each with its title."""
    for title, name in _TRIAGE_GROUPS:
        group: tuple[TriageItem, ...] = getattr(result, name)
        if group:
            yield title, group


def _item_text(item: TriageItem) -> list[str]:
    verdict = item.verdict
    lines = _lines(
        f"{item.label} (request {item.index + 1}), decided by {verdict.decided_by}.",
        _ITEM,
        _UNDER_ITEM,
    )
    lines += _lines(verdict.deciding_step.reason, _UNDER_ITEM, _UNDER_ITEM)
    if item.email is not None:
        to = item.email.to or "no address on the posting"
        lines += _lines(f'E-mail ready: "{item.email.subject}", to {to}.', _UNDER_ITEM, _UNDER_ITEM)
    if item.note is not None:
        lines += _lines(item.note, _UNDER_ITEM, _UNDER_ITEM)
    return lines


def triage_text(result: Triage) -> str:
    """A triage as plain text, wrapped to :data:`WIDTH`."""
    if not result.items and not result.duplicates:
        return "No interview requests to triage."
    lines = _lines(f"Triage of {_triage_counts(result)}")
    for title, group in _triage_groups(result):
        lines += ["", f"{title}:"]
        for item in group:
            lines += _item_text(item)
    if result.duplicates:
        lines += ["", "Repeated requests:"]
        for dup in result.duplicates:
            lines += _lines(dup.reason, _ITEM, _UNDER_ITEM)
    if result.notes:
        lines += ["", "About the batch:"]
        for note in result.notes:
            lines += _lines(f"[{note.rule}] {note.reason}", _ITEM, _UNDER_ITEM)
    return "\n".join(lines)


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
    lines = ["# Triage", "", _triage_counts(result)]
    for title, group in _triage_groups(result):
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


# The advice id that disclosure advice comes from.
_DISCLOSURE = "disclosure"


def _stance(advice: DisclosureAdvice) -> str:
    return advice.stance.value.replace("_", " ")


def disclosure_text(advice: DisclosureAdvice) -> str:
    """Disclosure advice as unwrapped plain text that a job seeker can follow."""
    lines = [
        f"Other offers: {_stance(advice).upper()} (advice {_DISCLOSURE}).",
        "",
        "What was weighed:",
    ]
    # Where disclosing is optional, the notes are what opens the choice.
    opened = advice.stance is type(advice.stance).OPTIONAL
    for step in advice.trace:
        marker = "*" if opened and step.outcome is type(step.outcome).NOTE else "-"
        lines.append(f"  {marker} {step_line(step)}")
    lines += ["", f"Next: {advice.follow_up}"]
    return "\n".join(lines)


def disclosure_markdown(advice: DisclosureAdvice) -> str:
    """Render disclosure advice as a Markdown document."""
    lines = [
        "# Other offers",
        "",
        f"**{_stance(advice).capitalize()}** (advice `{_DISCLOSURE}`).",
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


def email_section_text(index: int, posting: JobPosting, email: Email) -> str:
    """One drafted e-mail as text, under a heading that names its request."""
    title = _request_title(index, posting)
    return wrap(title) + "\n" + "-" * WIDTH + "\n" + email_text(email)


def email_section_markdown(index: int, posting: JobPosting, email: Email) -> str:
    """One drafted e-mail as a Markdown section that names its request."""
    return f"## {_request_title(index, posting)}\n\n{email_markdown(email)}"


# -- tone ------------------------------------------------------------------------


def _position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in ``text``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _tally(findings: Sequence[ToneFinding]) -> str:
    errors = sum(f.level is type(f.level).ERROR for f in findings)
    return f"{errors} error(s), {len(findings) - errors} warning(s)."


def tone_report_text(
    findings: Sequence[ToneFinding], *, text: str | None = None, path: str | None = None
) -> str:
    """Findings as an unwrapped report for a person; :func:`~interviewdecide.render_tone_report`."""
    name = "<draft>" if path is None else path
    if not findings:
        return "No tone problems found." if text is None else f"{name}: no tone problems found."
    lines = []
    for f in findings:
        if text is None:
            where = f"at {f.start}-{f.end}"
            lines.append(f"{f.level.value}: {f.category.value} [{f.rule}] {where}")
        else:
            line, column = _position(text, f.start)
            lines.append(f"{name}:{line}:{column}: {f.level.value}: {f.category.value} [{f.rule}]")
        lines.append(f"  “{f.excerpt}”")
        lines.append(f"  Suggestion: {f.suggestion}")
    lines.append(_tally(findings))
    return "\n".join(lines)


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
    lines += ["", _tally(items)]
    return "\n".join(lines)


def tone_reports_text(reports: Iterable[tuple[str, str, Sequence[ToneFinding]]]) -> str:
    """The tone reports of several drafts (name, text, findings), wrapped.

    A line that starts with the file name is a position, which editors and CI tools
    read: it is never wrapped.
    """
    return "\n\n".join(
        "\n".join(
            line if line.startswith(name) else wrap(line)
            for line in tone_report_text(found, text=draft, path=name).splitlines()
        )
        for name, draft, found in reports
    )


def tone_reports_markdown(reports: Sequence[tuple[str, str, Sequence[ToneFinding]]]) -> str:
    """The tone reports of several drafts as Markdown, a section per draft if several."""
    several = len(reports) > 1
    return "\n\n".join(
        (f"## {name}\n\n" if several else "") + tone_markdown(found) for name, _, found in reports
    )
