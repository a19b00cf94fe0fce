"""The package's top level: every public name, loaded on first use."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys

import pytest

import interviewdecide
from interviewdecide import _model, rules


class TestLazyNames:
    def test_every_public_name_resolves(self) -> None:
        """Each name in __all__ is reachable from the top-level package."""
        missing = [n for n in interviewdecide.__all__ if not hasattr(interviewdecide, n)]

        assert [] == missing

    def test_lazy_table_matches_all(self) -> None:
        """The lazy-import table and __all__ list the same names."""
        assert {*interviewdecide._WHERE, "__version__"} == set(interviewdecide.__all__)

    def test_type_checking_imports_match_the_table(self) -> None:
        """The imports type checkers read name each public name once, from its table module."""
        tree = ast.parse(inspect.getsource(interviewdecide))
        [block] = [
            node
            for node in tree.body
            if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
        ]
        imported: list[tuple[str, str]] = []
        for node in block.body:
            assert isinstance(node, ast.ImportFrom)
            for alias in node.names:
                assert alias.asname == alias.name, f"{alias.name} is not re-exported"
                where = "." * node.level + (node.module or alias.name)
                imported.append((alias.name, where))

        assert sorted(interviewdecide._WHERE.items()) == sorted(imported)

    def test_names_are_the_defining_objects(self) -> None:
        """A lazily loaded name is the very object its module defines."""
        assert _model.Candidate is interviewdecide.Candidate
        assert rules is interviewdecide.rules

    def test_dir_lists_public_names(self) -> None:
        """dir() offers every public name, loaded or not, for completion."""
        assert set(interviewdecide.__all__) <= set(dir(interviewdecide))

    def test_unknown_name(self) -> None:
        """An unknown name is an AttributeError naming it."""
        with pytest.raises(AttributeError, match="has no attribute 'decidee'"):
            interviewdecide.decidee  # noqa: B018

    def test_import_loads_nothing_heavy(self) -> None:
        """A bare import loads neither cattrs nor the e-mail package; first use does."""
        code = (
            "import sys, interviewdecide;"
            "print(sorted(m for m in ('cattrs', 'email.policy', 'interviewdecide._model')"
            " if m in sys.modules));"
            "interviewdecide.to_json;"
            "print('cattrs' in sys.modules)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout

        assert "[]\nTrue\n" == out

    def test_check_tone_loads_no_cattrs(self) -> None:
        """Checking a draft's tone never loads cattrs; only a JSON report needs it."""
        code = (
            "import sys, interviewdecide;"
            "interviewdecide.check_tone('Thanks, but no.');"
            "print('cattrs' in sys.modules)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout

        assert "False\n" == out
