"""Sphinx extension: render the casebook as a page, decided by the code at build time.

The ``casebook`` directive takes the casebook's path, relative to the page, reads it
with :func:`casebook_cases.load` (which runs :func:`interviewdecide.decide` on every
case) and renders one section per advice id: for each case its title, the candidate
and the request in a line each, the verdict and the one-line why. A case whose
verdict differs from the one the file expects is flagged on the page and logged as a
warning, so a build with ``-W`` fails. A casebook that cannot be read stops the build.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from casebook_cases import Case, CasebookError, describe_candidate, describe_request, group, load
from docutils import nodes
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)


def _field(name: str, *body: nodes.Node) -> nodes.field:
    return nodes.field(
        "", nodes.field_name("", name), nodes.field_body("", nodes.paragraph("", "", *body))
    )


class CasebookDirective(SphinxDirective):
    """Render every case of a casebook, grouped by advice id."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        """Return a summary paragraph and one section per advice id."""
        rel, path = self.env.relfn2path(self.arguments[0])
        self.env.note_dependency(rel)
        try:
            cases = load(Path(path))
        except CasebookError as exc:
            raise ExtensionError(str(exc), modname=__name__) from exc
        out: list[nodes.Node] = []
        mismatches = [c for c in cases if c.mismatch]
        summary = f"{len(cases)} cases, decided by the code when these pages were built; "
        summary += (
            f"{len(mismatches)} differ from what the casebook expects (flagged below)."
            if mismatches
            else "every verdict is the one the casebook expects."
        )
        out.append(nodes.paragraph("", summary))
        for advice, members in group(cases):
            section = nodes.section("", ids=[f"casebook-{advice}"], names=[f"casebook {advice}"])
            section += nodes.title(
                "", "", nodes.literal("", advice), nodes.Text(f" ({len(members)})")
            )
            for case in members:
                section.extend(self._case(case))
            self.state.document.note_implicit_target(section, section)
            out.append(section)
        return out

    def _case(self, case: Case) -> list[nodes.Node]:
        verdict = case.verdict
        heading = nodes.rubric("", case.title, ids=[f"case-{case.id}"])
        fields = nodes.field_list()
        fields += _field("Candidate", nodes.Text(describe_candidate(case.candidate)))
        fields += _field("Request", nodes.Text(describe_request(case.invitation, case.policy)))
        fields += _field(
            "Verdict",
            nodes.strong("", verdict.action.value),
            nodes.Text(" by "),
            nodes.literal("", verdict.decided_by),
        )
        fields += _field("Why", nodes.Text(case.why))
        fields += _field("The code says", nodes.Text(verdict.deciding_step.describe()))
        if case.advice_step is not None:
            fields += _field("It also found", nodes.Text(case.advice_step.describe()))
        fields += _field("Case id", nodes.literal("", case.id))
        out: list[nodes.Node] = [heading, fields]
        if case.mismatch:
            logger.warning("casebook: %s", case.mismatch, location=(self.env.docname, self.lineno))
            out.append(nodes.warning("", nodes.paragraph("", f"Disagreement: {case.mismatch}.")))
        return out


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the ``casebook`` directive."""
    app.add_directive("casebook", CasebookDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
