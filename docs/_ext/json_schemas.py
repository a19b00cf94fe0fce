"""Sphinx extension: publish the JSON Schemas with the HTML, and list them on a page.

When an HTML build finishes without error, every schema of
:func:`schema_files.schema_files` is written to the output as ``schemas/NAME.json``,
where its ``$id`` says it lives. The ``json-schemas`` directive (no arguments) lists
them: for each, a link to the file, the type it describes and that type's summary.
A schema whose ``$id`` does not match its file stops the build.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from schema_files import SchemaFile, SchemaFileError, relative_uri, schema_files, write
from sphinx import addnodes
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def _files() -> list[SchemaFile]:
    try:
        return schema_files()
    except SchemaFileError as exc:
        raise ExtensionError(str(exc), modname=__name__) from exc


class JsonSchemas(SphinxDirective):
    """List the published schemas, each linked to its file."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        """Return a bullet list with one item per schema."""
        items = nodes.bullet_list()
        for file in _files():
            link = nodes.reference(
                "",
                "",
                nodes.literal("", file.path),
                refuri=relative_uri(self.env.docname, file.path),
                internal=False,
            )
            xref = addnodes.pending_xref(
                "",
                nodes.literal("", file.cls.__name__, classes=["xref", "py", "py-class"]),
                refdomain="py",
                reftype="class",
                reftarget=f"interviewdecide.{file.cls.__name__}",
                refexplicit=True,
                refwarn=True,
            )
            items += nodes.list_item(
                "",
                nodes.paragraph(
                    "",
                    "",
                    link,
                    nodes.Text(" ("),
                    xref,
                    nodes.Text(f"): {file.summary}"),
                ),
            )
        return [items]


def _publish(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        write(Path(app.outdir), _files())


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the ``json-schemas`` directive and the writing of the files."""
    app.add_directive("json-schemas", JsonSchemas)
    app.connect("build-finished", _publish)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
