"""Move top-level definitions from one module of kalender to another and fix every import.

    python tools/move_names.py OLD NEW NAME...     (dotted under kalender: approval.machine)

The definitions (with the comments and blank lines just above them) are cut from OLD and
appended to NEW (created with a docstring placeholder if missing); every ``from X import``
of a moved name, in the package and in tests, is split so the name comes from NEW. Imports
the moved code needs are left to the person running it (ruff names them).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "scripts" / "kalender"


def module_of(path: Path) -> tuple[str, bool]:
    rel = path.relative_to(PKG).with_suffix("")
    parts = list(rel.parts)
    is_pkg = parts[-1] == "__init__"
    if is_pkg:
        parts = parts[:-1]
    return ".".join(parts), is_pkg


def resolve(level: int, module: str | None, current: str, is_pkg: bool) -> str:
    parts = current.split(".") if current else []
    base = parts if is_pkg else parts[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, *([module] if module else [])])


def relative(target: str, current: str, is_pkg: bool) -> str:
    here = current.split(".") if current else []
    pkg = here if is_pkg else here[:-1]
    tparts = target.split(".")
    common = 0
    while common < len(pkg) and common < len(tparts) and pkg[common] == tparts[common]:
        common += 1
    return "." * (len(pkg) - common + 1) + ".".join(tparts[common:])


def cut(old: Path, names: set[str]) -> str:
    source = old.read_text(encoding="utf-8")
    lines = source.splitlines(keepends=True)
    tree = ast.parse(source)
    spans = []
    for node in tree.body:
        defined = set()
        if isinstance(node, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef):
            defined = {node.name}
        elif isinstance(node, ast.Assign):
            defined = {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            defined = {node.target.id}
        if defined & names:
            start = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
            start -= 1
            while start > 0 and lines[start - 1].lstrip().startswith("#"):
                start -= 1
            spans.append((start, node.end_lineno or node.lineno))
    moved = []
    for start, end in reversed(spans):
        moved.insert(0, "".join(lines[start:end]))
        del lines[start:end]
    text = "".join(lines)
    while "\n\n\n\n" in text:
        text = text.replace("\n\n\n\n", "\n\n\n")
    old.write_text(text, encoding="utf-8")
    return "\n\n".join(chunk.strip("\n") + "\n" for chunk in moved)


def fix_imports(path: Path, old: str, new: str, names: set[str], in_package: bool) -> None:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    if in_package:
        current, is_pkg = module_of(path)
    edits = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        if in_package and node.level:
            target = resolve(node.level, node.module, current, is_pkg)
        elif node.module and node.module.startswith("kalender"):
            target = node.module.removeprefix("kalender").lstrip(".")
        else:
            continue
        if target != old:
            continue
        moving = [a for a in node.names if a.name in names]
        if not moving:
            continue
        staying = [a for a in node.names if a.name not in names]
        indent = lines[node.lineno - 1][: node.col_offset]

        def render(mod: str, aliases: list[ast.alias]) -> str:
            ref = relative(mod, current, is_pkg) if in_package and node.level else f"kalender.{mod}"
            items = [a.name + (f" as {a.asname}" if a.asname else "") for a in aliases]
            line = f"{indent}from {ref} import {', '.join(items)}\n"
            if len(line) <= 101:
                return line
            inner = "".join(f"{indent}    {item},\n" for item in items)
            return f"{indent}from {ref} import (\n{inner}{indent})\n"

        text = render(new, moving)
        if staying:
            text = render(old, staying) + text
        edits.append((node.lineno - 1, node.end_lineno or node.lineno, text))
    for start, end, text in sorted(edits, reverse=True):
        lines[start:end] = [text]
    if edits:
        path.write_text("".join(lines), encoding="utf-8")


def main(old: str, new: str, names: set[str]) -> None:
    old_path = PKG / (old.replace(".", "/") + ".py")
    new_path = PKG / (new.replace(".", "/") + ".py")
    moved = cut(old_path, names)
    if not new_path.exists():
        new_path.write_text('"""TODO."""\n\nfrom __future__ import annotations\n',
                            encoding="utf-8")
    with new_path.open("a", encoding="utf-8") as out:
        out.write("\n\n" + moved)
    for path in PKG.rglob("*.py"):
        fix_imports(path, old, new, names, True)
    for path in (ROOT / "tests").rglob("*.py"):
        fix_imports(path, old, new, names, False)


def move_module(old: str, new: str) -> None:
    """``git mv`` module OLD to NEW; its own relative imports and every import of it follow."""
    import re
    import subprocess

    old_path = PKG / (old.replace(".", "/") + ".py")
    new_path = PKG / (new.replace(".", "/") + ".py")
    subprocess.run(["git", "mv", str(old_path), str(new_path)], check=True, cwd=ROOT)
    lines = new_path.read_text(encoding="utf-8").splitlines(keepends=True)
    pattern = re.compile(r"^(\s*)from (\.+)([\w.]*) import ")
    for index, line in enumerate(lines):
        match = pattern.match(line)
        if match:
            target = resolve(len(match[2]), match[3] or None, old, False)
            lines[index] = (f"{match[1]}from {relative(target, new, False)} import "
                            + line[match.end():])
    new_path.write_text("".join(lines), encoding="utf-8")
    dotted = re.compile(r"\bkalender\." + re.escape(old) + r"\b")
    for path in [*PKG.rglob("*.py"), *(ROOT / "tests").rglob("*.py"), *(ROOT / "docs").rglob("*.md")]:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".py" and path != new_path and path.is_relative_to(PKG):
            current, is_pkg = module_of(path)
            out = []
            for line in text.splitlines(keepends=True):
                match = pattern.match(line)
                if match and resolve(len(match[2]), match[3] or None, current, is_pkg) == old:
                    line = (f"{match[1]}from {relative(new, current, is_pkg)} import "
                            + line[match.end():])
                out.append(line)
            text = "".join(out)
        path.write_text(dotted.sub("kalender." + new, text), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1] == "--module":
        move_module(sys.argv[2], sys.argv[3])
    else:
        main(sys.argv[1], sys.argv[2], set(sys.argv[3:]))
