"""One-off codemod of issue 20: move the flat modules of scripts/kalender/ into subpackages.

Run from the repository root: ``python tools/arch_move.py``. It ``git mv``s every module of
:data:`MOVES`, then rewrites imports in the package (relative), in tests (absolute) and
module paths in docs. Kept in the repository as the record of the move (docs/arsitektur.md).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "scripts" / "kalender"

# old module (dotted, relative to kalender) -> new module
MOVES: dict[str, str] = {
    # core: the model and everything it is read from
    "atomic": "core.atomic",
    "config": "core.calendar_data",
    "dates": "core.dates",
    "digests": "core.digests",
    "errors": "core.errors",
    "i18n": "core.i18n",
    "important_days": "core.important_days",
    "inside": "core.inside",
    "loader": "core.loader",
    "memo": "core.memo",
    "model": "core.model",
    "overlay": "core.overlay",
    "problems": "core.problems",
    "schema": "core.schema",
    "source": "core.source",
    "stages": "core.stages",
    "yamlsrc": "core.yamlsrc",
    "editing": "core.editing",
    # text
    "counting": "text.counting",
    "twitter_text": "text.twitter_text",
    "phrases": "text.phrases",
    "citations": "text.citations",
    "measure": "text.measure",
    # media
    "images": "media.images",
    "mediacache": "media.mediacache",
    "thumbnails": "media.thumbnails",
    "cards": "media.cards",
    # rules
    "checking": "rules.check",
    # approval
    "approval": "approval.machine",
    "records": "approval.records",
    "fingerprint": "approval.fingerprint",
    "timeline": "approval.timeline",
    "workflow": "approval.actions",
    "signing": "approval.signing",
    "gates": "approval.gates",
    "sheet": "approval.sheet",
    # meeting
    "meeting": "meeting.view",
    "minutes": "meeting.minutes",
    # report
    "report": "report.build",
    "report_chartlist": "report.chartlist",
    "report_charts": "report.charts",
    "report_evaluation": "report.evaluation_view",
    "report_page": "report.page",
    "report_pdf": "report.pdf",
    "report_text": "report.wording",
    "evaluation": "report.evaluation",
    "engagement": "report.engagement",
    # export
    "bundle": "export.bundle",
    "export": "export.week",
    # site
    "calendar_view": "site.calendar_view",
    "previews": "site.previews",
    "incremental": "site.incremental",
    "feed": "site.feed",
    "icons": "site.icons",
    # plugin
    "plugin": "plugin.site_plugin",
    "plugin_approval": "plugin.approval",
    "plugin_incremental": "plugin.incremental",
    "plugin_meeting": "plugin.meeting",
    "plugin_previews": "plugin.previews",
    "plugin_report": "plugin.report",
    # cli
    "cli": "cli.main",
    "clicktext": "cli.clicktext",
    "commands": "cli.commands",
    "keys_cli": "cli.keys",
    "workflow_cli": "cli.approval",
    "report_cli": "cli.report",
    "evaluate_cli": "cli.evaluate",
    "monitor_cli": "cli.monitor",
    "new": "cli.new",
    "site": "cli.site",
    "review.cli": "cli.review",
}
DIRS = {"messages": "core/messages", "data": "text/data"}
PACKAGES = ["core", "text", "media", "approval", "meeting", "report", "export", "site",
            "plugin", "cli"]


def git(*args: str) -> None:
    subprocess.run(["git", *args], cwd=ROOT, check=True)


def old_modules() -> dict[Path, str]:
    """Every module of the package before the move: path -> dotted name."""
    found = {}
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG).with_suffix("")
        found[path] = ".".join(rel.parts)
    return found


def new_name(old: str) -> str:
    if old in MOVES:
        return MOVES[old]
    return old


def is_package(name: str, packages: set[str]) -> bool:
    return name == "" or name in packages


def resolve(level: int, module: str, current: str, current_is_pkg: bool) -> str:
    parts = current.split(".") if current else []
    base = parts if current_is_pkg else parts[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    target = [*base, *([module] if module else [])]
    return ".".join(p for p in target if p)


def relative(target: str, current: str, current_is_pkg: bool) -> str:
    """``target`` (dotted, inside kalender) as a relative import from ``current``."""
    here = current.split(".") if current else []
    pkg = here if current_is_pkg else here[:-1]
    tparts = target.split(".") if target else []
    common = 0
    while common < len(pkg) and common < len(tparts) and pkg[common] == tparts[common]:
        common += 1
    up = len(pkg) - common
    return "." * (up + 1) + ".".join(tparts[common:])


FROM = re.compile(r"^(?P<indent>[ \t]*)from (?P<dots>\.+)(?P<mod>[\w.]*) import (?P<rest>.*)$")
ABS = re.compile(r"^(?P<indent>[ \t]*)from kalender(?P<mod>(?:\.[\w]+)*) import (?P<rest>.*)$")


def split_names(rest: str) -> list[tuple[str, str]] | None:
    """``a, b as c`` -> [(a, a), (b, c)]; None for a parenthesised or starred list."""
    if "(" in rest or "*" in rest or "\\" in rest:
        return None
    names = []
    for item in rest.split("#")[0].split(","):
        bits = item.split()
        if not bits:
            continue
        names.append((bits[0], bits[2] if len(bits) == 3 else bits[0]))
    return names


def rewrite_from(indent: str, target_old: str, rest: str, packages: set[str],
                 render) -> list[str]:
    """One ``from X import rest`` whose X is ``target_old`` (dotted old name)."""
    if target_old in MOVES or not is_package(target_old, packages):
        return [f"{indent}from {render(new_name(target_old))} import {rest}"]
    names = split_names(rest)
    submodules = names and all(
        (f"{target_old}.{n}" if target_old else n) in MOVES for n, _ in names)
    if not submodules:
        return [f"{indent}from {render(target_old)} import {rest}"]
    lines = []
    for name, alias in names or []:
        new = new_name(f"{target_old}.{name}" if target_old else name)
        parent, _, leaf = new.rpartition(".")
        suffix = "" if leaf == alias else f" as {alias}"
        lines.append(f"{indent}from {render(parent)} import {leaf}{suffix}")
    return lines


def rewrite_package_file(path: Path, old: str, new: str, packages: set[str]) -> None:
    is_pkg = path.name == "__init__.py"
    cur_old = old.removesuffix(".__init__") if is_pkg else old
    cur_new = new.removesuffix(".__init__") if is_pkg else new
    out = []
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        match = FROM.match(line.rstrip("\n"))
        if not match:
            out.append(line)
            continue
        target = resolve(len(match["dots"]), match["mod"], cur_old, is_pkg)
        lines = rewrite_from(match["indent"], target, match["rest"], packages,
                             lambda t: relative(t, cur_new, is_pkg))
        out.extend(f"{text}\n" for text in lines)
    path.write_text("".join(out), encoding="utf-8")


def rewrite_test_file(path: Path, packages: set[str]) -> None:
    text = path.read_text(encoding="utf-8")
    out = []
    for line in text.splitlines(keepends=True):
        match = ABS.match(line.rstrip("\n"))
        if match:
            target = match["mod"].lstrip(".")
            lines = rewrite_from(match["indent"], target, match["rest"], packages,
                                 lambda t: "kalender" + (f".{t}" if t else ""))
            out.extend(f"{text}\n" for text in lines)
        else:
            out.append(dotted_strings(line))
    path.write_text("".join(out), encoding="utf-8")


_OLD = sorted(MOVES, key=len, reverse=True)
DOTTED = re.compile(r"\bkalender\.(" + "|".join(re.escape(m) for m in _OLD) + r")\b(?![-\w])")
FILEPATH = re.compile(r"\b(scripts/)?kalender/(" + "|".join(
    re.escape(m.replace(".", "/")) for m in _OLD) + r")\.py\b")


def dotted_strings(text: str) -> str:
    text = DOTTED.sub(lambda m: "kalender." + MOVES[m[1]], text)
    return FILEPATH.sub(
        lambda m: f"{m[1] or ''}kalender/{MOVES[m[2].replace('/', '.')].replace('.', '/')}.py",
        text)


def main() -> None:
    before = old_modules()
    packages = {n.removesuffix(".__init__") for n in before.values() if n.endswith("__init__")}
    packages.discard("__init__")
    for name in PACKAGES:
        (PKG / name).mkdir(exist_ok=True)
    for old_dir, new_dir in DIRS.items():
        git("mv", f"scripts/kalender/{old_dir}", f"scripts/kalender/{new_dir}")
    moved: dict[Path, tuple[str, str]] = {}
    for path, old in before.items():
        new = new_name(old)
        target = PKG / (new.replace(".", "/") + ".py")
        if target != path:
            git("mv", str(path.relative_to(ROOT)), str(target.relative_to(ROOT)))
        moved[target] = (old, new)
    all_packages = packages | set(PACKAGES)
    for path, (old, new) in moved.items():
        rewrite_package_file(path, old, new, all_packages)
        path.write_text(dotted_strings(path.read_text(encoding="utf-8")), encoding="utf-8")
    for name in PACKAGES:
        init = PKG / name / "__init__.py"
        if not init.exists():
            init.write_text(f'"""{name}."""\n', encoding="utf-8")
    for path in (ROOT / "tests").rglob("*.py"):
        rewrite_test_file(path, all_packages)
    for path in [*(ROOT / "docs").rglob("*.md"), ROOT / "README.md"]:
        path.write_text(dotted_strings(path.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main()
