"""The dates the Kent demo hangs its periods on, and why.

The packs show who sat where only *as at* a meeting date. A membership, a term of office or a
group membership needs a start (and usually an end), so each is stretched to the council
term or committee year in which the pack shows it, using these dates.
"""

import datetime as dt

D = dt.date

# The council elected at the ordinary election of 2 May 2013 (KCC's four-yearly election;
# the packs speak of "the election in May 2013", 000:130) sat until the next ordinary
# election on 4 May 2017 (000:192). A term is recorded as ending the day before that election
# so that the 2013 and 2017 terms do not overlap.
ELECTION_2013 = D(2013, 5, 2)
ELECTION_2017 = D(2017, 5, 4)
TERM_2013 = (ELECTION_2013, ELECTION_2017 - dt.timedelta(days=1))
# The 2017 council's term has no end in the packs ("until the elections in 2021", 000:148,
# gives no date), so it is left open.
TERM_2017 = (ELECTION_2017, None)

# Committee places are filled at the annual meeting after an election. The 2017 one was
# Thursday 25 May 2017 ("Annual Council Meeting", 000:410). The 2013 one is not in the packs;
# 16 May 2013 is the annual meeting that followed the 2013 election, an inference the lead
# accepted for the 2013–17 committee places (S&MS, the Property Sub-Committee).
ANNUAL_2013 = D(2013, 5, 16)
ANNUAL_2017 = D(2017, 5, 25)
COMMITTEES_2013 = (ANNUAL_2013, TERM_2013[1])

# The County Council's chairman and vice-chairman are elected for a municipal year
# (Authority.municipal_year_start: 1 May). The packs show Mr M J Harrison and Mr T Gates
# in office in October and December 2015, i.e. for 2015/16; the exact annual-meeting dates
# are not stated, so the municipal year's bounds are used.
MUNICIPAL_2015 = (D(2015, 5, 1), D(2016, 4, 30))

# The demo is shown as at the day after its last meeting with papers, the Policy and
# Resources Cabinet Committee of Friday 15 September 2017 (004): the 2017 council is in office,
# that meeting and those before it have taken place, and the committee's meetings of 2017–18
# are still to come (``Authority.as_at``, council/dates.py). ``moot demo --as-at`` changes it.
AS_AT = D(2017, 9, 16)
