"""What every method needs from the request: the site's address, for absolute links."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Context:
    origin: str  # scheme and host of the request, e.g. "https://democracy.example.gov.uk"

    def absolute(self, path: str) -> str:
        return self.origin + path if path.startswith("/") else path
