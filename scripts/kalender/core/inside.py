"""Files of the repository stay in the repository: a post or record file that is a symbolic
link resolving outside the repository is refused (read, published and written to, it would
carry a file from elsewhere into the site, or a write out of the repository). Media are
checked the same way by the loader (``media.outside_repo``)."""

from __future__ import annotations

from pathlib import Path

POSTS = "posts"


def in_place(path: Path) -> Path:
    """``path`` made absolute with its folders resolved but NOT its last part: a post file
    that is a symbolic link stays the link, so the loader can refuse where it leads."""
    return path.absolute().parent.resolve() / path.name


def repository_of(path: Path) -> Path | None:
    """The repository holding ``path``: the folder above its nearest ``posts/`` folder."""
    for parent in path.absolute().parents:
        if parent.name == POSTS:
            return parent.parent
    return None


def outside_target(path: Path, root: Path | None = None) -> Path | None:
    """Where ``path`` really leads when that is outside ``root`` (by default the repository
    of :func:`repository_of`); None when it stays inside, or no repository is known."""
    root = root if root is not None else repository_of(path)
    if root is None:
        return None
    resolved = path.resolve()
    return None if resolved.is_relative_to(root.resolve()) else resolved
