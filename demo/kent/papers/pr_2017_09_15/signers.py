"""Names the reports of 15 September 2017 share: the committee they go to and the cabinet
members and director who sign or write several of them, as the reports print them.
"""

from __future__ import annotations

PR = "Policy and Resources Cabinet Committee"
HOTSON = ("Eric Hotson", "Cabinet Member for Corporate and Democratic Services")
SIMMONDS = ("John Simmonds", "Cabinet Member for Finance")
CAREY = ("Susan Carey", "Cabinet Member for Customers, Communications and Performance")
WHITTLE = "David Whittle"
