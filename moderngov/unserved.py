"""The methods real modern.gov servers offer that Moot has no record for: each answers its
well-formed empty document, never "No such method", so a client that calls every method a
modern.gov site offers goes on to the next one.

Moot keeps no postcode gazetteer, no election results, no parish councils and no MPs or
MEPs. The shapes follow the service's vocabulary (reference: /work/shared/reference/README.md
and ``GetCouncillorsByWard.sample.xml``): a lower-case root, a padded count named after what
it counts, and an empty wrapper where the records would be listed. ``GetCouncillorsByPostcode``
answers in ``GetCouncillorsByWard``'s shape, the councillors of the wards the postcode is in,
so the same reader serves both.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from .context import Context
from .params import Params
from .people import wards_empty
from .xml import child, count_text


def empty_list(root: str, count: str, wrapper: str) -> Callable[[], ET.Element]:
    def empty() -> ET.Element:
        node = ET.Element(root)
        child(node, count, count_text(0))
        child(node, wrapper)
        return node

    return empty


election_results_empty = empty_list("electionresults", "candidatescount", "candidates")
parish_councils_empty = empty_list("parishcouncils", "parishcouncilscount", "parishcouncils")
mps_and_meps_empty = empty_list("mpormepsandwards", "mpormepscount", "mpormeps")


def nothing(empty: Callable[[], ET.Element]) -> Callable[[Params, Context], ET.Element]:
    """A method whose answer is always ``empty``, whatever it is asked."""

    def build(params: Params, ctx: Context) -> ET.Element:
        return empty()

    return build


councillors_by_postcode = nothing(wards_empty)
election_results = nothing(election_results_empty)
parish_councils = nothing(parish_councils_empty)
mps_and_meps = nothing(mps_and_meps_empty)
