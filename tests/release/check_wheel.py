"""Check a built wheel the way a user meets it: installed alone, outside the tree.

Usage: ``python tests/release/check_wheel.py dist``. Run by ``.ci/run`` after
``python -m build``; not collected by pytest.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import tomllib
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def readme_block(heading: str, language: str) -> str:
    """Return the first fenced block of ``language`` after ``heading`` in the README."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    after = text.split(f"\n{heading}\n", 1)[1]
    match = re.search(rf"```{language}\n(.*?)```", after, re.DOTALL)
    if match is None:
        sys.exit(f"README: no {language} block after {heading!r}")
    return match.group(1)


def check_contents(wheel: Path) -> None:
    """The wheel holds py.typed and the package, and no tests."""
    names = zipfile.ZipFile(wheel).namelist()
    if "interviewdecide/py.typed" not in names:
        sys.exit(f"{wheel.name}: py.typed is missing")
    stray = [n for n in names if n.startswith("tests/") or "/tests/" in n]
    if stray:
        sys.exit(f"{wheel.name}: holds tests: {stray[:3]}")


def main(dist: Path) -> None:
    """Install the wheel into a fresh virtual environment and run the README example."""
    wheels = sorted(dist.glob("interviewdecide-*.whl"))
    if len(wheels) != 1:
        sys.exit(f"expected one wheel in {dist}, found {wheels}")
    wheel = wheels[0].resolve()
    check_contents(wheel)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"].get("version")
    with tempfile.TemporaryDirectory() as tmp:
        env = Path(tmp) / "venv"
        venv.create(env, with_pip=True)
        python = env / "bin" / "python"

        def run(*args: str) -> str:
            done = subprocess.run(
                [str(python), *args], cwd=tmp, capture_output=True, text=True, check=False
            )
            if done.returncode:
                sys.exit(f"{args} failed:\n{done.stdout}\n{done.stderr}")
            return done.stdout

        run("-m", "pip", "install", "-q", str(wheel))
        where = run("-c", "import interviewdecide; print(interviewdecide.__file__)")
        if str(ROOT) in where:
            sys.exit(f"imported from the source tree, not the wheel: {where}")
        installed = run("-c", "import interviewdecide; print(interviewdecide.__version__)").strip()
        if version is not None and installed != version:
            sys.exit(f"__version__ {installed!r} differs from pyproject's {version!r}")
        # The tone rules are a data file in the package: check_tone reads it on first use.
        rules = run(
            "-c", "import interviewdecide as i; print(i.check_tone('Never call me.')[0].rule)"
        )
        if rules.strip() != "bridges-never-contact":
            sys.exit(f"check_tone found something else in the installed wheel: {rules!r}")
        output = run("-c", readme_block("## Use it", "python"))
        if not output.startswith("decline\nsuitability\nVerdict: DECLINE"):
            sys.exit(f"README example printed something else:\n{output}")
        inbox = ROOT / "examples" / "inbox.json"
        script = env / "bin" / "interviewdecide"
        done = subprocess.run(
            [str(script), "triage", str(inbox)],
            cwd=tmp,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            sys.exit(f"interviewdecide triage failed:\n{done.stderr}")
    print(
        f"{wheel.name}: installed outside the tree as {installed}; "
        "check_tone, README example and CLI ran"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
