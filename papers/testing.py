"""Test files made on the fly: small Word documents (one with pictures and a chart) and PDFs
of chosen length."""

from __future__ import annotations

import base64
import io
import zipfile

import pikepdf
import weasyprint

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
 Target="word/document.xml"/>
</Relationships>"""
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(paragraphs: list[tuple[str, str]]) -> bytes:
    """A .docx whose body is ``(style, text)`` paragraphs; style "Heading1" or "" for normal."""

    def para(style: str, text: str) -> str:
        props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"

    body = "".join(para(style, text) for style, text in paragraphs)
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}">'
        f"<w:body>{body}</w:body></w:document>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


# A red pixel.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQ"
    "GAhKmMIQAAAABJRU5ErkJggg=="
)
_DRAWING_NS = " ".join(
    f'xmlns:{k}="{v}"'
    for k, v in {
        "w": _W,
        "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
        "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    }.items()
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _drawing(n: int, descr: str, uri: str, graphic: str) -> str:
    return (
        f'<w:p><w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="914400"/>'
        f'<wp:docPr id="{n}" name="Drawing {n}" descr="{descr}"/><a:graphic>'
        f'<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/{uri}">'
        f"{graphic}</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )


def _picture(n: int, descr: str, rel: str) -> str:
    return _drawing(
        n,
        descr,
        "picture",
        (
            '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="p"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{rel}"/></pic:blipFill><pic:spPr/></pic:pic>'
        ),
    )


def docx_with_pictures(text: str = "Budget report") -> bytes:
    """A .docx with ``text``, then a PNG picture described "Map of the county", an EMF
    drawing described "Organisation chart", and a chart described "Spend by year"."""
    body = (
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
        + _picture(1, "Map of the county", "rId10")
        + _picture(2, "Organisation chart", "rId11")
        + _drawing(3, "Spend by year", "chart", '<c:chart r:id="rId12"/>')
        + "<w:p><w:r><w:t>End of the report.</w:t></w:r></w:p>"
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:document {_DRAWING_NS}><w:body>{body}</w:body></w:document>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
        '"http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId10" Type="{_REL}image" Target="media/image1.png"/>'
        f'<Relationship Id="rId11" Type="{_REL}image" Target="media/image2.emf"/>'
        f'<Relationship Id="rId12" Type="{_REL}chart" Target="charts/chart1.xml"/>'
        "</Relationships>"
    )
    types = _CONTENT_TYPES.replace(
        '<Default Extension="xml"',
        (
            '<Default Extension="png" ContentType="image/png"/>'
            '<Default Extension="emf" ContentType="image/x-emf"/><Default Extension="xml"'
        ),
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", xml)
        z.writestr("word/_rels/document.xml.rels", rels)
        z.writestr("word/media/image1.png", PNG)
        z.writestr("word/media/image2.emf", b"\x01\x00\x00\x00not drawn by browsers")
        z.writestr(
            "word/charts/chart1.xml",
            '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
        )
    return buf.getvalue()


def pdf(pages: int, text: str = "Uploaded paper") -> bytes:
    """A PDF of exactly ``pages`` pages, each saying ``text`` and its page number."""
    body = "".join(
        f'<section style="break-after: page"><p>{text}, sheet {n}</p></section>'
        for n in range(1, pages + 1)
    )
    return weasyprint.HTML(string=f"<html lang='en'><body>{body}</body></html>").write_pdf()


def encrypted_pdf(password: str = "secret") -> bytes:
    src = pikepdf.open(io.BytesIO(pdf(1)))
    out = io.BytesIO()
    src.save(out, encryption=pikepdf.Encryption(owner=password, user=password, R=6))
    return out.getvalue()


Block = str | tuple[str, str] | list[tuple[str, str | list]]


def word_document(*blocks: Block) -> bytes:
    """A .docx made with python-docx (a test dependency), block by block: a string is a
    paragraph, ``(style, text)`` a paragraph in that Word style ("Heading 1", "List Number"),
    and a list of ``(label, value)`` rows a two-column table, where a value is a string or a
    list of paragraphs (strings or ``(style, text)``)."""
    import docx

    document = docx.Document()

    def fill(paragraph, part: str | tuple[str, str]) -> None:
        style, text = part if isinstance(part, tuple) else ("", part)
        paragraph.text = text
        if style:
            paragraph.style = document.styles[style]

    for block in blocks:
        if isinstance(block, list):
            table = document.add_table(rows=len(block), cols=2)
            for row, (label, value) in zip(table.rows, block, strict=True):
                row.cells[0].text = label
                parts = value if isinstance(value, list) else [value]
                fill(row.cells[1].paragraphs[0], parts[0])
                for part in parts[1:]:
                    fill(row.cells[1].add_paragraph(), part)
        else:
            fill(document.add_paragraph(), block)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
