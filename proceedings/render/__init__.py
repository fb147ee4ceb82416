"""The minutes in the seeds' form, as accessible HTML and as a tagged PDF.

``build`` assembles the minutes of a meeting as a data structure (``document``): what it shows
is ``selection``'s choice, each minute's paragraphs are ``paragraphs``' work and the names in
recorded votes ``names``'. ``html`` and ``pdf`` lay the structure out.

What is public is decided by ``proceedings.public`` alone: ``html.public_html`` draws on its
querysets (public minutes, motions and votes), and shows no more of an exempt minute than its
number, the paragraph of Schedule 12A and the public summary written for publication.
``html.exempt_html`` is the exempt minutes, for those entitled to them only.
"""
