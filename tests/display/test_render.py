"""The HTML display: nesting, highlights, legend, event cards, self-containment."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnews_nlp.display import render_html, render_page
from arnews_nlp.display.nesting import Wrap, nest
from arnews_nlp.doc import Doc
from arnews_nlp.schemas import Document


class _Tree(HTMLParser):
    """Collects visible text of ``.arn-text`` and checks that every element closes in order."""

    VOID = frozenset({"meta", "br", "img", "input", "link"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.marks: list[dict[str, str | None]] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.in_text = 0
        self.text: list[str] = []
        self.depth_text: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(str(a["id"]))
        if tag == "a" and a.get("href"):
            self.hrefs.append(str(a["href"]))
        if tag == "mark":
            self.marks.append(a)
        if tag in self.VOID:
            return
        self.stack.append(tag)
        if a.get("class") == "arn-text":
            self.depth_text = len(self.stack)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        if self.depth_text == len(self.stack):
            self.depth_text = None
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.depth_text is not None and "a" not in self.stack[self.depth_text :]:
            self.text.append(data)


def _parse(page: str) -> _Tree:
    tree = _Tree()
    tree.feed(page)
    tree.close()
    assert not tree.errors, tree.errors
    return tree


def test_every_annotation_is_a_mark_with_its_label(amman_document: Document) -> None:
    tree = _parse(render_html(amman_document))
    labels = [m["data-label"] for m in tree.marks]
    assert labels.count("GPE") == sum(e.label == "GPE" for e in amman_document.entities)
    assert labels.count("PERS") == 5 and labels.count("ORG") == 1 and labels.count("OCC") == 2
    assert labels.count("DATE") == len(amman_document.dates)
    assert {"MEETING", "MEMBERSHIP", "AGREEMENT", "VISIT", "STATEMENT"} <= set(labels)
    assert [m["data-value"] for m in tree.marks if m["data-label"] == "DATE"] == [
        "2026-03-12",
        "2026-06-01",
        "2026-03-11",
        "2026-05",
    ]


def test_visible_text_is_the_verbatim_article(amman_document: Document) -> None:
    tree = _parse(render_html(amman_document))
    assert "".join(tree.text) == amman_document.text


def test_links_resolve_and_ids_are_unique(amman_document: Document) -> None:
    tree = _parse(render_html(amman_document))
    assert len(tree.ids) == len(set(tree.ids))
    targets = {h[1:] for h in tree.hrefs}
    assert targets <= set(tree.ids)
    # each card links to its trigger and to every argument; each trigger badge links to its card
    n_args = sum(len(ev.arguments) for ev in amman_document.events)
    assert len(targets) == 2 * len(amman_document.events) + n_args


def test_event_cards_show_type_trigger_roles_and_cameo(amman_document: Document) -> None:
    out = render_html(amman_document)
    cards = re.findall(r'<div class="arn-card" id="[^"]+" data-type="(\w+)".*?</table></div>', out)
    assert cards == ["MEETING", "MEMBERSHIP", "AGREEMENT", "VISIT", "STATEMENT"]
    meeting = re.search(r'data-type="MEETING".*?</table>', out)
    assert meeting is not None
    card = meeting.group(0)
    assert "CAMEO 043" in card and "«اجتماعاً وزارياً تشاورياً»" in card
    assert card.count('data-role="participant"') == 3 and 'data-role="host"' in card
    assert ">2026-03-12</span>" in card
    assert ">12</span>" in re.search(r'data-type="MEMBERSHIP".*?</table>', out).group(0)  # type: ignore[union-attr]


def test_legend_lists_present_labels_with_counts(amman_document: Document) -> None:
    legend = re.search(r'<div class="arn-legend".*?</div>', render_html(amman_document))
    assert legend is not None
    keys = re.findall(r'data-key="(\w+)"', legend.group(0))
    assert keys[:5] == ["PERS", "ORG", "GPE", "OCC", "DATE"]
    assert "(10)" in legend.group(0) and "شخص" in legend.group(0)
    assert set(keys[5:]) == {"MEETING", "MEMBERSHIP", "AGREEMENT", "VISIT", "STATEMENT"}


def test_page_is_self_contained(amman_document: Document) -> None:
    page = render_page(amman_document)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="ar" dir="rtl">' in page
    assert '<meta charset="utf-8">' in page
    lowered = page.lower()
    for needle in ("<script", "http://", "https://", "url(", "@import", "<link", "src="):
        assert needle not in lowered, needle


def test_doc_and_document_render_the_same(amman_doc: Doc, amman_document: Document) -> None:
    assert render_html(amman_doc) == render_html(amman_document)


def test_markup_in_the_text_is_escaped() -> None:
    doc = Document(
        text='قال <b>"الوزير"</b> & ذهب',
        entities=[{"text": '"الوزير"', "start": 7, "end": 15, "label": "PERS", "canonical": "الوزير"}],
    )
    out = render_html(doc)
    assert "<b>" not in out and "&lt;b&gt;" in out and "&amp;" in out
    assert '<mark class="arn-ent" data-label="PERS" title="PERS · شخص — الوزير">"الوزير"</mark>' in out


def test_unresolved_date_and_unknown_label_still_render() -> None:
    doc = Document(
        text="في يوم ما زار الوفد المصنع",
        entities=[{"text": "المصنع", "start": 20, "end": 26, "label": "WORKPLACE", "canonical": "مصنع"}],
        dates=[{"text": "يوم ما", "start": 3, "end": 9, "value": None}],
    )
    tree = _parse(render_html(doc))
    assert [(m["data-label"], m.get("data-value")) for m in tree.marks] == [("DATE", "غير محدد"), ("WORKPLACE", None)]


def test_numbers_are_opt_in() -> None:
    doc = Document(
        text="انضم العضو 90", numbers=[{"text": "90", "start": 11, "end": 13, "value": 90, "kind": "cardinal"}]
    )
    assert '<mark class="arn-num"' not in render_html(doc)
    assert '<mark class="arn-num" data-label="NUM" data-value="90">90</mark>' in render_html(doc, numbers=True)


def test_rejects_other_objects() -> None:
    with pytest.raises(TypeError, match="Document or a Doc"):
        render_html("نص")  # type: ignore[arg-type]


def test_crossing_spans_split_and_keep_one_id() -> None:
    out = nest(
        "abcdef", [Wrap(0, 4, "mark", ' data-label="A"', anchor="x"), Wrap(2, 6, "mark", ' data-label="B"', anchor="y")]
    )
    assert out == (
        '<mark id="x" data-label="A">ab<mark id="y" data-label="B">cd</mark></mark><mark data-label="B">ef</mark>'
    )


spans = st.lists(st.tuples(st.integers(0, 30), st.integers(1, 12), st.integers(0, 1)), max_size=12)


@given(text=st.text(alphabet="ابت ثج<&>\n", min_size=1, max_size=30), raw=spans)
def test_nest_is_well_formed_and_lossless(text: str, raw: list[tuple[int, int, int]]) -> None:
    wraps = [
        Wrap(s, s + n, "mark" if k else "span", f' data-k="{i}"', anchor=f"i{i}", layer=k)
        for i, (s, n, k) in enumerate(raw)
    ]
    out = nest(text, wraps)
    tree = _Tree()
    tree.feed(f'<div class="arn-text">{out}</div>')
    assert not tree.errors and not tree.stack
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text
    assert len(tree.ids) == len(set(tree.ids))
    kept = {f"i{i}" for i, (s, n, _) in enumerate(raw) if s + n <= len(text)}
    assert set(tree.ids) == kept
