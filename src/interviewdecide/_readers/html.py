"""Find the schema.org ``JobPosting`` JSON-LD embedded in a saved job page.

The page is parsed by extruct, an optional dependency installed with the
``html`` extra (``pip install 'interviewdecide[html]'``). Without it,
:func:`posting_from_html` raises :class:`ModuleNotFoundError` saying what to
install: a missing extra is a problem of the installation, not of the page, so it is
not reported as :class:`~interviewdecide.InvalidInput`.
"""

from __future__ import annotations

from typing import Any

from ._errors import InvalidInput
from ._schema_org import posting_from_schema_org

__all__ = ["posting_from_html"]

_INSTALL = "reading job pages needs the optional 'html' extra: pip install 'interviewdecide[html]'"


def _json_ld_blocks(text: str) -> list[Any]:
    """Return the JSON-LD items of every ``application/ld+json`` script, in page order."""
    try:
        import extruct
        from lxml.etree import ParserError
    except ImportError as e:
        raise ModuleNotFoundError(_INSTALL, name=e.name) from e
    if not text.strip():
        raise InvalidInput.at("$", "the page is empty")
    try:
        found = extruct.extract(
            text.encode("utf-8", "surrogatepass"), encoding="UTF-8", syntaxes=["json-ld"]
        )
    except ParserError as e:
        raise InvalidInput.at("$", f"the page cannot be parsed as HTML: {e}") from None
    except ValueError as e:  # a script element that is not JSON
        raise InvalidInput.at("$", f"a JSON-LD script of the page is not JSON: {e}") from None
    except RecursionError:  # arrays or objects nested deeper than the parser recurses
        raise InvalidInput.at("$", "a JSON-LD script of the page is nested too deeply") from None
    blocks: list[Any] = found["json-ld"]
    return blocks


def _check_page(text: object) -> None:
    """Refuse a page that is not text, or text that no UTF-8 encoder can write."""
    if not isinstance(text, str):
        msg = f"from_html reads the page as str, not {type(text).__name__}; decode it first"
        raise TypeError(msg)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        line = text.count("\n", 0, e.start) + 1
        column = e.start - text.rfind("\n", 0, e.start)
        raise InvalidInput.at(
            "$",
            f"the page holds a lone surrogate, not valid Unicode (line {line}, column {column})",
        ) from None


def posting_from_html(text: str) -> dict[str, Any]:
    """Return the keyword arguments of the posting a saved job page embeds.

    Every ``<script type="application/ld+json">`` element of the page is read;
    exactly one ``JobPosting`` must be among them (at the top of a script, in its
    ``@graph``, or in an array). When the page holds one JSON-LD item, paths in
    errors start at it (``$.baseSalary``); when it holds several, they start at the
    list of items in page order (``$[1].baseSalary``).

    Args:
        text: The page's HTML.

    Returns:
        The fields of :class:`~interviewdecide.JobPosting`, read as
        :meth:`~interviewdecide.JobPosting.from_schema_org` reads them.

    Raises:
        InvalidInput: When the page cannot be parsed, holds a lone surrogate, holds
            no posting or several, or its posting cannot be read.
        TypeError: When ``text`` is not a :class:`str` (decode bytes first).
        ModuleNotFoundError: When the ``html`` extra is not installed.
    """
    _check_page(text)
    blocks = _json_ld_blocks(text)
    if not blocks:
        raise InvalidInput.at("$", "the page holds no JSON-LD, so no JobPosting")
    return posting_from_schema_org(blocks[0] if len(blocks) == 1 else blocks)
