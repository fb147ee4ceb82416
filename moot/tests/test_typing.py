"""The modules mypy checks strictly are the ones its rule names (pyproject.toml, ``[tool.mypy]``).

``scripts/test.sh`` runs ``mypy`` over its ``files``, which must have no error. The rule is
written there: the services, rules and public gates by name, and every module of the record
that writes through the audit trail (docs/architecture.md: every change to the record goes
through a service function). A new module of either kind is checked from its first commit.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NAMED = {"services", "rules", "public", "workflow", "state", "changes", "versions"}


def _config() -> dict:
    tool: dict = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]
    return tool


def _strict_files() -> set[Path]:
    found: set[Path] = set()
    for pattern in _config()["mypy"]["files"]:
        matches = set(ROOT.glob(pattern))
        assert matches, f"{pattern} in [tool.mypy] files names no module"
        found |= matches
    return found


def _modules(app: str) -> list[Path]:
    return [
        p
        for p in sorted((ROOT / app).rglob("*.py"))
        if not {"tests", "migrations"} & set(p.relative_to(ROOT).parts)
    ]


def _record_apps() -> list[str]:
    """The apps of the record and the audit trail beneath them (the import contract's layers
    from decisions down)."""
    layers = _config()["importlinter"]["contracts"][0]["layers"]
    below = layers[layers.index("decisions") :]
    return [name.strip() for layer in below for name in layer.split("|")]


def _writes_the_trail(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom):
            names = {alias.name for alias in node.names}
            if node.module == "audit.trail" or (node.module == "audit" and "trail" in names):
                return True
        elif isinstance(node, ast.Import):
            if any(alias.name == "audit.trail" for alias in node.names):
                return True
    return False


def test_every_service_rule_and_public_gate_is_checked_strictly():
    strict = _strict_files()
    apps = [p.parent.name for p in sorted(ROOT.glob("*/__init__.py"))]
    named = [
        p
        for app in apps
        for p in _modules(app)
        if p.stem in NAMED or "services" in p.relative_to(ROOT).parts[:-1]
    ]
    assert named, "the rule names no module at all"
    missing = [str(p.relative_to(ROOT)) for p in named if p not in strict]
    assert not missing, f"add to [tool.mypy] files: {missing}"


def test_every_module_writing_the_record_is_checked_strictly():
    strict = _strict_files()
    writers = [p for app in _record_apps() for p in _modules(app) if _writes_the_trail(p)]
    assert len(writers) > 10, "the audit trail's writers were not found"
    missing = [str(p.relative_to(ROOT)) for p in writers if p not in strict]
    assert not missing, f"add to [tool.mypy] files: {missing}"
