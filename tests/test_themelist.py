"""The theme's static files listed from the cache (plugin.themelist): the same files mkdocs
lists itself, and a file added to ``overrides/`` is listed in the next build."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import Files

from kalender.plugin.themelist import THEME_LIST, keep_theme_list
from samplecopy import sample_copy


def theme_files(root: Path, kept: bool) -> list[str]:
    config = load_config(str(root / "mkdocs.yml"))
    if kept:
        keep_theme_list(config, root / ".cache")
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return sorted(f.src_uri for f in files)


def test_the_kept_list_is_the_list_mkdocs_makes(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    listed = theme_files(root, kept=False)
    assert theme_files(root, kept=True) == listed  # listed, then kept
    assert (root / ".cache" / THEME_LIST).is_file()
    assert theme_files(root, kept=True) == listed  # from the cache
    assert "assets/kalender/review.js" in listed
    (root / "overrides" / "assets" / "kalender" / "baru.js").write_text("// baru\n")
    again = theme_files(root, kept=True)
    assert again == theme_files(root, kept=False)
    assert "assets/kalender/baru.js" in again
