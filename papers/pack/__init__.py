"""The agenda pack: front sheet, papers each starting on an odd page, blank-page padding,
page numbers on every page, and an outline per agenda item."""
