"""The JSON Schema files that the documentation publishes, one per public type.

This module needs only interviewdecide, not Sphinx, so the test suite can check it
without the docs tools; :mod:`json_schemas` writes the files when the HTML builds and
lists them on a page.

Every name that ``interviewdecide schema NAME`` knows becomes ``schemas/NAME.json``
in the HTML output, holding :func:`interviewdecide.json_schema` of its type. Each
schema's ``$id`` says where it is published; :func:`schema_files` checks that the
``$id`` ends with the file's own path, so a schema never points at a file the docs
do not have.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

import attrs

from interviewdecide import json_schema
from interviewdecide._schema import SCHEMA_NAMES

__all__ = ["FOLDER", "SchemaFile", "SchemaFileError", "relative_uri", "schema_files", "write"]

#: The folder of the HTML output that holds the schemas.
FOLDER = "schemas"


class SchemaFileError(Exception):
    """A schema whose ``$id`` does not point at the file it is published as."""


@attrs.frozen(kw_only=True)
class SchemaFile:
    """One published schema.

    Attributes:
        name: The name ``interviewdecide schema`` knows it by (``job-posting``).
        cls: The type it describes.
        summary: The first line of the type's docstring.
        path: Its path in the HTML output, with ``/`` (``schemas/job-posting.json``).
        schema_id: Its ``$id``.
        text: The file's content: the schema as indented JSON, ending in a newline.
    """

    name: str
    cls: type[Any]
    summary: str
    path: str
    schema_id: str
    text: str


#: A Sphinx role (``:func:`~pkg.check_tone```) or inline literal (````x````) in a docstring.
_MARKUP = re.compile(r":[\w:]+:`~?(?:[\w.]+\.)?([^`.]+)`|``([^`]+)``")


def _summary(cls: type[Any]) -> str:
    """Return the first line of the docstring of ``cls`` as plain text, or its name."""
    doc = (cls.__doc__ or "").strip()
    if not doc:
        return cls.__name__
    return _MARKUP.sub(lambda m: m.group(1) or m.group(2), doc.splitlines()[0].strip())


def schema_files(names: Mapping[str, type[Any]] = SCHEMA_NAMES) -> list[SchemaFile]:
    """Return the file of every published schema, in the order of ``names``.

    Args:
        names: The published types by name; by default every name that
            ``interviewdecide schema`` knows.

    Raises:
        SchemaFileError: When a schema has no ``$id``, or its ``$id`` does not end
            with the path it is published at; the message names the schema and both.
    """
    out: list[SchemaFile] = []
    for name, cls in names.items():
        schema = json_schema(cls)
        path = f"{FOLDER}/{name}.json"
        schema_id = schema.get("$id")
        if not isinstance(schema_id, str) or not schema_id.endswith(f"/{path}"):
            msg = f"schema {name!r}: its $id {schema_id!r} does not end with /{path}"
            raise SchemaFileError(msg)
        text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        out.append(
            SchemaFile(
                name=name,
                cls=cls,
                summary=_summary(cls),
                path=path,
                schema_id=schema_id,
                text=text,
            )
        )
    return out


def write(outdir: Path, files: Iterable[SchemaFile]) -> list[Path]:
    """Write each schema file under ``outdir``; return the paths written."""
    written: list[Path] = []
    for file in files:
        target = outdir.joinpath(*PurePosixPath(file.path).parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(file.text, encoding="utf-8")
        written.append(target)
    return written


def relative_uri(docname: str, path: str) -> str:
    """Return the link from the HTML page of ``docname`` to ``path`` in the output.

    >>> relative_uri("integrations", "schemas/inbox.json")
    'schemas/inbox.json'
    >>> relative_uri("guide/integrations", "schemas/inbox.json")
    '../schemas/inbox.json'
    """
    return "../" * docname.count("/") + path
