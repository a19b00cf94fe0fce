"""Write the small offline intersphinx inventories this documentation links into.

The documentation builds on machines without network access, so Sphinx cannot fetch
``objects.inv`` from docs.python.org, attrs.org, catt.rs or hypothesis.readthedocs.io.
This script writes inventories that hold only the targets our pages use, each with
its real address on the project's site. Run it after adding a link to a new outside
name: ``python docs/_inventories/make.py``.
"""

from __future__ import annotations

import zlib
from pathlib import Path

HERE = Path(__file__).parent

INVENTORIES: dict[str, tuple[str, str, list[tuple[str, str, str]]]] = {
    "python": (
        "Python",
        "3.13",
        [
            ("decimal.Decimal", "py:class", "library/decimal.html#$"),
            ("datetime.date", "py:class", "library/datetime.html#$"),
            ("datetime.datetime", "py:class", "library/datetime.html#$"),
            ("datetime.date.today", "py:method", "library/datetime.html#$"),
            ("collections.abc.Callable", "py:class", "library/collections.abc.html#$"),
            ("collections.abc.Iterable", "py:class", "library/collections.abc.html#$"),
            ("collections.abc.Mapping", "py:class", "library/collections.abc.html#$"),
            ("collections.abc.Iterator", "py:class", "library/collections.abc.html#$"),
            ("json.dumps", "py:function", "library/json.html#$"),
            ("json.loads", "py:function", "library/json.html#$"),
            ("email.message.EmailMessage", "py:class", "library/email.message.html#$"),
            ("email.message.Message", "py:class", "library/email.compat32-message.html#$"),
            ("email.headerregistry", "py:module", "library/email.headerregistry.html#module-$"),
            ("smtplib", "py:module", "library/smtplib.html#module-$"),
            ("email.policy.default", "py:data", "library/email.policy.html#$"),
            ("enum.StrEnum", "py:class", "library/enum.html#$"),
            ("typing.Any", "py:data", "library/typing.html#$"),
            ("typing.Self", "py:data", "library/typing.html#$"),
            ("typing.Protocol", "py:class", "library/typing.html#$"),
            ("ValueError", "py:exception", "library/exceptions.html#$"),
            ("TypeError", "py:exception", "library/exceptions.html#$"),
            ("KeyError", "py:exception", "library/exceptions.html#$"),
            ("ImportError", "py:exception", "library/exceptions.html#$"),
            ("ModuleNotFoundError", "py:exception", "library/exceptions.html#$"),
            (
                "concurrent.futures.ProcessPoolExecutor",
                "py:class",
                "library/concurrent.futures.html#$",
            ),
            (
                "concurrent.futures.ThreadPoolExecutor",
                "py:class",
                "library/concurrent.futures.html#$",
            ),
            ("pickle", "py:module", "library/pickle.html#module-$"),
            ("argparse", "py:module", "library/argparse.html#module-$"),
            ("tomllib", "py:module", "library/tomllib.html#module-$"),
            ("json", "py:module", "library/json.html#module-$"),
            ("os.PathLike", "py:class", "library/os.html#$"),
            ("str.splitlines", "py:method", "library/stdtypes.html#$"),
        ],
    ),
    "attrs": (
        "attrs",
        "25",
        [
            ("attrs.frozen", "py:function", "api.html#$"),
            ("attrs.define", "py:function", "api.html#$"),
            ("attrs.field", "py:function", "api.html#$"),
            ("attrs.evolve", "py:function", "api.html#$"),
            ("attrs.Attribute", "py:class", "api.html#$"),
            ("attrs.validators.and_", "py:function", "api.html#$"),
            ("attrs.validators.optional", "py:function", "api.html#$"),
            ("attrs.validators.deep_iterable", "py:function", "api.html#$"),
        ],
    ),
    "cattrs": (
        "cattrs",
        "25",
        [
            ("cattrs.Converter", "py:class", "cattrs.html#$"),
            ("cattrs.Converter.copy", "py:method", "cattrs.html#$"),
            ("cattrs.Converter.unstructure", "py:method", "cattrs.html#$"),
            ("cattrs.Converter.structure", "py:method", "cattrs.html#$"),
            ("cattrs.transform_error", "py:function", "cattrs.html#$"),
            ("cattrs.BaseValidationError", "py:exception", "cattrs.html#$"),
            ("cattrs.preconf.json.make_converter", "py:function", "cattrs.preconf.html#$"),
        ],
    ),
    "hypothesis": (
        "Hypothesis",
        "6",
        [
            ("hypothesis.strategies.SearchStrategy", "py:class", "reference/api.html#$"),
            ("hypothesis.given", "py:function", "reference/api.html#$"),
            ("hypothesis.strategies.composite", "py:function", "reference/strategies.html#$"),
        ],
    ),
}


def write(name: str, project: str, version: str, entries: list[tuple[str, str, str]]) -> None:
    """Write one inventory in Sphinx's version 2 format."""
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        f"# Version: {version}\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    body = "".join(f"{obj} {role} 1 {uri} -\n" for obj, role, uri in sorted(entries))
    (HERE / f"{name}.inv").write_bytes(header.encode() + zlib.compress(body.encode()))


if __name__ == "__main__":
    for key, (project, version, entries) in INVENTORIES.items():
        write(key, project, version, entries)
