"""The rendered page in a real headless Chromium: it loads, runs right to left, shows its highlights.

Needs Debian's ``chromium`` package (``apt-get install -y chromium``); skipped without it.
A probe script is appended to a copy of the page (the page itself has no script);
Chromium runs it and ``--dump-dom`` returns what it measured. The screenshot is
written to ``out/display/amman-ministerial.png`` for a person to look at.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from arnews_nlp.display import render_page
from arnews_nlp.schemas import Document

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = ROOT / "out" / "display"


def _chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if found is None:
        pytest.skip("headless Chromium not installed: `apt-get install -y chromium` (Debian) to run this check")
    return found


PROBE = r"""
<script>
(function () {
  const root = document.querySelector('.arnews-doc');
  const marks = Array.from(root.querySelectorAll('mark[data-label]'));
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; };
  const byText = (label, text) => marks.filter(m => m.dataset.label === label && m.textContent === text);
  let hoverRule = null;
  for (const sheet of Array.from(document.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (rule.selectorText && rule.selectorText.includes(':hover::after') && rule.style.content) {
        hoverRule = rule.style.content;
      }
    }
  }
  const links = Array.from(root.querySelectorAll('a[href^="#"]'));
  const out = {
    rootDirection: getComputedStyle(root).direction,
    htmlDir: document.documentElement.dir,
    textDirection: getComputedStyle(root.querySelector('.arn-text')).direction,
    rootBox: box(root.querySelector('.arn-text')),
    marks: marks.length,
    labels: marks.map(m => m.dataset.label),
    invisible: marks.filter(m => { const r = m.getBoundingClientRect(); return r.width < 2 || r.height < 2; }).length,
    persBackground: getComputedStyle(byText('PERS', 'سامر الخطيب')[0]).backgroundColor,
    dateValue: marks.filter(m => m.dataset.label === 'DATE').map(m => m.dataset.value),
    titleFirst: box(byText('GPE', 'الأردن')[0]),
    titleLater: box(byText('GPE', 'العراق')[0]),
    hoverRule: hoverRule,
    brokenLinks: links.filter(a => !document.getElementById(a.getAttribute('href').slice(1))).length,
    links: links.length,
    cards: root.querySelectorAll('.arn-card').length,
    resources: performance.getEntriesByType('resource').length,
  };
  const pre = document.createElement('pre');
  pre.id = 'arn-probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def _run(chromium: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--no-first-run",
        f"--user-data-dir={profile}",
        *args,
    ]
    env = {**os.environ, "HOME": str(profile)}
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env, check=False)


@pytest.fixture()
def page_file(tmp_path: Path, amman_document: Document) -> Path:
    path = tmp_path / "page.html"
    path.write_text(render_page(amman_document), encoding="utf-8")
    return path


def test_page_loads_rtl_with_highlights(tmp_path: Path, page_file: Path, amman_document: Document) -> None:
    chromium = _chromium()
    probe_page = tmp_path / "probe.html"
    probe_page.write_text(page_file.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), "utf-8")
    proc = _run(chromium, tmp_path / "profile", "--dump-dom", probe_page.as_uri())
    found = re.search(r'<pre id="arn-probe">(.*?)</pre>', proc.stdout, re.S)
    assert found, f"probe did not run; chromium said:\n{proc.stderr[-2000:]}"
    got = json.loads(html.unescape(found.group(1)))

    assert got["htmlDir"] == "rtl"
    assert got["rootDirection"] == "rtl" and got["textDirection"] == "rtl"
    doc = amman_document
    assert got["marks"] == len(doc.entities) + len(doc.dates) + len(doc.events)
    assert sorted(set(got["labels"])) == sorted(
        {e.label for e in doc.entities} | {"DATE"} | {e.type for e in doc.events}
    )
    assert got["invisible"] == 0
    assert got["persBackground"] == "rgb(255, 216, 168)"
    assert got["dateValue"] == [d.value for d in doc.dates]
    assert got["hoverRule"] == "attr(data-value)"
    # Right to left: the title's first entity sits right of a later one on the same line,
    # flush with the right edge of the text block.
    first, later = got["titleFirst"], got["titleLater"]
    assert abs(first[2] - later[2]) < 5, "both title entities on one line"
    assert first[0] > later[1]
    assert got["rootBox"][1] - first[1] < 40
    assert got["cards"] == len(doc.events)
    assert got["links"] >= 2 * len(doc.events) and got["brokenLinks"] == 0
    assert got["resources"] == 0, "the page fetched something"


def test_screenshot_is_written(tmp_path: Path, page_file: Path) -> None:
    chromium = _chromium()
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOT_DIR / "amman-ministerial.png"
    shot.unlink(missing_ok=True)
    shutil.copy(page_file, SCREENSHOT_DIR / "amman-ministerial.html")
    proc = _run(chromium, tmp_path / "profile", "--window-size=1280,1500", f"--screenshot={shot}", page_file.as_uri())
    assert shot.is_file(), f"no screenshot; chromium said:\n{proc.stderr[-2000:]}"
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 1500)
    try:
        import matplotlib.image as mpimg
    except ImportError:
        return
    pixels = (mpimg.imread(str(shot))[:, :, :3] * 255).round().astype(int)
    pers = ((pixels == [255, 216, 168]).all(axis=2)).sum()
    gpe = ((pixels == [178, 242, 187]).all(axis=2)).sum()
    assert pers > 500 and gpe > 500, "highlight colours not visible in the screenshot"
