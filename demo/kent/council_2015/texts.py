"""What the minutes of the County Council of 22 October 2015 say, verbatim (002:73–295):
the dates, the texts of motions and resolutions and the recorded votes' lists of names."""

from __future__ import annotations

import datetime as dt

DATE = dt.date(2015, 10, 22)
# The minutes were printed, unconfirmed, in the summons of 2 December 2015 (002:22).
PUBLISHED = dt.datetime(2015, 12, 2, 10, 0, tzinfo=dt.UTC)
FIRST_MINUTE = 35  # numbering runs on from the 17 September meeting (minute 30, 002:101)

OFFICERS = [  # 002:87
    ("David Cockburn", "Corporate Director Strategic & Corporate Services"),
    ("Geoff Wild", "Director of Governance and Law"),
    ("Peter Sass", "Head of Democratic Services"),
]

PROPORTIONALITY_RESOLUTION = [  # 002:119–125
    "the revised proportionality calculations be agreed; and",
    "in accordance with the overall proportionality rules the two additional committee places "
    "remain vacant pending discussions between Group Leaders and Mr Elenor and a further "
    "report be submitted to the December meeting of the County Council if necessary; and",
    "the decision on which two seats the UKIP Group has to give up to in light of the revised "
    "proportionality calculations be delegated to the Head of Democratic Services in "
    "consultation with the Leader of the UKIP Group.",
]

PROPORTIONALITY_MOTION = (  # 002:109–113
    "The County Council is invited to:\n\n"
    "(a) agree the revised proportionality calculations and decide (in accordance with the "
    "overall proportionality rules) whether Mr Elenor should be invited to fill two additional "
    "committee places at the expense of UKIP or whether these places shall remain vacant; and\n\n"
    "(b) agree that the decision on which two seats the UKIP Group has to give up to either a "
    "vacancy or Mr Elenor be delegated to the Head of Democratic Services in consultation with "
    "the Leader of the UKIP Group and (if appropriate) Mr Elenor."
)

MINUTE_38 = [  # 002:105–117; the motion (2) and "agreed without a formal vote" come from the record
    "The Chairman stated that he had agreed to take this item as urgent business due to the "
    "need to review proportionality and Committee membership at the first County Council "
    "meeting following Mr Elenor's change in political status.",
    "[motions]",
    "The Leader updated the Council on the current situation regarding the filling of the two "
    "Committee places referred to in paragraph (1) (a) above.",
]

MINUTE_39 = [  # 002:129–163
    "### (a) Mr William Whelan",
    (
        "The Chairman stated that it was with regret that he had to inform Members of the death "
        "of Mr William Whelan, on 15 August 2015. The celebration of Mr Whelan's life took place "
        "in August. The family had asked that anyone wishing to make a donation could do so to "
        "any charity supporting Parkinson's Disease."
    ),
    (
        "Mr Sass explained that this was the first County Council meeting following him being "
        "informed by Mr Whelan's family of his passing."
    ),
    (
        "Mr Whelan was the former Conservative Member for Margate East from 1989-1993 and "
        "2001-2005. During his time with KCC he served on the Appeal Committee, Governance and "
        "Audit Committee, Education and Libraries Committee and the Regulation Committee."
    ),
    "The Chairman and Mr Birkby, on behalf of Mr Latchford, paid tribute to Mr Whelan.",
    "Members stood in silence in memory of Mr Whelan",
    (
        "After the minute's silence the Chairman moved, the Vice-Chairman seconded and it was "
        "resolved unanimously that this Council desires to record the sense of loss it feels on "
        "the sad passing of Mr Whelan and extends to his family and friends our heartfelt "
        "sympathy to them in their sad bereavement."
    ),
    "### (b) Petition from Lamberhurst Parish Council",
    (
        "The Chairman explained that Mr King was due to present a petition from Lamberhurst "
        "Parish Council but unfortunately he was unwell and had given his apologies for this "
        "meeting. The Chairman stated that officers would ensure that this petition was passed to "
        "the Cabinet Member for a response."
    ),
    "### (c) Consultation Briefing - 22nd October at 2:00pm - Council Chamber.",
    (
        "The Chairman reminded Members that there was an additional Consultation briefing being "
        "held in the Chamber at 2.00pm today, or at the conclusion of the meeting whichever was "
        "the later, for those Members who had not been able to attend a previous session. He "
        "emphasised the importance of all Members, particularly Cabinet Members as decision "
        "makers, attending one of these sessions"
    ),
    "### (d) The year so far in pictures",
    (
        "The Chairman made reference to how busy he and the Vice-Chairman had been on behalf of "
        "the County Council, and invited Members to contact his office if they had any events in "
        "their area that would benefit from the attendance of himself and/or the Vice-Chairman."
    ),
    (
        "The Chairman then introduced a PowerPoint slide show which illustrated some of the "
        "events that he had attended since becoming Chairman."
    ),
    (
        "### (e) Sandwich Flood Defence works – winner of the Canal and River Trust's 'Living "
        "Waterways Award for Contribution to the Built Environment 2015'"
    ),
    (
        "The Chairman invited Mr Balfour to introduce a short film on the multi-award winning "
        "Sandwich Flood defence works."
    ),
    "The Chairman expressed congratulations on behalf of all Members of the Council.",
]
MINUTE_41 = [  # 002:171–229
    (
        "The Leader stated his intention to update the Council on the potential crisis in the "
        "future delivery of social care, particularly in relation to the spending review "
        "announcement on 25 November 2015. He also intended to refer to the asylum issue, "
        "progress in moving towards a commissioning authority, the approval of the new Sevenoaks "
        "grammar school annex and English devolution."
    ),
    (
        "In relation to social care funding Mr Carter referred to the efforts of the Cabinet "
        "Member, the County Council Network and the Association of Directors of Adult Social "
        "Services in pressing the essential need for an additional £2 billion to take up the cost "
        "of the increased demand and the impact of the living wage. He stated that he was "
        "optimistic that the need for adequate funding was high up the risk register of the "
        "government and the treasury."
    ),
    (
        "Mr Carter referred to the asylum issue and stated that the number of young people who "
        "were the responsibility of Kent was approaching 1400, which included those over 18, and "
        "the additional cost was nearing £8m. He expressed his gratitude to Mr Clarke, MP, "
        "Chairman of the Cabinet Sub-Committee on refugee and asylum issues, which was working "
        "towards identifying the additional funding not only for Kent but also to encourage other "
        "Local Authorities to participate in a dispersal system. There had been a meeting with "
        "civil servants who had validated Kent's additional costs of £7.5m to £8m. He anticipated "
        "an announcement shortly on the dispersal system and a related funding package. There was "
        "general acceptance that the current situation, both in relation to unaccompanied asylum "
        "seeking children, and children placed in Kent by other local authorities, was totally "
        "untenable and acknowledged its potential to interrupt the support to Kent's own "
        "indigenous young people."
    ),
    (
        "Mr Carter made reference to the endorsement by the Secretary of State for Education of "
        "the expansion of the Weald of Kent Grammar School, with an annex in Sevenoaks. He "
        "expressed his thanks to the Headteacher of the Weald of Kent Grammar School and her "
        "Governors for the work that they had put into the detailed submission and acknowledged "
        "the efforts of parents in Sevenoaks."
    ),
    (
        "Regarding Commissioning, Mr Carter emphasised the importance of making sure that the "
        "£700m to £800m worth of public money spent every year in the provision of services was "
        "used to deliver best value, good quality services from providers which supported the "
        "strategic aims of this authority. He referred to the importance of the role of Members "
        "in having an over-sight of the parts of the commissioning process and service delivery. "
        "He confirmed that the Commissioning Advisory Board would continue, although it might "
        "have a slight change of direction. He and the Chairmen of the Cabinet Committees would "
        "be meeting to produce options which would be taken to a future meeting of the County "
        "Council."
    ),
    (
        "Mr Carter then referred to English devolution, with the removal of the rate support "
        "grant and the repatriation of commercial rates to local government, there was a move "
        "away from a bespoke devolution with a directly elected mayor. There was the opportunity "
        "to have responsibility around the extra £11 billion worth of public money, which "
        "affected and supported the residents of Kent. There was now by early spring the "
        "potential to submit an ambitious devolution proposal which would ask for significant "
        "freedoms and flexibilities in the way that money was applied. Also with much greater "
        "reach and influence in shaping how the rest of public services were delivered across "
        "this county. He hoped that this would not only be a Kent County Council proposal but one "
        "with the 12 boroughs/districts, possibly Medway and of course with the cooperation and "
        "help and support of public sector partners."
    ),
    (
        "Mr Birkby, the Deputy Leader of the UKIP Group (addressing the meeting on behalf of the "
        "Leader of the Opposition), stated that Mr Latchford had attended the Budget press launch "
        "and has said that it was a good PR exercise but was dependant upon the government grant "
        "settlement. He referred to the Budget consultation and expressed the view that the "
        "questionnaire had too many leading questions, and in some cases was not comparing like "
        "with like. He acknowledged the financial difficulties around the funding for adult "
        "social care."
    ),
    (
        "Mr Birkby expressed the view that devolution in England was the most effective way of "
        "creating jobs, strengthening healthy communities, building homes and having the ability "
        "to protect the vulnerable. He emphasised that there should not be a one size fits all "
        "solution and that a fair allocation of funding should follow the devolution of powers, "
        "the detail would need to be looked at very carefully."
    ),
    (
        "Mr Birkby welcomed the Sevenoaks grammar school annex. He stated that support for "
        "grammar schools was a UKIP manifesto commitment and he congratulated Cabinet Members and "
        "officers for their work to achieve this result."
    ),
    (
        "Mr Birkby referred to the Commissioning Advisory Board, and stated that he had gained a "
        "lot of knowledge from being a member of the Select Committee on Commissioning. He "
        "welcomed the Leader's decision to retain the Board, which enabled members to be involved "
        "in this area of the County Council's business."
    ),
    (
        "Mr Cowan, Leader of the Labour Group, referred to the current budget situation and the "
        "promises made by the Chancellor of the Exchequer in 2010 and the difficult financial "
        "pressures on the County Council. He welcomed the statement made by Mr Simmonds at the "
        "launch of the budget consultation that KCC had reached the stage where difficult "
        "decisions would have to be considered regarding the potential reduction, restriction of "
        "access and the cessation of some front line services. He referred to the 2015/16 budget "
        "review presented to Cabinet which showed an underlying over-spend of £12.958 million, "
        "which illustrated the challenge of reaching a balanced budget this year. He mentioned "
        "the awaited outcome of the Comprehensive Spending Review which was due on 25 November "
        "and the subsequent provisional settlement. He stated that his Group would keep uppermost "
        "in their minds how it affected those of middle and lower incomes."
    ),
    (
        "Mr Cowan expressed disappointment that the government did not welcome Kent's cross party "
        "call to reform the South-East Local Enterprise Partnership (LEP) and asked the Leader a "
        "series of questions relating to this situation."
    ),
    (
        "Mr Cowan referred to the Commissioning Advisory Board and stated that, as a member of "
        "the Select Committee on Commissioning, he was pleased that it was going to continue its "
        "work. He mentioned his groups stance on making sure that the County Council retained "
        "control of a minimum of 51% of the services commissioned out. He stated that the "
        "information that Members had been given had been very much valued and they had learned a "
        "lot about the role of commissioning authorities."
    ),
    (
        "In relation to grammar schools, Mr Cowan questioned why the Weald of Kent annexe was "
        "being provided in Sevenoaks and not on the Weald of Kent site."
    ),
    (
        "Mrs Dean, Leader of the Liberal Democrat Group, referred to the social care budget, the "
        "cuts to the welfare benefits system and the negative impact that these would have on the "
        "vulnerable."
    ),
    (
        "In relation to asylum she agreed with the Leader that a national dispersal system had to "
        "be put in place. She referred to what the breakdown of the 20,000 refugees would mean "
        "for each district, for example in Tonbridge and Malling it would mean 8 per year, and "
        "for Kent it would mean 400 over the five year period. This gave a more local context to "
        "inform a sensible debate."
    ),
    (
        "In terms of devolution, Mrs Dean referred to government statements on intervention to "
        "determine fracking applications centrally in certain circumstances, the suggestion that "
        "the regional growth fund may be withdrawn, the possibility of government establishing a "
        "national infrastructure framework and consideration of the merging of 89 local authority "
        "pension funds to ensure their investment in infrastructure."
    ),
    (
        "Regarding the budget, Mrs Dean expressed the view that what had happened recently in "
        "terms of commissioning had convinced her that the County Council needed to be looking at "
        "smaller packages of contracts, in order to increase the number of potential bidders."
    ),
    (
        "Mr Whybrow, Leader of the Independents Group, stated that he was very pleased that the "
        "Commissioning Advisory Board would be continuing. The work done by Members of that Board "
        "had been exceptional. He expressed the view that the County Council was getting better "
        "at commissioning and he hoped that staff could now proceed to a period of calm following "
        "the decision to keep the back office in house."
    ),
    (
        "Referring to Mr Carter's update on devolution, Mr Whybrow stated that he was cynical "
        "particularly in relation to Councils retaining business rate income, based on the "
        "introduction of the living wage combined with cutting working tax credits. Mr Whybrow "
        "also referred to the scope for inequality within the devolution agenda particularly in "
        "relation to business rates. The Local Government Chronicle had estimated that the south "
        "east needed to retain 62% of its business rates to be self-sufficient but the comparable "
        "figure for the north east was £131%."
    ),
    (
        "In relation to the budget, Mr Whybrow referred to the Spending Review and Autumn "
        "Statement announcement due on 25 November 2015 and Kent's net projected over-spend of "
        "£14.6m which demonstrated the struggle that the County Council was having to cope within "
        "its current budget."
    ),
    (
        "In replying to the other Leaders comments, Mr Carter referred to the grammar school "
        "issue and expressed the intention to seek the establishment of a Select Committee to "
        "look at increasing social mobility into grammar schools to be chaired by Mrs Whittle. He "
        "referred to the major role that primary schools should play in making sure that young "
        "people with the potential for a grammar school education, irrespective of class or "
        "background, got the support that they needed to go to a school that matched their "
        "academic ability. He hoped that the opposition groups would take part in this piece of "
        "work."
    ),
    (
        "Regarding the budget consultation, he stated that it was still not known whether Kent "
        "would be funded for the additionality of the living wage and the pressures in social "
        "care. The spending review would either be a disappointment or an opportunity to address "
        "those massive challenges. If funding was not made available then some unpleasant "
        "decisions would need to be made in the diminishing of services currently enjoyed by Kent "
        "residents. The percentage of local government budgets being spent on children's services "
        "and adult social care was becoming an increasingly large proportion of the totality of "
        "local government budgets. He hoped that the spending review would address these "
        "concerns."
    ),
    (
        "In relation to devolution, he stated that Mr Cowan's questions about a LEP devolving to "
        "Kent and Medway out of the South East LEP was appropriate to the devolution debate. "
        "There had not been a formal explanation as to why the break-up of the South East LEP was "
        "not going ahead. However, there was now a real federation where Kent and Medway could "
        "arrive at their own priorities and decisions for the vast amount of funding streams that "
        "flow through the LEP."
    ),
    (
        "Mr Carter mentioned Mr Cowan's reference to the savings that this authority had "
        "delivered over the past 5 years. Mr Carter stated that although the challenges ahead "
        "would increase he hoped that there would be some redress for those growing issues in "
        "social care budgets across the county."
    ),
    (
        "In response to a point of clarification from Mrs Dean relating to the reinstatement of "
        "free school transport to grammar schools, Mr Carter stated that he believed that the "
        "withdrawal of free school transport to grammar schools had been the right decision due "
        "to equity and affordability issues, and put £8m into the universal young people's travel "
        "pass."
    ),
    "The County Council noted the Leader's oral report.",
]

MINUTE_40 = (  # 002:167
    "In accordance with Procedure Rule 1.17(4), three questions were put and the answers given "
    "at the meeting. These are available online with the papers for this meeting."
)

MINUTES_17_SEPTEMBER_APPROVED = (  # 002:101
    "RESOLVED that the minutes of the meeting held on 17 September 2015 be approved as a "
    "correct record subject to the word “Residents” being replaced by “Refugee” in the last "
    "sentence in minute 30, paragraph (17)."
)

SYRIA_MOTION = (  # 002:235–239
    "The County Council is asked to comment on the report and endorse:\n\n"
    "(a) The proposal to support those districts that wish to take part in the Syrian "
    "Vulnerable Persons Relocation Scheme with the caveats outlined in section 7 of the report "
    "and\n\n"
    "(b) The continuing efforts to persuade Government to develop a sustainable national "
    "dispersal scheme for unaccompanied asylum seeking children."
)
SYRIA_RESOLUTION = [  # 002:243–245
    "the comments on the report be noted, and",
    "the proposal to support those districts that wish to take part in the Syrian Vulnerable "
    "Persons Relocation Scheme, with the caveats outlined in section 7 of the report, and the "
    "continuing efforts to persuade Government to develop a sustainable national dispersal "
    "scheme for unaccompanied asylum seeking children be endorsed.",
]
SCHOOL_MEALS_RESOLUTION = [  # 002:291–293
    "this Council supports the Universal Infant Free School Meals initiative brought in by the "
    "last Coalition Government, and welcomes the news that, despite earlier reports, funding "
    "for such a vital scheme will not after all be cut in the Spending Review to be announced "
    "on the 25th of November 2015 and recognises the importance of the initiative, which "
    "education professionals affirm is helping so many young Kent children to be more focused "
    "in their learning, is giving them a nutritious and healthy meal each day, and has avoided "
    "the stigma of means testing and at this time when there continues to be uncertainty about "
    "where the significant cuts to Government funding will fall, and",
    "the Chairman write to the Prime Minister stating how valuable this scheme has been for "
    "the young children and families of Kent.",
]

CLOSURE_FOR = (  # 002:261
    "Mrs A Allen, Mr M Angell, Mr M Balfour, Mr N Bond, Mr A Bowles, Mr D Brazier, Mr R "
    "Brookbank, Mr L Burgess, Mr C Caller, Miss S Carey, Mr P Carter, Mr N Chard, Mrs P "
    "Cole, Mr G Cooke, Mr G Cowan, Mrs M Crabtree, Mr A Crowther, Mr D Daley, Mr M Dance, "
    "Mr J Davies, Mrs T Dean, Dr M Eddy, Mr T Gates, Mr G Gibbens, Mr R Gough, Mr P Harman,"
    " Ms A Harrison, Mr M Harrison, Mr M Hill, Mr C Hoare, Mrs S Hohler, Mr S Holden, Mr P "
    "Homewood, Ms S Howes, Mr J Kite, Mr R Long, Mr G Lymer, Mr T Maddison, Mr S Manion, Mr"
    " A Marsh, Mr F McKenna, Mr B Neaves, Mr M Northey, Mr P Oakford, Mr J Ozog, Mr R "
    "Parry, Mr L Ridings, Mrs E Rowbotham, Mr J Scholes, Mr W Scobie, Mr T Shonk, Mr C "
    "Simkins, Mr J Simmonds, Mr C Smith, Mr D Smyth, Mrs P Stockell, Mr B Sweetland, Mr A "
    "Terry, Mr N Thandi, Mrs C Waters, Mrs J Whittle, Mr M Whybrow, Mr A Wickham, Mrs Z "
    "Wiltshire"
)
CLOSURE_AGAINST = (  # 002:265
    "Mr R Bird, Mr B Clark, Mr M Vye, Mr J Wedgbury,"
)
CLOSURE_ABSTAIN = (  # 002:271
    "Mr H Birkby, Mr J Elenor, Mrs M Elenor, Mr M Heale,"
)
MOTION_FOR = (  # 002:279
    "Mrs A Allen, Mr M Angell, Mr M Balfour, Mr R Bird, Mr N Bond, Mr D Brazier, Mr R "
    "Brookbank, Mr L Burgess, Mr C Caller, Miss S Carey, Mr P Carter, Mr N Chard, Mr B "
    "Clark, Mrs P Cole, Mr G Cooke, Mr G Cowan, Mrs M Crabtree, Mr A Crowther, Mr D Daley, "
    "Mr M Dance, Mr J Davies, Mrs T Dean, Dr M Eddy, Mr T Gates, Mr G Gibbens, Mr R Gough, "
    "Mr P Harman, Ms A Harrison, Mr M Hill, Mr C Hoare, Mrs S Hohler, Ms S Howes, Mr J "
    "Kite, Mr R Long, Mr G Lymer, Mr T Maddison, Mr S Manion, Mr A Marsh, Mr F McKenna, Mr "
    "B Neaves, Mr M Northey, Mr P Oakford, Mr J Ozog, Mr R Parry, Mr L Ridings, Mrs E "
    "Rowbotham, Mr J Scholes, Mr W Scobie, Mr T Shonk, Mr C Simkins, Mr J Simmonds, Mr D "
    "Smyth, Mrs P Stockell, Mr B Sweetland, Mr A Terry, Mr N Thandi, Mr M Vye, Mrs C "
    "Waters, Mrs J Whittle, Mr M Whybrow, Mr A Wickham, Mrs Z Wiltshire"
)
MOTION_AGAINST = (  # 002:283
    "Mr A Bowles, Mr J Elenor, Mrs M Elenor,"
)
MOTION_ABSTAIN = (  # 002:287
    "Mr H Birkby"
)
