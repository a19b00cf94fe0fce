"""Sphinx extension: a diagram of how a verdict is reached, drawn from the code.

The ``decision-diagram`` directive takes no arguments. When the docs build, it reads
the default :class:`interviewdecide.Pipeline` (its rules, in order) and the default
:class:`interviewdecide.Policy` (its thresholds and conflict setting), turns them into
Graphviz DOT with :func:`decision_dot.dot_source` and hands that to
:mod:`sphinx.ext.graphviz`. A rule the diagram does not describe stops the build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from decision_dot import UnknownRuleError, dot_source
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.errors import ExtensionError
from sphinx.ext.graphviz import graphviz
from sphinx.util.docutils import SphinxDirective

import interviewdecide

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata, OptionSpec


class DecisionDiagram(SphinxDirective):
    """Draw the default pipeline: each rule, what it can decide, how findings combine."""

    has_content = False
    option_spec: ClassVar[OptionSpec] = {"caption": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        """Return the graphviz node, wrapped in a figure when a caption is given."""
        try:
            code = dot_source(interviewdecide.Pipeline().names, interviewdecide.Policy())
        except UnknownRuleError as exc:
            raise ExtensionError(str(exc), modname=__name__) from exc
        node = graphviz()
        node["code"] = code
        node["options"] = {"docname": self.env.docname}
        node["alt"] = "How interviewdecide reaches a verdict: " + ", then ".join(
            interviewdecide.Pipeline().names
        )
        if "caption" not in self.options:
            return [node]
        figure = nodes.figure("", node)
        inline, messages = self.parse_inline(self.options["caption"])
        figure += nodes.caption(self.options["caption"], "", *inline)
        return [figure, *messages]


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the ``decision-diagram`` directive."""
    app.setup_extension("sphinx.ext.graphviz")
    app.add_directive("decision-diagram", DecisionDiagram)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
