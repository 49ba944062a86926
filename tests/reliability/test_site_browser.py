"""The site of hostile model text in Chromium: every page opened, and no request leaves the site."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from hostile import run_bounded

CORPUS = Path(__file__).parent / "corpus" / "files"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    project = tmp_path_factory.mktemp("hostile-site")
    (project / "models").mkdir()
    for name in ("image-family.yaml", "controls-in-page.yaml"):
        shutil.copyfile(CORPUS / name, project / "models" / name)
    built = run_bounded(project, ["build", "-q"])
    assert built.returncode == 0, built.stderr
    site = project / "site"
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/", site
    httpd.shutdown()
    httpd.server_close()


def test_no_page_requests_another_host(browser: Any, served: tuple[str, Path]) -> None:
    base, site = served
    requests: list[str] = []
    page = browser.new_page()
    page.on("request", lambda request: requests.append(request.url))
    pages = sorted(path.relative_to(site).parent.as_posix() for path in site.rglob("index.html"))
    assert any("image-family" in name for name in pages)
    for name in pages:
        page.goto(base + ("" if name == "." else name + "/"), wait_until="networkidle")
    page.close()
    foreign = [url for url in requests if urlsplit(url).hostname not in ("127.0.0.1", None)
               and not url.startswith(("data:", "blob:", "about:"))]
    assert requests and not foreign, foreign


def test_bidi_overrides_are_shown_in_the_page(browser: Any, served: tuple[str, Path]) -> None:
    base, _site = served
    page = browser.new_page()
    page.goto(base + "models/controls-in-page/", wait_until="networkidle")
    text = page.inner_text("body")
    page.close()
    assert "invoice\u27e8U+202E\u27e9fdp.exe" in text and "\u202e" not in text
