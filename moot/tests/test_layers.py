"""The apps' imports run one way, down the layers of docs/architecture.md.

The contract is ``[tool.importlinter]`` in pyproject.toml: each app may import only the apps
listed below it, so a cycle between apps (or a core app importing the demo, or the record
importing a reader) fails the build. import-linter reads every import, those inside functions
included, so an import placed in a function does not hide a dependency.
"""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[2]


def test_the_apps_import_only_the_layers_below_them(capsys):
    cwd = os.getcwd()
    os.chdir(ROOT)  # import-linter reads the contract from the current directory
    sys.path.insert(0, str(ROOT))
    try:
        result = lint_imports(no_cache=True, no_logo=True)
    finally:
        os.chdir(cwd)
        sys.path.remove(str(ROOT))
    assert result == 0, capsys.readouterr().out


def test_every_app_is_in_a_layer():
    """A new app must take its place in the contract, or its imports go unchecked."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    layered = {
        name.strip() for layer in config["contracts"][0]["layers"] for name in layer.split("|")
    }
    apps = {p.parent.name for p in ROOT.glob("*/__init__.py")}
    assert apps == layered == set(config["root_packages"])
