"""Concatenating PDFs into one pack while keeping each part's tagging (structure tree).

pikepdf copies pages; the structure trees are merged here: each part's top-level structure
elements become children of the pack's root, and each part's parent-tree keys (and the
/StructParents of its pages and annotations) are shifted past the previous part's.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name


@dataclass
class Part:
    pdf: bytes
    title: str = ""  # outline entry; blank for none


def _flatten_nums(tree) -> list[tuple[int, object]]:
    pairs = []
    nums = tree.get("/Nums")
    if nums is not None:
        pairs += [(int(nums[i]), nums[i + 1]) for i in range(0, len(nums), 2)]
    for kid in tree.get("/Kids", []):
        pairs += _flatten_nums(kid)
    return pairs


class PackWriter:
    def __init__(self, title: str, lang: str = "en-GB"):
        self.pdf = pikepdf.new()
        self.title, self.lang = title, lang
        self.kids = Array()
        self.nums: list[tuple[int, object]] = []
        self.next_key = 0
        self.outline: list[tuple[str, int, int]] = []  # (title, page index, level)
        self.labels: list[int] = []  # printed page numbers, when they skip (public packs)
        self._open: list[pikepdf.Pdf] = []  # sources must stay open until save

    @property
    def page_total(self) -> int:
        return len(self.pdf.pages)

    def add(self, data: bytes, title: str = "", level: int = 0) -> int:
        """Append every page of ``data``; returns the index of its first page."""
        src = pikepdf.open(io.BytesIO(data))
        self._open.append(src)
        first = len(self.pdf.pages)
        offset = self.next_key
        sroot = src.Root.get("/StructTreeRoot")
        self.pdf.pages.extend(src.pages)
        if sroot is not None:
            copied_root = self.pdf.copy_foreign(sroot)
            max_key = -1
            for key, value in _flatten_nums(copied_root.get("/ParentTree", Dictionary())):
                self.nums.append((key + offset, value))
                max_key = max(max_key, key)
            for page in self.pdf.pages[first:]:
                if "/StructParents" in page.obj:
                    page.obj.StructParents = int(page.obj.StructParents) + offset
                    max_key = max(max_key, int(page.obj.StructParents) - offset)
                for annot in page.obj.get("/Annots", []):
                    if "/StructParent" in annot:
                        annot.StructParent = int(annot.StructParent) + offset
                        max_key = max(max_key, int(annot.StructParent) - offset)
            kids = copied_root.get("/K")
            kids = [] if kids is None else (list(kids) if isinstance(kids, Array) else [kids])
            for kid in kids:
                self.kids.append(kid)
            self.next_key = offset + max_key + 1
        else:
            # An untagged part (an uploaded PDF): its content is not in the structure tree.
            for page in self.pdf.pages[first:]:
                if "/StructParents" in page.obj:
                    del page.obj["/StructParents"]
        if title:
            self.outline.append((title, first, level))
        return first

    def save(self, out) -> None:
        root = self.pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=self.kids))
        nums = Array()
        for key, value in sorted(self.nums, key=lambda kv: kv[0]):
            nums.extend([key, value])
        root.ParentTree = self.pdf.make_indirect(Dictionary(Nums=nums))
        root.ParentTreeNextKey = self.next_key
        for kid in self.kids:
            if isinstance(kid, Dictionary):
                kid.P = root
        self.pdf.Root.StructTreeRoot = root
        self.pdf.Root.MarkInfo = Dictionary(Marked=True)
        self.pdf.Root.Lang = pikepdf.String(self.lang)
        self.pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        self.pdf.docinfo[Name.Title] = self.title
        if self.labels:
            # Viewers show the printed numbers; a new run starts wherever the numbering jumps.
            nums = Array()
            for index, number in enumerate(self.labels):
                if index == 0 or number != self.labels[index - 1] + 1:
                    nums.extend([index, Dictionary(S=Name.D, St=number)])
            self.pdf.Root.PageLabels = Dictionary(Nums=nums)
        with self.pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = self.title
        with self.pdf.open_outline() as outline:
            parents: list[pikepdf.OutlineItem] = []
            for title, page, level in self.outline:
                item = pikepdf.OutlineItem(title, page)
                if level and parents:
                    parents[-1].children.append(item)
                else:
                    outline.root.append(item)
                    parents.append(item)
        self.pdf.save(out, min_version="1.7")
        for src in self._open:
            src.close()
