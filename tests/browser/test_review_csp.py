"""The Content-Security-Policy of ``kalender review`` in Chromium (issue 21, probe 9): every
page of the real site runs as before under the policy (the page fixture fails on any console
error, a refused script included), and a script injected into a served page does not run.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from reviewkit import POST_ID, add_accounts, full_repo, review_command  # noqa: E402

INJECTED = "<script>window.__injected = 1</script>"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = full_repo(tmp_path_factory.mktemp("csp-repo"))
    add_accounts(root)
    return root


@pytest.fixture(scope="module")
def review(repo: Path) -> Iterator[str]:
    with review_command(repo) as url:
        yield url


@pytest.mark.parametrize("path", ["", "kalender/2026-12/", f"pos/{POST_ID}/", "menunggu/"])
def test_the_site_runs_under_the_policy(page: Any, review: str, path: str) -> None:
    answer = page.goto(review + path)
    assert answer is not None and answer.status == 200
    policy = answer.headers["content-security-policy"]
    assert "script-src 'self' 'sha256-" in policy
    page.locator("[data-review-bar]").wait_for(timeout=30_000)  # review.js ran
    assert page.evaluate("typeof __md_scope") == "object"  # the theme's inline script ran
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # palette


def test_an_injected_inline_script_does_not_run(page: Any, watch: Any, review: str,
                                                repo: Path) -> None:
    source = repo / "site" / "pos" / POST_ID / "index.html"
    html = source.read_text(encoding="utf-8")
    assert "</body>" in html
    target = repo / "site" / "pos" / "suntikan" / "index.html"  # same depth, same scope
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html.replace("</body>", INJECTED + "</body>"), encoding="utf-8")
    page.goto(review + "pos/suntikan/")
    page.locator("[data-review-bar]").wait_for(timeout=30_000)
    assert page.evaluate("typeof __md_scope") == "object"  # the theme's script still runs
    assert page.evaluate("window.__injected") is None  # the injected one does not
    refused = [e for e in watch.console_errors if "Content Security Policy" in e]
    assert refused, watch.console_errors
    watch.console_errors.clear()  # the refusal is what this test expects to see
