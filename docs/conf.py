"""Sphinx configuration for interviewdecide."""

from __future__ import annotations

import doctest
import sys
from importlib.metadata import version as _version
from pathlib import Path

# The project's own extensions: the decision diagram, the casebook page and the
# JSON Schema files published with the HTML.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "interviewdecide"
author = "The interviewdecide developers"
copyright = "2026, The interviewdecide developers"
release = _version("interviewdecide")
version = ".".join(release.split(".")[:2])

# Exception lines are checked in full, type and message: Sphinx's default flags add
# IGNORE_EXCEPTION_DETAIL, which would let a changed message or class pass.
doctest_default_flags = doctest.ELLIPSIS | doctest.DONT_ACCEPT_TRUE_FOR_1

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.graphviz",
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "decision_diagram",
    "casebook",
    "json_schemas",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "_inventories"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = "interviewdecide"
html_static_path = ["_static"]
html_css_files = ["custom.css"]

# The decision diagram (docs/_ext/decision_diagram.py) needs Graphviz's `dot`.
graphviz_output_format = "svg"

autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_preserve_defaults = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# The build runs without network access (CI machines reach package registries
# only), so each inventory is tried online first and then read from a small local
# copy in _inventories/, made by _inventories/make.py from the real page URLs.
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", (None, "_inventories/python.inv")),
    "attrs": ("https://www.attrs.org/en/stable", (None, "_inventories/attrs.inv")),
    "cattrs": ("https://catt.rs/en/stable", (None, "_inventories/cattrs.inv")),
    "hypothesis": (
        "https://hypothesis.readthedocs.io/en/latest",
        (None, "_inventories/hypothesis.inv"),
    ),
}
intersphinx_timeout = 3

nitpick_ignore = [
    # A TypeVar: Sphinx has no page to link it to.
    ("py:class", "interviewdecide.serialization.T"),
    # mcp_server() returns the mcp SDK's low-level Server; the SDK publishes no inventory.
    ("py:class", "Server"),
]

doctest_global_setup = """
import interviewdecide
"""
