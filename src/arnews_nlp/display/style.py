"""The stylesheet of the rendered document: inline, scoped, no network.

Every rule is scoped under ``.arnews-doc`` so that the display does not restyle
the rest of a notebook. Fonts are local families only (Noto Naskh/Sans Arabic,
Amiri, DejaVu Sans): nothing is fetched.

Examples:
    >>> css = stylesheet("arn-1", event_count=1)
    >>> '.arnews-doc mark[data-label="PERS"]' in css, "url(" in css, "@import" in css
    (True, False, False)
    >>> "#arn-1:has(#arn-1-ev0:hover) .arn-e0" in css
    True
"""

from __future__ import annotations

from arnews_nlp.display.palette import FALLBACK_COLOUR, LABEL_COLOURS

__all__ = ["FONT_STACK", "stylesheet"]

FONT_STACK = '"Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "DejaVu Sans", "Segoe UI", Tahoma, "Arial", sans-serif'

_BASE = """
.arnews-doc{direction:rtl;text-align:right;font-family:FONTS;color:#1b1b1b;background:#fff;
 font-size:17px;line-height:2.2;max-width:62em;padding:.8em 1.2em;border:1px solid #dee2e6;border-radius:8px}
.arnews-doc *{box-sizing:border-box}
.arnews-doc .arn-meta{color:#495057;font-size:.8em;line-height:1.6;margin-bottom:.3em}
.arnews-doc .arn-meta>span{unicode-bidi:isolate}
.arnews-doc .arn-meta>span+span::before{content:" · "}
.arnews-doc .arn-heading{font-size:1.2em;font-weight:700;margin:.2em 0}
.arnews-doc .arn-legend{display:flex;flex-wrap:wrap;gap:.35em .5em;margin:.3em 0 .6em;font-size:.8em;
 line-height:1.8;align-items:center}
.arnews-doc .arn-key{padding:0 .5em;border-radius:4px;border:1px solid rgba(0,0,0,.12);white-space:nowrap}
.arnews-doc .arn-key code{font-size:.95em;direction:ltr;unicode-bidi:isolate}
.arnews-doc .arn-key.arn-evkey{background:#fff;border-inline-start:4px solid var(--arn-ev)}
.arnews-doc .arn-text{white-space:pre-wrap;overflow-wrap:anywhere;border-top:1px solid #e9ecef;
 padding-top:.4em}
.arnews-doc .arn-zone[data-zone="title"]{font-weight:700;font-size:1.2em}
.arnews-doc .arn-zone[data-zone="attribution"],.arnews-doc .arn-zone[data-zone="disclaimer"]{color:#868e96;
 font-size:.82em}
.arnews-doc .arn-zone[data-zone="tags"]{color:#495057;font-size:.9em}
.arnews-doc mark{color:inherit;padding:.08em .18em;border-radius:4px;background:FALLBACK}
.arnews-doc mark.arn-ent::after{content:attr(data-label);font:700 9px/1 "DejaVu Sans Mono",monospace;
 color:#495057;vertical-align:super;margin-inline-start:.2em;direction:ltr;unicode-bidi:isolate}
.arnews-doc mark[data-value]{position:relative;cursor:help;border-bottom:2px dotted #0b7285}
.arnews-doc mark[data-value]:hover::after{content:attr(data-value);position:absolute;bottom:105%;
 inset-inline-start:0;background:#212529;color:#fff;padding:.15em .5em;border-radius:4px;
 font:13px/1.4 "DejaVu Sans Mono",monospace;white-space:nowrap;direction:ltr;z-index:5}
.arnews-doc mark.arn-trigger{background:transparent;border-bottom:3px solid var(--arn-ev);font-weight:700;
 padding:0}
.arnews-doc a.arn-badge{display:inline-block;min-width:1.35em;height:1.35em;margin-inline-start:.15em;
 border-radius:50%;background:var(--arn-ev);color:#fff;font:700 11px/1.35em "DejaVu Sans",sans-serif;
 text-align:center;text-decoration:none;vertical-align:super}
.arnews-doc .arn-arg{border-bottom:1px dashed #adb5bd}
.arnews-doc :target{outline:3px solid #f03e3e;outline-offset:1px}
.arnews-doc .arn-events{margin-top:.8em;border-top:1px solid #e9ecef;padding-top:.4em}
.arnews-doc .arn-events h4{margin:.2em 0 .4em;font-size:1em}
.arnews-doc .arn-cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(19em,1fr));gap:.6em}
.arnews-doc .arn-card{border:1px solid #dee2e6;border-inline-start:6px solid var(--arn-ev);border-radius:6px;
 padding:.35em .7em .5em;line-height:1.6;font-size:.9em;background:#fcfcfd}
.arnews-doc .arn-card:hover{background:#f1f3f5}
.arnews-doc .arn-card-head{display:flex;gap:.5em;align-items:center;flex-wrap:wrap}
.arnews-doc .arn-card-head a.arn-badge{vertical-align:middle;margin:0}
.arnews-doc .arn-card-head b{color:var(--arn-ev);direction:ltr;unicode-bidi:isolate}
.arnews-doc .arn-cameo{margin-inline-start:auto;font:12px/1.4 "DejaVu Sans Mono",monospace;color:#495057;
 direction:ltr;unicode-bidi:isolate}
.arnews-doc .arn-card table{border-collapse:collapse;width:100%;margin-top:.2em}
.arnews-doc .arn-card th,.arnews-doc .arn-card td{text-align:right;vertical-align:top;padding:.1em .3em;
 border-top:1px solid #f1f3f5;font-weight:400}
.arnews-doc .arn-card th{color:#495057;white-space:nowrap;width:1%}
.arnews-doc .arn-card th code{font-size:.85em;color:#868e96;direction:ltr;unicode-bidi:isolate}
.arnews-doc .arn-card a{color:#1864ab;text-decoration:none}
.arnews-doc .arn-card a:hover{text-decoration:underline}
.arnews-doc .arn-card a.arn-badge{color:#fff;text-decoration:none}
.arnews-doc .arn-val{font:12px/1.4 "DejaVu Sans Mono",monospace;color:#0b7285;direction:ltr;unicode-bidi:isolate;
 white-space:nowrap;border:1px solid #99e9f2;border-radius:3px;padding:0 .3em;margin-inline-start:.3em}
.arnews-doc .arn-empty{color:#868e96;font-size:.85em}
"""


def stylesheet(root_id: str, *, event_count: int = 0) -> str:
    """The CSS for one rendered document.

    Args:
        root_id: The ``id`` of the document's root element (scopes the event-hover rules).
        event_count: Number of event cards; hovering card *i* outlines its trigger and arguments.

    Returns:
        CSS text, without the ``<style>`` element.

    Examples:
        >>> "direction:rtl" in stylesheet("x")
        True
    """
    parts = [_BASE.replace("FONTS", FONT_STACK).replace("FALLBACK", FALLBACK_COLOUR).strip()]
    parts.extend(
        f'.arnews-doc mark[data-label="{label}"]{{background:{colour}}}' for label, colour in LABEL_COLOURS.items()
    )
    parts.extend(
        f"#{root_id}:has(#{root_id}-ev{i}:hover) .arn-e{i}{{outline:2px solid var(--arn-ev);background-color:#fff3bf}}"
        for i in range(event_count)
    )
    return "\n".join(parts)
