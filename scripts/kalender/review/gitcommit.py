"""Every change made in the browser becomes one git commit, authored by the member.

Why the git CLI through :mod:`subprocess` and not a library: git is already what the team's
repository is and what ``make`` and CI use; GitPython itself shells out to it, pygit2 needs
libgit2 of a matching version, dulwich writes no index the way git does (hooks, attributes,
``core.autocrlf``). Each call passes its arguments as a list (no shell), pathspecs after
``--``, and ``-c commit.gpgsign=false`` so a personal signing setup never blocks the server.

Only the files of the change are committed (``git commit --only -- <paths>``): whatever else
lies uncommitted in the working tree stays as it was, for its owner to commit.
"""

from __future__ import annotations

import difflib
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

GIT_TIMEOUT = 60.0  # seconds
FIELD = "\x1f"


class GitError(Exception):
    """git refused (the message is git's own, for the server's log)."""


@dataclass(frozen=True)
class Author:
    """Who a commit is by: the member's name and e-mail address from ``calendar/tim.yml``."""

    name: str
    email: str


@dataclass(frozen=True)
class Version:
    """One commit that touched a post: its hash, author, time and message, and the post
    file's path in it (the path changes when the post is moved to another day)."""

    commit: str
    author: str
    email: str
    when: str  # ISO 8601
    subject: str
    path: str


class Repository:
    """The git repository holding ``root`` (None-like when there is none: see :func:`open`)."""

    def __init__(self, top: Path) -> None:
        self.top = top

    @classmethod
    def open(cls, root: Path) -> Repository | None:
        """The repository ``root`` is in, or None when it is not in one (or git is missing)."""
        try:
            out = _run(root, "rev-parse", "--show-toplevel")
        except (GitError, OSError):
            return None
        return cls(Path(out.strip()).resolve())

    def commit(self, paths: list[Path], author: Author, message: str) -> str | None:
        """Commit the current state of ``paths`` (new, changed, removed) as ``author``; the
        new commit's hash, or None when nothing of them changed."""
        names = sorted({self._name(p) for p in paths})
        known = [n for n in names if (self.top / n).exists() or self._tracked(n)]
        if not known:
            return None
        _run(self.top, "add", "-A", "--", *known)
        if not _run(self.top, "diff", "--cached", "--name-only", "--", *known).strip():
            return None
        env = {"GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email,
               "GIT_COMMITTER_NAME": author.name, "GIT_COMMITTER_EMAIL": author.email}
        _run(self.top, "-c", "commit.gpgsign=false", "commit", "--quiet", "--only",
             "-m", message, "--", *known, env=env)
        return _run(self.top, "rev-parse", "HEAD").strip()

    def _name(self, path: Path) -> str:
        absolute = path if path.is_absolute() else Path.cwd() / path
        parent = absolute.parent.resolve() if absolute.parent.exists() else absolute.parent
        return (parent / absolute.name).relative_to(self.top).as_posix()

    def _tracked(self, name: str) -> bool:
        return bool(_run(self.top, "ls-files", "--", name).strip())

    def history(self, path: Path, limit: int = 200) -> list[Version]:
        """The commits that touched the post file ``path``, newest first, across moves."""
        name = self._name(path)
        if not self._tracked(name):
            return []
        out = _run(self.top, "log", "--follow", f"--max-count={limit}", "--name-only",
                   f"--format=%x1e%H{FIELD}%an{FIELD}%ae{FIELD}%aI{FIELD}%s", "--", name)
        versions = []
        for block in out.split("\x1e")[1:]:
            head, _, files = block.partition("\n")
            parts = head.split(FIELD)
            file = next((f for f in files.split("\n") if f.strip()), name)
            if len(parts) == 5:
                commit, author, email, when, subject = parts
                versions.append(Version(commit, author, email, when, subject, file.strip()))
        return versions

    def text_at(self, commit: str, name: str) -> str:
        """The file ``name`` as it was in ``commit`` (empty when it did not exist)."""
        try:
            return _run(self.top, "show", f"{commit}:{name}")
        except GitError:
            return ""

    def last_author(self, path: Path) -> Version | None:
        found = self.history(path, limit=1)
        return found[0] if found else None


def diff_lines(before: str, after: str, context: int = 3) -> list[dict[str, str]]:
    """A readable line diff: each line with its kind (``same``, ``added``, ``removed``,
    ``skip`` for the unchanged stretches left out)."""
    old, new = before.splitlines(), after.splitlines()
    result: list[dict[str, str]] = []
    for group in difflib.SequenceMatcher(None, old, new).get_grouped_opcodes(context):
        if result:
            result.append({"kind": "skip", "text": "…"})
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                result += [{"kind": "same", "text": line} for line in old[i1:i2]]
                continue
            result += [{"kind": "removed", "text": line} for line in old[i1:i2]]
            result += [{"kind": "added", "text": line} for line in new[j1:j2]]
    return result


def _run(cwd: Path, *args: str, env: dict[str, str] | None = None) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=GIT_TIMEOUT,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", **(env or {})},
            check=False)
    except subprocess.TimeoutExpired as error:
        raise GitError(f"git {args[0]}: timed out") from error
    if done.returncode != 0:
        raise GitError(f"git {' '.join(args[:2])}: {done.stderr.strip()}")
    return done.stdout
