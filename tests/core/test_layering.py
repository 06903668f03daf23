"""The shape of the code, checked: the CLI and the GUI only call core operations (no
transaction, batch or peewee of their own), the core has no Qt, and no module imports
itself back through others."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# What opening a transaction or touching the database directly looks like.
FORBIDDEN = re.compile(
    r"\.(batch|transaction|atomic|savepoint|execute_sql)\(|\.write\(\)|\bpeewee\b"
    r"|wenshi\.db\b|\.tables\b"
)


def _sources(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def test_cli_and_gui_open_no_transaction_and_touch_no_table():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for folder in ("wenshi/cli", "ui")
        for path in _sources(folder)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if FORBIDDEN.search(line)
    ]
    assert offenders == []


def test_the_core_has_no_qt():
    offenders = [
        str(path.relative_to(ROOT))
        for path in _sources("wenshi")
        if re.search(r"^\s*(from|import) (PySide6|PyQt|shiboken)", path.read_text("utf-8"), re.M)
    ]
    assert offenders == []


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Modules of our own this file imports, at the top or inside functions (an import
    put inside a function to dodge a cycle is still a cycle); type-checking-only imports
    are left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(sub)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for sub in ast.walk(node)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
    return {name for name in found if name.split(".")[0] in ("wenshi", "ui")}


def test_no_import_cycles():
    modules = {_module_name(p): p for folder in ("wenshi", "ui") for p in _sources(folder)}
    graph = {
        name: {dep for dep in _imports(path) if dep in modules and dep != name}
        for name, path in modules.items()
    }
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                cycles.append([*stack[stack.index(dep) :], dep])
            elif dep not in state:
                visit(dep, [*stack, dep])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []
