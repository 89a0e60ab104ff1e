"""The layering rules, checked on the source: the domain does not import APScheduler, and no
code outside storage/ talks to the database directly."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from bot import PROJECT_ROOT

DOMAIN = ("courses", "delivery", "people", "text")
DATABASE_CALLS = {"execute", "executemany", "fetchone", "fetchall", "fetchval", "transaction", "connection"}


def _modules(*folders: Path) -> Iterator[tuple[Path, ast.Module]]:
    for folder in folders:
        for path in sorted(folder.rglob("*.py")):
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def test_the_domain_does_not_import_apscheduler() -> None:
    offenders: list[str] = []
    for path, tree in _modules(*(PROJECT_ROOT / "bot" / name for name in DOMAIN)):
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name.split(".")[0] == "apscheduler" for name in names):
                offenders.append(str(path.relative_to(PROJECT_ROOT)))
    assert offenders == []


def test_no_database_calls_outside_storage() -> None:
    """``db.execute(...)``, ``db.fetchval(...)``, ``db.transaction()`` and the like live in
    repositories only (a scheduler's or a sender's own methods of those names do not count)."""
    offenders: list[str] = []
    for path, tree in _modules(PROJECT_ROOT / "bot", PROJECT_ROOT / "handlers"):
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in DATABASE_CALLS
                and isinstance(node.value, ast.Name | ast.Attribute)
                and (node.value.id if isinstance(node.value, ast.Name) else node.value.attr) in {"db", "_db", "conn"}
            ):
                offenders.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}")
    assert offenders == []
