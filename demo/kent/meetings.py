"""Kent County Council's meetings and their agendas, as the packs print them.

Items are (number, title, purpose, kind, extra fields). Titles and purposes are verbatim;
page ranges are not stored (the model has no field for them).
"""

from __future__ import annotations

import datetime as dt

from meetings.models import ItemKind as K
from meetings.models import MeetingStatus, Part

from .bodies import PR, SMS

D, T = dt.date, dt.time
TEA = "Tea/Coffee will be available 15 minutes before the start of the meeting"
EXEMPT_3 = {"part": Part.EXEMPT, "exempt_paragraph": 3}

GPS_MOTION = (  # 002:58–64
    '"This Council is increasingly concerned by the problem of retaining and recruiting GPs in '
    "Kent and calls on Government to address the situation as a matter of urgency by:\n\n"
    "1. Improving funding to practices which are prepared to accept for retraining those GPs "
    "returning to practise after absence for childcare or work overseas;\n"
    "2. Reducing the burdens of bureaucracy on GPs; and\n"
    '3. Increasing the opportunities for training practice nurses to support GPs."'
)
SCHOOL_MEALS_MOTION = (  # 002:249–255
    "“That this Council supports the Universal Infant Free School Meals initiative brought in "
    "by the last Coalition Government, and welcomes the news that, despite earlier reports, "
    "funding for such a vital scheme will not after all be cut in the Spending Review to be "
    "announced on the 25th of November.\n\n"
    "We recognise the importance of the initiative, which education professionals affirm is "
    "helping so many young Kent children to be more focused in their learning, is giving them "
    "a nutritious and healthy meal each day, and has avoided the stigma of means testing.\n\n"
    "We propose that, at this time when there continues to be uncertainty about where the "
    "significant cuts to Government funding will fall, the Chairman should write to the Prime "
    "Minister stating how valuable this scheme has been for the young children and families "
    "of Kent.”"
)

PR_15_SEPT_2017 = [  # 004:47–80
    ("1", "Introduction/Webcast announcement", "", K.PROCEDURAL, {}),
    (
        "2",
        "Apologies and Substitutes",
        "To receive apologies for absence and notification of any substitutes present",
        K.APOLOGIES,
        {},
    ),
    (
        "3",
        "Declarations of Interest by Members in items on the Agenda",
        "To receive any declarations of interest made by Members in relation to any matter on "
        "the agenda. Members are reminded to specify the agenda item number to which it refers "
        "and the nature of the interest being declared.",
        K.DECLARATIONS,
        {},
    ),
    (
        "4",
        "Minutes of the meeting held on 16 June 2017",
        "To consider and approve the minutes as a correct record.",
        K.MINUTES,
        {},
    ),
    (
        "5",
        "Minutes of the meeting of the Property Sub-Committee held on 21 March 2017",
        "To note the minutes.",
        K.MINUTES,
        {},
    ),
    (
        "6",
        "Strategic and Corporate Service Directorate Dashboard",
        "To receive and note a report showing progress made against targets for Key Performance "
        "Indicators",
        K.REPORT,
        {},
    ),
    (
        "7",
        "Financial Monitoring 2017 - 18",
        "To consider and note the July 2017-18 budget monitoring position.",
        K.REPORT,
        {},
    ),
    (
        "8",
        "Contract Management",
        "To consider and note the contract management review programme of the Budget and "
        "Programme Delivery Board sub-group for the 2017/18 financial year and high level "
        "findings of the group from 2016/17.",
        K.REPORT,
        {},
    ),
    (
        "9",
        "Corporate Assurance Analysis Bi-annual Review",
        "To consider and note the key findings from Corporate Assurance on major change projects "
        "and programmes in the period March 2017 to August 2017.",
        K.REPORT,
        {},
    ),
    (
        "10",
        "Policy Framework - Strategies and Policies for Close Down",
        "To put forward for consideration and comment a number of appropriate KCC strategies and "
        "policies to be closed down, in accordance with the new approach to managing the policy "
        "framework.",
        K.REPORT,
        {},
    ),
    (
        "11",
        "Customer Feedback Policy",
        "To receive for consideration and endorsement, the revised version of the Customer "
        "Feedback Policy.",
        K.REPORT,
        {},
    ),
    (
        "12",
        "Senior Information Risk Owner - Update",
        "To receive an update on the implementation of forthcoming Data Protection legislation "
        "and information governance training generally.",
        K.REPORT,
        {},
    ),
    (
        "13",
        "Work Programme 2017/18",
        "To consider and agree a work programme for 2017/18",
        K.REPORT,
        {},
    ),
    (
        "14",
        "Company Governance",
        "To receive an exempt report concerning company governance at KCC.",
        K.REPORT,
        EXEMPT_3,
    ),
]

# P&R, 16 June 2017: items from the minutes' "(Item N)" references (004:104–239).
PR_16_JUNE_2017 = [
    ("1", "Introduction/Webcast announcement", "", K.PROCEDURAL, {}),
    ("2", "Election of Vice-Chairman", "", K.PROCEDURAL, {}),
    ("3", "Apologies and Substitutes", "", K.APOLOGIES, {}),
    ("4", "Declarations of Interest by Members in items on the Agenda", "", K.DECLARATIONS, {}),
    ("5", "Minutes of the meeting held on 8 March 2017 and 25 May 2017", "", K.MINUTES, {}),
    (
        "6",
        "Minutes of the meetings of the Property Sub-Committee held on 21 February 2017",
        "",
        K.MINUTES,
        {},
    ),
    ("7", "Strategic and Corporate Service Directorate Dashboard", "", K.REPORT, {}),
    (
        "8",
        "Revenue & Capital Budget Monitoring Report 2016-17 - Provisional Outturn",
        "",
        K.REPORT,
        {},
    ),
    # "The Chairman advised that he intended to consider the Total Facilities Management item
    # (Item 9 on the agenda) in the exempt part of the meeting as the consideration of this
    # item was likely to involve the disclosure of exempt information" (004:108). The
    # paragraph is not given for this item; 3 is the one the meeting's exclusion cites (004:211).
    ("9", "Total Facilities Management - Bi-annual Review", "", K.REPORT, EXEMPT_3),
    (
        "10",
        "Annual Report on the Implementation of the Armed Forces Covenant in Kent",
        "",
        K.REPORT,
        {},
    ),
    ("11", "Work Programme", "", K.REPORT, {}),
    # Taken after the resolution excluding the press and public "for the following items of
    # business" under paragraph 3 (004:211).
    ("12", "Business Services Centre Trading Company", "", K.REPORT, EXEMPT_3),
    ("13", "ICT Security Update", "", K.REPORT, EXEMPT_3),
]

SMS_1_MARCH_2017 = [  # 000:45–53
    ("1", "Substitutes", "", K.APOLOGIES, {}),
    (
        "2",
        "Declarations of Interests by Members in items on the Agenda for this meeting.",
        "",
        K.DECLARATIONS,
        {},
    ),
    ("3", "Minutes - 27 September 2016", "", K.MINUTES, {}),
    ("4", "Review of Members' Communication and Information Technology (ICT)", "", K.REPORT, {}),
    ("5", "Member Development Steering Group - Work Programme", "", K.REPORT, {}),
    (
        "6",
        "Constitutional Amendments to reflect recent decisions of the County Council",
        "",
        K.REPORT,
        {},
    ),
    (
        "7",
        "Appointment of representative to the Chilmington Green Partnership Working Group",
        "",
        K.REPORT,
        {},
    ),
    ("8", "Other items which the Chairman decides are Urgent", "", K.URGENT_BUSINESS, {}),
]

SMS_27_SEPT_2016 = [  # minutes 8–10 with their "(Item N)" references (000:75–100)
    ("3", "Minutes - 23 June 2016", "", K.MINUTES, {}),
    ("4", "Information Point and Members' Area", "", K.REPORT, {}),
    ("5", "Flood Risk Management Committee", "", K.REPORT, {}),
]

COUNCIL_10_DEC_2015 = [  # 002:42–64
    ("1", "Apologies for Absence", "", K.APOLOGIES, {}),
    (
        "2",
        "Declarations of Disclosable Pecuniary Interests or Other Significant Interests in "
        "items on the agenda",
        "",
        K.DECLARATIONS,
        {},
    ),
    # The page reference splits this title in the text (002:44); the title is rejoined.
    (
        "3",
        "Minutes of the meeting held on 22 October 2015 and, if in order, to be approved as "
        "a correct record",
        "",
        K.MINUTES,
        {},
    ),
    ("4", "Chairman's Announcements", "", K.ANNOUNCEMENTS, {}),
    ("5", "Questions", "", K.QUESTIONS, {}),
    ("6", "Report by Leader of the Council (Oral)", "", K.ORAL_REPORT, {}),
    ("7", "Proposed establishment of the Statutory Officer Independent Panel", "", K.REPORT, {}),
    ("8", "Dependent Carers' Allowance", "", K.REPORT, {}),
    (
        "9",
        "Strategic Support to Corporate Director Social Care Health & Wellbeing",
        "",
        K.REPORT,
        {},
    ),
    ("10", "Select Committee - Corporate Parenting", "", K.REPORT, {}),
    ("11", "Health and Wellbeing Board - Annual Report", "", K.REPORT, {}),
    ("12", "Embedding strategic commissioning as business as usual", "", K.REPORT, {}),
    (
        "13",
        "Motion for Time Limited Debate – Retaining and recruiting GPs",
        "",
        K.MOTION,
        {"motion_text": GPS_MOTION, "mover": "Dr M R Eddy", "seconder": "Ms A Harrison"},
    ),
]

# County Council minutes carry no item numbers (002:91–291): the items are numbered 1–9 in
# the order of minutes 35–43, which is the order the business was taken.
COUNCIL_22_OCT_2015 = [
    ("1", "Apologies for Absence", "", K.APOLOGIES, {}),
    (
        "2",
        "Declarations of Disclosable Pecuniary Interests or Other Significant Interests in "
        "items on the agenda",
        "",
        K.DECLARATIONS,
        {},
    ),
    (
        "3",
        "Minutes of the meeting held on 17 September 2015 and, if in order, to be approved "
        "as a correct record",
        "",
        K.MINUTES,
        {},
    ),
    (
        "4",
        "Revised Proportionality Calculations and Committee Membership - Urgent Business",
        "",
        K.URGENT_BUSINESS,
        {},
    ),
    ("5", "Chairman's Announcements", "", K.ANNOUNCEMENTS, {}),
    ("6", "Questions", "", K.QUESTIONS, {}),
    ("7", "Report by Leader of the Council (Oral)", "", K.ORAL_REPORT, {}),
    ("8", "Kent's response to the Syrian refugee crisis", "", K.REPORT, {}),
    (
        "9",
        "Motion for Time Limited Debate",
        "",
        K.MOTION,
        {"motion_text": SCHOOL_MEALS_MOTION, "mover": "Mr M J Vye", "seconder": "Mr R H Bird"},
    ),
]

# Property Sub-Committee, 21 March 2017: the items the minutes number (004:251–346). Minutes
# 97 (apologies) and 98 (declarations) carry no item code, so they are not invented.
PROPERTY_21_MARCH_2017 = [
    ("A3", "Minutes of the meeting held on 21 February 2017", "", K.MINUTES, {}),
    (
        "B1",
        "Appropriation of Land at Boughton Mount, Boughton Lane, Maidstone, comprising "
        "Boughton Mount Hostel, Boughton Mount Grounds and former Maidstone SEC and Special "
        "Care Unit, to override a restrictive covenant",
        "",
        K.REPORT,
        {},
    ),
    # A public item with an exempt appendix, discussed in closed session (004:290): the item
    # itself stays in the public part.
    ("B2", "Cross-Party Security Working Group", "", K.REPORT, {}),
    ("B3", "Priority School Building Programme - Local Delivery", "", K.REPORT, {}),
    # "The Committee received an exempt report" after the exclusion under paragraph 3 (004:325–342).
    (
        "C1",
        "Outcomes of Property Disposals - an update report on progress relating to disposals "
        "brought to the Property Sub-Committee in 2014, 2015 and 2016",
        "",
        K.REPORT,
        EXEMPT_3,
    ),
]

HELD, SCHEDULED = MeetingStatus.HELD, MeetingStatus.SCHEDULED
COUNCIL, PROPERTY = "County Council", "Property Sub-Committee"

# (body, date, meeting fields, items). Venue by room name; None where the pack does not say
# (the venue is then recorded as not known).
MEETINGS: list[tuple] = [
    (COUNCIL, D(2015, 9, 17), dict(status=HELD), []),  # 002:99
    (COUNCIL, D(2015, 10, 22), dict(status=HELD, venue="Council Chamber"), COUNCIL_22_OCT_2015),
    (
        COUNCIL,
        D(2015, 12, 10),
        dict(
            status=HELD,
            venue="Council Chamber",
            start_time=T(9, 30),
            end_time=T(16, 30),
            notes="Please note the earlier start time for this meeting",
        ),
        COUNCIL_10_DEC_2015,
    ),
    (SMS, D(2016, 6, 23), dict(status=HELD), []),  # 000:75
    (SMS, D(2016, 9, 27), dict(status=HELD, venue="Darent Room"), SMS_27_SEPT_2016),
    (
        SMS,
        D(2017, 3, 1),
        dict(status=HELD, venue="Darent Room", start_time=T(14, 30), refreshments=TEA),
        SMS_1_MARCH_2017,
    ),
    (PROPERTY, D(2017, 2, 21), dict(status=HELD), []),  # 004:136
    (PROPERTY, D(2017, 3, 21), dict(status=HELD, venue="Council Chamber"), PROPERTY_21_MARCH_2017),
    (PR, D(2017, 3, 8), dict(status=HELD), []),  # 004:130
    (PR, D(2017, 5, 25), dict(status=HELD), []),
    (PR, D(2017, 6, 16), dict(status=HELD, venue="Darent Room"), PR_16_JUNE_2017),
    (
        PR,
        D(2017, 9, 15),
        dict(status=HELD, venue="Council Chamber", start_time=T(10, 0), refreshments=TEA),
        PR_15_SEPT_2017,
    ),
    # The work programme's future meetings (004:3131–3135).
    (PR, D(2017, 12, 5), dict(status=SCHEDULED), []),
    (PR, D(2018, 2, 2), dict(status=SCHEDULED), []),
    (PR, D(2018, 3, 16), dict(status=SCHEDULED), []),
]
