"""See the facts: one self-contained HTML page per article, in the manner of displaCy.

:func:`render_html` shows the article's text exactly as given with every fact
underlined by kind (sanctions, trade figures, visits, times, the dateline, and
the fact lists of extension types), quotes shaded by speaker, and a side list of
every fact with its fields. Hovering a fact in the text or in the list
highlights both. The page loads nothing from the network: its style and script
are inline and a Content-Security-Policy forbids anything else.
"""

from __future__ import annotations

import html
import itertools
import json
from collections.abc import Iterator
from typing import Any

import attrs

from newsmodel.model import Article, Quote, Span
from newsmodel.serialize import to_dict

__all__ = ["render_html"]

#: Underline colour of each built-in kind of fact.
_KIND_COLOURS = {
    "dateline": "#6b7280",
    "sanction": "#dc2626",
    "trade figure": "#059669",
    "visit": "#2563eb",
    "time": "#d97706",
}
#: Colours for the kinds of extension types, in order of appearance.
_EXTRA_COLOURS = ("#7c3aed", "#0891b2", "#be185d", "#65a30d", "#b45309")
#: Quote shading, one per speaker in order of first appearance (light, readable under text).
_SPEAKER_COLOURS = (
    "#fde68a",
    "#bfdbfe",
    "#fbcfe8",
    "#bbf7d0",
    "#ddd6fe",
    "#fed7aa",
    "#a5f3fc",
    "#e5e7eb",
)
#: Article field -> kind label, for the built-in fact lists.
_FIELD_KINDS = {
    "quotes": "quote",
    "sanctions": "sanction",
    "trade_figures": "trade figure",
    "visits": "visit",
    "times": "time",
}
_NOT_FACTS = {"text", "headline", "paragraphs", "dateline", "credit", "authors"}

_BAR = 3  # px: height of one underline bar
_GAP = 2  # px: space between stacked bars


@attrs.frozen(kw_only=True)
class _Fact:
    """One highlighted thing: its id, kind, span, stacking slot and fields."""

    id: str
    kind: str
    span: Span
    fields: dict[str, Any]
    speaker: str | None = None
    mention: Span | None = None
    slot: int = 0


def render_html(article: Article, *, title: str | None = None) -> str:
    """Return one self-contained HTML page showing *article* and its facts.

    The text is shown exactly as given (``white-space: pre-wrap``), every
    character once, so the highlighted stretches are the facts' spans. Every
    value from the article is HTML-escaped.

    Example:
        >>> import newsmodel
        >>> page = newsmodel.render_html(newsmodel.parse('"<Go> now," he said.'))
        >>> "&lt;Go&gt;" in page and "<Go>" not in page
        True
    """
    facts = _facts(article)
    speakers = list(dict.fromkeys(f.speaker or "unknown" for f in facts if f.kind == "quote"))
    kinds = list(dict.fromkeys(f.kind for f in facts if f.kind != "quote"))
    colours = dict(_KIND_COLOURS)
    extra = (k for k in kinds if k not in colours)
    for kind, colour in zip(extra, _EXTRA_COLOURS * 4, strict=False):
        colours[kind] = colour
    speaker_of = {s: i % len(_SPEAKER_COLOURS) for i, s in enumerate(speakers)}
    heading = title or (article.headline.text if article.headline else "newsmodel article")
    slots = max((f.slot for f in facts if f.kind != "quote"), default=-1) + 1
    parts = [
        "<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n",
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>\n",
        f"<title>{_esc(heading)}</title>\n",
        f"<style>{_css(colours, len(speakers), slots)}</style>\n",
        f"<script>{_EARLY_JS}</script>\n</head>\n<body>\n",
        f"<header><h1>{_esc(heading)}</h1>{_legend(kinds, speakers, facts)}</header>\n",
        "<main>\n<article id='nm-text' aria-label='article text'>",
        _text(article.text, facts, speaker_of),
        "</article>\n<aside id='nm-facts' aria-label='facts'>\n",
        _side_list(article, facts, speaker_of),
        "</aside>\n</main>\n",
        f"<script>{_JS}</script>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def _esc(value: object) -> str:
    """HTML-escape *value*; a carriage return becomes ``&#13;`` so HTML parsing keeps it."""
    return html.escape(str(value), quote=True).replace("\r", "&#13;")


def _facts(article: Article) -> list[_Fact]:
    """Every fact of *article* with a span, in text order, each with a stacking slot."""
    found: list[_Fact] = []
    if article.dateline is not None:
        found.append(_fact("dateline", 0, article.dateline))
    for field in attrs.fields(type(article)):
        if field.name in _NOT_FACTS:
            continue
        value = getattr(article, field.name)
        if not isinstance(value, tuple):
            continue
        kind = _FIELD_KINDS.get(field.name, field.name.replace("_", " "))
        for index, item in enumerate(value):
            if isinstance(getattr(item, "span", None), Span):
                found.append(_fact(kind, index, item))
    found.sort(key=lambda f: (f.span.start, -f.span.end, f.kind))
    return _assign_slots(found)


def _fact(kind: str, index: int, item: Any) -> _Fact:
    fields = to_dict(item)
    speaker = item.speaker if isinstance(item, Quote) else None
    mention = item.speaker_span if isinstance(item, Quote) else None
    ident = f"{kind.replace(' ', '-')}-{index}"
    return _Fact(
        id=ident, kind=kind, span=item.span, fields=fields, speaker=speaker, mention=mention
    )


def _assign_slots(facts: list[_Fact]) -> list[_Fact]:
    """Give each underlined fact the lowest bar slot free over its whole span.

    Quotes are shaded, not underlined, and take no slot.
    """
    ends: list[int] = []  # ends[slot] = end offset of the last fact in that slot
    placed: list[_Fact] = []
    for fact in facts:
        if fact.kind == "quote":
            placed.append(fact)
            continue
        for slot, end in enumerate(ends):
            if end <= fact.span.start:
                ends[slot] = max(fact.span.end, fact.span.start + 1)
                break
        else:
            slot = len(ends)
            ends.append(max(fact.span.end, fact.span.start + 1))
        placed.append(attrs.evolve(fact, slot=slot))
    return placed


def _segments(
    length: int, facts: list[_Fact]
) -> Iterator[tuple[int, int, list[_Fact], list[_Fact]]]:
    """Cut ``[0, length)`` at every span and speaker-mention boundary; yield each piece
    with the facts over it and the quotes whose speaker mention it is."""
    cuts = {0, length}
    for fact in facts:
        cuts.update((fact.span.start, fact.span.end))
        if fact.mention is not None:
            cuts.update((fact.mention.start, fact.mention.end))
    points = sorted(c for c in cuts if 0 <= c <= length)
    for start, end in itertools.pairwise(points):
        over = [f for f in facts if f.span.start <= start and end <= f.span.end]
        said = [
            f for f in facts if f.mention is not None and f.mention.start <= start < f.mention.end
        ]
        yield start, end, over, said


def _text(text: str, facts: list[_Fact], speaker_of: dict[str, int]) -> str:
    """The article text, every character once, facts wrapped in marked segments.

    A quote's speaker mention (``said Putin``) is shaded in the speaker's colour and
    outlined, and names the quote in ``data-speaker-of``.
    """
    out: list[str] = []
    for start, end, over, said in _segments(len(text), facts):
        piece = _esc(text[start:end])
        if not over and not said:
            out.append(piece)
            continue
        classes = ["nm-seg"]
        quote = next((f for f in over if f.kind == "quote"), None)
        if quote is not None:
            classes.append(f"nm-sp-{speaker_of[quote.speaker or 'unknown']}")
        extra = ""
        if said:
            classes.append(f"nm-who nm-sp-{speaker_of[said[0].speaker or 'unknown']}")
            extra = f" data-speaker-of='{_esc(' '.join(f.id for f in said))}'"
        shadow = _shadow([f for f in over if f.kind != "quote"])
        style = f" style='box-shadow:{shadow}'" if shadow else ""
        tips = [_tip(f) for f in over] + [f"speaker of {f.id}" for f in said]
        out.append(
            f"<span class='{' '.join(classes)}' data-facts='{_esc(' '.join(f.id for f in over))}'"
            f"{extra} data-start='{start}' data-end='{end}' title='{_esc('; '.join(tips))}'"
            f"{style}>{piece}</span>"
        )
    return "".join(out)


def _shadow(bars: list[_Fact]) -> str:
    """Stacked underline bars, one per slot, painted as box shadows (they wrap with the text).

    Shadows paint first-on-top, each showing as a strip below the text as tall as
    its offset: with growing offsets, alternating background and colour, each
    strip shows the part the one above leaves uncovered.
    """
    slots = {f.slot: f for f in bars}
    if not slots:
        return ""
    shadows = [f"0 {_GAP}px 0 0 var(--bg)"]
    for slot in range(max(slots) + 1):
        top = slot * (_BAR + _GAP) + _GAP
        fact = slots.get(slot)
        colour = f"var(--k-{_kind_class(fact.kind)})" if fact else "var(--bg)"
        shadows.append(f"0 {top + _BAR}px 0 0 {colour}")
        shadows.append(f"0 {top + _BAR + _GAP}px 0 0 var(--bg)")
    return ", ".join(shadows[:-1])


def _kind_class(kind: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in kind)


def _tip(fact: _Fact) -> str:
    if fact.kind == "quote":
        return f"quote by {fact.speaker or 'unknown speaker'}"
    summary = _summary(fact)
    return f"{fact.kind}: {summary}" if summary else fact.kind


def _summary(fact: _Fact) -> str:
    """A few key fields, for the hover title."""
    keep = []
    for name, value in _flat(fact.fields):
        if name.endswith(("start", "end")) and "span" in name:
            continue
        if value not in (None, "", [], False):
            keep.append(f"{name}={value}")
    return ", ".join(keep[:6])


def _flat(value: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Flatten nested dicts to dotted names (``amount.value``); lists stay as they are."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flat(item, f"{prefix}.{key}" if prefix else key)
    else:
        yield prefix, value


def _legend(kinds: list[str], speakers: list[str], facts: list[_Fact]) -> str:
    counts = {k: sum(1 for f in facts if f.kind == k) for k in [*kinds, "quote"]}
    items = [
        f"<li><span class='nm-key nm-bar-{_kind_class(k)}'></span>{_esc(k)} ({counts[k]})</li>"
        for k in kinds
    ]
    items.extend(
        f"<li><span class='nm-key nm-sp-{i % len(_SPEAKER_COLOURS)}'></span>quote: {_esc(s)}</li>"
        for i, s in enumerate(speakers)
    )
    return f"<ul class='nm-legend'>{''.join(items)}</ul>"


def _side_list(article: Article, facts: list[_Fact], speaker_of: dict[str, int]) -> str:
    rows: list[str] = []
    for fact in facts:
        surface = article.surface(fact.span)
        fields = "".join(
            f"<dt>{_esc(name)}</dt><dd>{_esc(_show(value))}</dd>"
            for name, value in _flat(fact.fields)
            if not (name.startswith("span.") or name == "text")
        )
        marker = (
            f"nm-sp-{speaker_of[fact.speaker or 'unknown']}"
            if fact.kind == "quote"
            else f"nm-bar-{_kind_class(fact.kind)}"
        )
        rows.append(
            f"<li class='nm-fact' id='fact-{_esc(fact.id)}' data-fact='{_esc(fact.id)}' "
            f"data-kind='{_esc(fact.kind)}' data-start='{fact.span.start}' "
            f"data-end='{fact.span.end}'>"
            f"<div class='nm-head'><span class='nm-key {marker}'></span>"
            f"<b>{_esc(fact.kind)}</b> <small>[{fact.span.start}, {fact.span.end})</small></div>"
            f"<p class='nm-surface'>{_esc(_short(surface))}</p><dl>{fields}</dl></li>"
        )
    empty = "" if rows else "<p>No facts found.</p>"
    return f"<h2>Facts ({len(facts)})</h2>{empty}<ol>{''.join(rows)}</ol>"


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _short(text: str, size: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def _css(colours: dict[str, str], speakers: int, slots: int) -> str:
    kind_vars = "".join(f"--k-{_kind_class(k)}:{c};" for k, c in colours.items())
    bars = "".join(
        f".nm-bar-{_kind_class(k)}{{background:var(--k-{_kind_class(k)})}}" for k in colours
    )
    shades = "".join(
        f".nm-sp-{i}{{background:{c}}}" for i, c in enumerate(_SPEAKER_COLOURS[: speakers or 1])
    )
    line = 1.7 + 0.32 * slots
    return (
        f":root{{--bg:#fff;{kind_vars}}}"
        "body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;"
        "color:#111827;background:var(--bg)}"
        "header{padding:16px 24px;border-bottom:1px solid #e5e7eb}"
        "h1{font-size:22px;margin:0 0 8px}h2{font-size:16px;margin:0 0 8px}"
        ".nm-legend{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px 16px;"
        "font-size:14px}"
        ".nm-legend li{display:flex;align-items:center;gap:6px}"
        ".nm-key{display:inline-block;width:18px;height:10px;border-radius:2px}"
        "main{display:grid;grid-template-columns:minmax(0,3fr) minmax(280px,2fr);gap:24px;"
        "padding:16px 24px}"
        f"#nm-text{{white-space:pre-wrap;line-height:{line:.2f};font-size:16px;"
        "font-family:Georgia,'DejaVu Serif',serif;overflow-wrap:anywhere}"
        ".nm-seg{box-decoration-break:clone;-webkit-box-decoration-break:clone;"
        "border-radius:2px;cursor:help}"
        ".nm-seg.nm-on{outline:2px solid #111827;outline-offset:1px}"
        ".nm-who{font-weight:600;outline:1px dashed #6b7280;outline-offset:0}"
        "#nm-facts{font-size:13px;max-height:calc(100vh - 140px);overflow:auto;"
        "position:sticky;top:8px}"
        "#nm-facts ol{list-style:none;margin:0;padding:0}"
        ".nm-fact{border:1px solid #e5e7eb;border-radius:6px;padding:6px 8px;margin:0 0 6px}"
        ".nm-fact.nm-on{border-color:#111827;box-shadow:0 0 0 1px #111827}"
        ".nm-head{display:flex;align-items:center;gap:6px}"
        ".nm-surface{color:#374151;margin:2px 0;font-style:italic}"
        ".nm-fact dl{display:grid;grid-template-columns:max-content 1fr;gap:0 8px;margin:2px 0}"
        ".nm-fact dt{color:#6b7280}.nm-fact dd{margin:0;overflow-wrap:anywhere}"
        "@media (max-width:800px){main{grid-template-columns:1fr}}" + bars + shades
    )


# Records script errors on <body data-errors> so a test (or a person) can see them.
_EARLY_JS = (
    "window.__nmErrors=[];window.addEventListener('error',function(e){"
    "window.__nmErrors.push(String(e.message));"
    "if(document.body){document.body.dataset.errors=window.__nmErrors.join(' | ');}});"
)

# Hovering a fact (in the text or the list) outlines all its segments and its card.
_JS = """
(function () {
  var text = document.getElementById('nm-text');
  var list = document.getElementById('nm-facts');
  function mark(ids, on) {
    ids.forEach(function (id) {
      var card = document.getElementById('fact-' + id);
      if (card) { card.classList.toggle('nm-on', on); }
      text.querySelectorAll('.nm-seg').forEach(function (seg) {
        if (seg.dataset.facts.split(' ').indexOf(id) >= 0) { seg.classList.toggle('nm-on', on); }
      });
    });
  }
  text.addEventListener('mouseover', function (e) {
    var seg = e.target.closest('.nm-seg'); if (seg) { mark(seg.dataset.facts.split(' '), true); }
  });
  text.addEventListener('mouseout', function (e) {
    var seg = e.target.closest('.nm-seg'); if (seg) { mark(seg.dataset.facts.split(' '), false); }
  });
  list.addEventListener('mouseover', function (e) {
    var card = e.target.closest('.nm-fact'); if (card) { mark([card.dataset.fact], true); }
  });
  list.addEventListener('mouseout', function (e) {
    var card = e.target.closest('.nm-fact'); if (card) { mark([card.dataset.fact], false); }
  });
  var segs = text.querySelectorAll('.nm-seg').length;
  var errors = window.__nmErrors.length ? window.__nmErrors.join(' | ') : '';
  if (errors) { document.body.dataset.errors = errors; }
  document.body.dataset.ready = 'segments:' + segs;
})();
"""
