"""Inline text of the seed packs → HTML: markdown emphasis, links, the few inline tags the
seeds use, and the HTML fragments (``<p>``, ``<ul>`` with "•" bullets) found in table cells.
Everything else is escaped.
"""

from __future__ import annotations

import html
import re

_TOKEN = re.compile(
    r"\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]+)\)"  # [text](url)
    r"|<(?P<auto>(?:https?://|mailto:)[^>\s]+)>"  # <https://…>
    r"|<(?P<close>/?)(?P<tag>i|b|u|em|strong|sup|sub)>"  # the few inline tags the seeds use
    r"|\\\\?(?P<esc>[_*])"  # markdown escapes: \* and \\_
)
_TAGS = {
    "i": "em",
    "b": "strong",
    "u": "u",
    "em": "em",
    "strong": "strong",
    "sup": "sup",
    "sub": "sub",
}
_EMPHASIS = [
    (re.compile(r"~~(.+?)~~", re.S), r"<del>\1</del>"),
    (re.compile(r"\*\*\*(.+?)\*\*\*", re.S), r"<strong><em>\1</em></strong>"),
    (re.compile(r"\*\*(.+?)\*\*", re.S), r"<strong>\1</strong>"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", re.S), r"<em>\1</em>"),
]


def _link(url: str, text: str) -> str:
    if url.startswith(("http://", "https://", "mailto:")):
        # The sanitiser adds the rel attribute to every link; written here, nothing changes.
        return f'<a href="{html.escape(url)}" rel="noopener noreferrer">{text}</a>'
    return text  # "[guide](#)": the link did not survive extraction; keep the words


def inline(text: str) -> str:
    """Escape ``text`` and turn its markdown emphasis, links and inline tags into HTML."""
    saved: list[str] = []

    def keep(piece: str) -> str:
        saved.append(piece)
        return f"\x00{len(saved) - 1}\x00"

    def token(m: re.Match) -> str:
        if m["url"]:
            return keep(_link(m["url"], inline(m["text"])))
        if m["auto"]:
            return keep(_link(m["auto"], html.escape(m["auto"].removeprefix("mailto:"))))
        if m["tag"]:
            return keep(f"<{m['close']}{_TAGS[m['tag']]}>")
        return keep(html.escape(m["esc"]))

    out = html.escape(_TOKEN.sub(token, text), quote=False)
    for pattern, replacement in _EMPHASIS:
        out = pattern.sub(replacement, out)
    out = out.replace("**", "").replace("<strong></strong>", "")
    return re.sub(r"\x00(\d+)\x00", lambda m: saved[int(m[1])], out).strip()


def fragment(text: str, block: bool = False) -> str:
    """HTML for text that may hold the seeds' HTML fragments: ``<p>`` paragraphs and ``<ul>``
    lists written with "•" bullets, as in table cells (004:1031, 2788). Plain text stays
    inline unless ``block`` asks for a paragraph."""
    if not re.search(r"<(p|ul|li)\b", text):
        return f"<p>{inline(text)}</p>" if block else inline(text)
    text = re.sub(r"</?(?:ul|li)\b[^>]*>", " ", text)
    parts = []
    for chunk in re.split(r"<p\b[^>]*>|</p>", text):
        head, *items = chunk.split("•")
        if head.strip() and not re.fullmatch(r"\s*Page \d+\s*", head):
            parts.append(f"<p>{inline(head)}</p>")
        items = [inline(i) for i in items if i.strip()]
        if items:
            parts.append("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
    return "".join(parts)
