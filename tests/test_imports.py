"""The package's import structure: no import cycle, no module importing another module's
``_private`` names, runtime code never importing the evaluation package, and no stage
(split, topics, summarize, ...) importing a layer above it (api, pipeline, jobs, CLI).

Read from the source with ``ast`` (nothing is imported), so a new cycle fails here with its path
rather than as an ImportError that depends on which module happened to load first. Cycles count
every import that runs: module-level ones and those deferred into functions (a deferred import
hides a cycle from the interpreter, not from the design), and a submodule's import runs its
package's ``__init__`` first. Imports under ``if TYPE_CHECKING:`` never run and do not count.
"""

from __future__ import annotations

import ast
from pathlib import Path

import briefing

PACKAGE = Path(briefing.__file__).parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _absolute(module: str, node: ast.ImportFrom) -> str:
    """The absolute module a ``from X import ...`` names, relative levels resolved."""
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if not _is_package(module):
        base.pop()
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.Module):
    """Every import statement that can run, at module level or in a function, but not those
    under ``if TYPE_CHECKING:``."""
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            pending.extend(node.orelse)
        else:
            pending.extend(ast.iter_child_nodes(node))


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> set[str]:
    """The modules of this package that an import statement loads."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if alias.name in MODULES}
    source = _absolute(module, node)
    found = {source} if source in MODULES else set()
    for alias in node.names:
        if f"{source}.{alias.name}" in MODULES:  # `from . import submodule`
            found.add(f"{source}.{alias.name}")
    return found


def _trees() -> dict[str, ast.Module]:
    return {
        name: ast.parse(path.read_text(encoding="utf-8"), str(path))
        for name, path in MODULES.items()
    }


def _packages_of(name: str) -> list[str]:
    """The sub-packages whose ``__init__`` runs before ``name``: not the root, which is loaded
    before any of its modules (its own re-exports are the library's front door)."""
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(2, len(parts))]


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name, tree in _trees().items():
        edges: set[str] = set()
        for node in _imports(tree):
            for target in _targets(name, node):
                edges |= {target, *_packages_of(target)}
        # A module's own packages are already loading when it runs, and a package's __init__
        # that imports its own submodules is the usual shape of a package, not a cycle.
        graph[name] = {
            t
            for t in edges
            if t != name and t not in _packages_of(name) and not _is_ancestor(name, t)
        }
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle for each strongly connected component of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def _is_ancestor(package: str, module: str) -> bool:
    return module.startswith(package + ".")


def test_no_import_cycle():
    assert _cycles(_graph()) == []


def test_no_import_of_another_modules_private_names():
    offences = []
    for name, tree in _trees().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and _absolute(name, node).startswith("briefing"):
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        offences.append(f"{name}: from {_absolute(name, node)} import {alias.name}")
    assert offences == []


def test_runtime_code_never_imports_the_evaluation_package():
    offences = []
    for name, tree in _trees().items():
        if name == "briefing.evaluate" or name.startswith(("briefing.evaluate.", "briefing.cli")):
            continue  # the scorers themselves, and `briefing eval` which runs them
        for node in ast.walk(tree):
            targets: set[str] = set()
            if isinstance(node, ast.Import):
                targets = {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                targets = {_absolute(name, node)} | {
                    f"{_absolute(name, node)}.{a.name}" for a in node.names
                }
            if any(t == "briefing.evaluate" or t.startswith("briefing.evaluate.") for t in targets):
                offences.append(name)
    assert offences == []


def test_the_checks_see_a_cycle_and_resolve_relative_imports():
    # The checks above pass vacuously if the graph is empty or relative imports resolve wrongly.
    graph = _graph()
    assert "briefing.records" in graph["briefing.api"]  # module level
    assert "briefing.backends.cards" in graph["briefing.registry"]  # deferred into a function
    assert "briefing.backends" in graph["briefing.registry"]  # the package of what it imports
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


# The stages of the pipeline, which the layers above put together.
STAGES = ("read", "split", "topics", "summarize", "assemble", "ocr", "render", "backends")
# The layers above them: the library's entry points, the pipeline, jobs, CLI and apps.
ABOVE = (
    "api",
    "pipeline",
    "jobs",
    "cli",
    "deliver",
    "review",
    "evaluate",
)


def test_no_stage_imports_a_layer_above_it():
    above = tuple(f"briefing.{name}" for name in ABOVE)
    offences = []
    for name, targets in _graph().items():
        if name.split(".")[1:2] and name.split(".")[1] in STAGES:
            offences += [
                f"{name} -> {t}"
                for t in sorted(targets)
                if t in above or t.startswith(tuple(a + "." for a in above))
            ]
    assert offences == []


def test_import_briefing_leaves_the_plugin_machinery_unloaded():
    # importlib.metadata (and the email package under it) is read only when a registry name is
    # looked up: it was a third of the time `import briefing` took.
    import subprocess
    import sys

    code = (
        "import sys, briefing; print('importlib.metadata' in sys.modules, 'email' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.split() == ["False", "False"]


# What a cold `briefing build` of a text page must not load: it uses none of them, and each was
# a measurable part of the start (pydantic through typer 0.29's option coercion, 115 ms CPU; the
# entry points, read to list the formats, 25 ms; importlib.resources to read the data files,
# 15 ms; hashlib (OpenSSL), 5 ms; the PDF layout modules through the OCR progress bar; the model
# cards' module through the registry's check for a card path; rich's console, 27 ms, once
# asked whether standard error is a terminal for the OCR progress bar; the OCR package, 0.9% of
# the instructions, once imported for the progress bar to listen to; the TOML parser, 40 M
# instructions with its patterns, once imported by three modules for the default taxonomy, now
# read parsed from the user's cache).
UNUSED_ON_A_TEXT_BUILD = (
    "tomllib",
    "rich",
    "pydantic",
    "importlib.metadata",
    "importlib.resources",
    "hashlib",
    "briefing.read.layout",
    "briefing.ocr",
    "briefing.backends",
    "briefing.evaluate",
)


def test_a_cold_build_of_a_text_page_loads_only_what_it_uses(samples):
    import subprocess
    import sys

    code = (
        "import runpy, sys\n"
        f"sys.argv = ['briefing', 'build', {str(samples / 'linjiang-daily-2024-03-12.txt')!r}]\n"
        "try:\n"
        "    runpy.run_module('briefing', run_name='__main__')\n"
        "finally:\n"
        f"    unused = {UNUSED_ON_A_TEXT_BUILD!r}\n"
        "    loaded = [m for m in sys.modules if any(m == u or m.startswith(u + '.') for u in unused)]\n"
        "    sys.stderr.write('LOADED ' + ' '.join(sorted(loaded)) + '\\n')\n"
    )
    for _ in range(2):  # the first run fills the user's cache, as any first run does
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
        )
    assert result.stdout.startswith("# ")  # the briefing itself was written
    loaded = result.stderr.rsplit("LOADED", 1)[1].split()
    assert loaded == []
