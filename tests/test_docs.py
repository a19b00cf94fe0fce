"""The API reference documents every public name, and every public name has a docstring."""

from __future__ import annotations

import enum
import inspect
import pkgutil
import re
from pathlib import Path

import attrs
import pytest

import interviewdecide

DOCS = Path(__file__).parent.parent / "docs"
API_PAGE = DOCS / "api.md"

#: ``.. autoclass:: interviewdecide.Name``, ``.. py:data:: interviewdecide.Name``,
#: ``.. automodule:: interviewdecide.rules``: the targets the reference documents.
_DIRECTIVE = re.compile(r"^\.\. (?:auto\w+|py:\w+):: interviewdecide\.(\w+)\s*$", re.MULTILINE)

#: Names that hold plain values (no docstring of their own); api.md describes them.
_DATA = {
    "DEFAULT_POLICY",
    "DEFAULT_RULES",
    "MAX_DECLINE_PARAGRAPHS",
    "MAX_DECLINE_WORDS",
    "__version__",
    "converter",
}


#: The public submodules: ``interviewdecide.rules``, ``.testing``, ``.typing``, ...
_SUBMODULES = {
    m.name for m in pkgutil.iter_modules(interviewdecide.__path__) if not m.name.startswith("_")
}


def documented(text: str) -> set[str]:
    """Return the top-level names the directives in ``text`` document."""
    return set(_DIRECTIVE.findall(text))


class TestApiReference:
    def test_every_public_name_is_documented(self) -> None:
        """Every name in ``interviewdecide.__all__`` has a directive in docs/api.md."""
        missing = sorted(set(interviewdecide.__all__) - documented(API_PAGE.read_text()))
        assert [] == missing

    def test_every_public_submodule_is_documented(self) -> None:
        """Every public submodule (``rules``, ``testing``, ...) has a directive in docs/api.md."""
        missing = sorted(_SUBMODULES - documented(API_PAGE.read_text()))
        assert [] == missing

    def test_documents_no_private_name(self) -> None:
        """The reference documents only names in ``__all__`` and public submodules."""
        extra = sorted(
            documented(API_PAGE.read_text()) - set(interviewdecide.__all__) - _SUBMODULES
        )
        assert [] == extra

    def test_finds_directives(self) -> None:
        """The directive pattern reads auto and py directives and ignores prose."""
        text = (
            ".. autoclass:: interviewdecide.Candidate\n"
            ".. py:data:: interviewdecide.DEFAULT_POLICY\n"
            "   .. automodule:: interviewdecide.rules\n"
            "See interviewdecide.decide for more.\n"
        )
        assert {"Candidate", "DEFAULT_POLICY"} == documented(text)


class TestPoliciesPage:
    @pytest.mark.parametrize("field", attrs.fields(interviewdecide.Policy), ids=lambda f: f.name)
    def test_every_field_has_a_row(self, field: attrs.Attribute[object]) -> None:
        """docs/policies.md has a table row for every Policy field, with its default."""
        text = (DOCS / "policies.md").read_text()
        row = next((line for line in text.splitlines() if f"Policy.{field.name}`" in line), None)
        assert row is not None
        default = field.default.name if isinstance(field.default, enum.Enum) else field.default
        assert f"| `{default}` |" in row


@pytest.mark.parametrize("name", sorted(set(interviewdecide.__all__) - _DATA))
def test_public_name_has_a_docstring(name: str) -> None:
    """Every public function, class and module carries its own docstring."""
    obj = getattr(interviewdecide, name)
    doc = obj.__doc__ if inspect.ismodule(obj) else inspect.getdoc(obj)
    assert doc is not None
    assert "" != doc.strip()


@pytest.mark.parametrize("name", sorted(set(interviewdecide.__all__) - _DATA))
def test_public_name_says_when_it_was_added(name: str) -> None:
    """Every public function, class and module says in which version it was added."""
    obj = getattr(interviewdecide, name)
    assert ".. versionadded::" in (obj.__doc__ or "")
