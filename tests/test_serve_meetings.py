"""What ``kalender serve`` keeps for N = 10,000, continued (issue 23, branch ``serve11``): the
meeting views of the weeks whose posts are the same objects
(:mod:`kalender.plugin.keptmeetings`), and the list of Markdown pages walked once per
build (:class:`kalender.plugin.filelookup.PageList`). After a caption edit, a post moved
to another week and minutes written for a past week, the served site is byte for byte the
site a build from nothing makes."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files, InclusionLevel

from kalender.plugin.filelookup import PageList
from kalender.plugin.site_plugin import KalenderPlugin
from test_serve_memory import sample as sample  # the served sample fixture
from test_serve_memory import serve_build
from test_serve_tenk import post_file, same_as_from_nothing

EDITED = "2027-01-20-apa-itu-surat-edaran"  # week 2027-W03; today (2 Dec 2026) is in W49
TITLE = "Apa Bedanya Peraturan, Keputusan, dan Surat Edaran?"


def meeting_views(plugin: KalenderPlugin) -> dict[str, object]:
    assert plugin.meetings is not None
    return dict(plugin.meetings.pages)


def test_meeting_views_are_kept_until_their_posts_or_minutes_change(
        sample: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    plugin = serve_build(sample, served)
    kept = plugin.page_keys.kept_meetings
    first = meeting_views(plugin)
    assert kept.made == len(first) - 3  # all but this week's, next week's and rapat/

    # a caption edit: only the meetings of its week and of the weeks either side are made
    edited = post_file(sample, EDITED)
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "caption: |\n", "caption: |\n  Keterangan diubah.\n", 1), encoding="utf-8")
    serve_build(sample, served)
    second = meeting_views(plugin)
    made = {f"rapat/2027-W0{n}/index.md" for n in (2, 3, 4)}
    assert kept.made == 3
    assert all((second[page] is first[page]) == (page not in made)
               for page in first if page.startswith("rapat/2027"))
    same_as_from_nothing(sample, served, tmp_path, "clean-caption")

    # the post moves a week on: the meetings that show its old or new week see it there
    text = edited.read_text(encoding="utf-8").replace("date: 2027-01-20", "date: 2027-01-26")
    edited.unlink()
    edited.with_name("2027-01-26-apa-itu-surat-edaran.md").write_text(text, encoding="utf-8")
    serve_build(sample, served)
    third = meeting_views(plugin)
    assert kept.made >= 3 and third["rapat/2027-W04/index.md"] is not second[
        "rapat/2027-W04/index.md"]
    assert TITLE in (served / "rapat" / "2027-W04" / "index.html").read_text(encoding="utf-8")
    same_as_from_nothing(sample, served, tmp_path, "clean-moved")

    # minutes written for a past week: its meeting page links them
    minutes = sample / "calendar" / "rapat" / "2027-W02.md"
    minutes.parent.mkdir(parents=True, exist_ok=True)
    minutes.write_text("# Notulen rapat\n\nDibahas.\n", encoding="utf-8")
    serve_build(sample, served)
    assert "notulen/" in (served / "rapat" / "2027-W02" / "index.html").read_text(
        encoding="utf-8")
    same_as_from_nothing(sample, served, tmp_path, "clean-minutes")


def _file(name: str) -> File:
    return File(name, "docs", "site", use_directory_urls=True)


def _files(names: list[str]) -> Files:
    return Files([_file(name) for name in names])


def test_page_list_is_what_mkdocs_lists_after_every_change() -> None:
    files, plain = _files(["a.md", "b.css", "c/index.md"]), _files(["a.md", "b.css", "c/index.md"])
    listed = PageList(files)
    listed.install()

    def both() -> tuple[list[str], list[str]]:
        return ([f.src_uri for f in files.documentation_pages()],
                [f.src_uri for f in plain.documentation_pages()])

    ours, theirs = both()
    assert ours == theirs == ["a.md", "c/index.md"]
    files.documentation_pages()
    assert listed.listed == 1  # walked once while the files are the same
    for changed in (files, plain):
        changed.remove(changed.get_file_from_path("a.md"))  # type: ignore[arg-type]
        changed.append(_file("a.md"))
        changed.append(_file("d.md"))
    ours, theirs = both()
    assert ours == theirs == ["c/index.md", "a.md", "d.md"] and listed.listed == 2
    for changed in (files, plain):
        changed.get_file_from_path("d.md").inclusion = InclusionLevel.EXCLUDED  # type: ignore[union-attr]
    ours, theirs = both()
    assert ours == theirs == ["c/index.md", "a.md"]
    everything = [f.src_uri for f in files.documentation_pages(inclusion=lambda level: True)]
    assert everything == ["c/index.md", "a.md", "d.md"]
