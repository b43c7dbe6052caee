"""Word lists shared by the sentence splitter, the scorer and speaker attribution."""

from __future__ import annotations

# Titles, always followed by a name: a full stop after them never ends a sentence. Written
# capitalised ("Dr.", "St."); lower-case "ft." or "col." is an ordinary word or unit.
TITLE_ABBREVIATIONS = frozenset(
    """mr mrs ms messrs mme dr prof sen sens rep reps gov lt col gen maj capt cpt sgt cmdr adm brig
    cdr pvt cpl rev fr hon pres supt det insp atty amb st ste mt ft""".split()
)
# Abbreviations that may also end a sentence ("... of Apple Inc. The company ...").
AMBIGUOUS_ABBREVIATIONS = frozenset(
    """inc corp ltd co llc plc bros assn dept univ etc vs al ave blvd rd hwy approx est
    ca cf ed eds govt intl natl jr sr""".split()
)
# Months, weekdays and US states in news style: abbreviations only when capitalised ("Sat." but
# "the dog sat."); they may end a sentence too ("... in Seattle, Wash. The ...").
CAPITALISED_ABBREVIATIONS = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat
    sun ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn vt va wash wis wyo""".split()
)
# Abbreviations only before a number ("No. 3", "Vol. 2", "c. 1818"); elsewhere they are words
# ("No, no. Forget it.") or acronyms ("11:59 p.m. PT. Explaining ...").
NUMBER_ABBREVIATIONS = frozenset("no nos vol vols pp p fig figs art sec ch pt para op c ca".split())
TIME_ZONES = frozenset(
    """PT PST PDT ET EST EDT CT CST CDT MT MST MDT AKST HST GMT UTC BST CET CEST IST JST AEST AEDT
    WAT EAT SAST""".split()
)
SENTENCE_STARTERS = frozenset(
    """A An The This That These Those There Their They Them Then He She It Its His Her Hers We Our
    Us I You Your My Mine Me In On At By For From With Without Within After Before During Since
    Until When While Where Why How What Which Who Whom Whose If As Although Though Because But And
    Or Nor So Yet Still Also However Meanwhile Moreover Nevertheless Instead Indeed Later Earlier
    Today Yesterday Tomorrow Now Last Next Some Many Most Much Few All Both Each Every Other Others
    No Not None Nobody Nothing One Two Three Four Five Six Seven Eight Nine Ten According Asked
    Despite Under Over About Among Between Through Following Officials Police Critics Experts
    Researchers Analysts""".split()
)

MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
REPORTING_VERBS = frozenset(
    """said says say told tells wrote writes added adds announced announces claimed claims stated
    states argued argues insisted insists vowed vows warned warns noted notes explained explains
    asserted asserts declared declares confirmed confirms denied denies tweeted tweets posted posts
    reported reports testified testifies acknowledged acknowledges admitted admits suggested
    suggests replied replies responded responds estimated estimates predicted predicts promised
    promises alleged alleges maintained maintains contended contends asked asks boasted boasts
    touted touts proclaimed proclaims charged charges accused accuses hinted hints recalled recalls
    remarked remarks complained complains bragged brags joked jokes quipped quips repeated repeats
    commented comments countered counters""".split()
)
# "X defended the plan, arguing that ...": a clause that goes on to say what the subject holds.
SAYING_VERBS = frozenset("saying adding arguing claiming writing noting declaring".split())
# Cues of the check-worthiness features (features.py). Each list is one feature, so each can be
# weighed on its own and named in a reason.
COMPARATIVES = frozenset(
    """more less fewer most least highest lowest largest smallest biggest greatest worst best
    higher lower larger smaller bigger greater worse better fastest slowest richest poorest oldest
    youngest longest shortest strongest weakest than record first only""".split()
)
TRENDS = frozenset(
    """increase increased increases increasing decrease decreased decreases decreasing double
    doubled tripled quadrupled halved rise rose risen rising fall fell fallen falling grow grew
    grown growing growth drop dropped dropping decline declined declining surge surged soar soared
    plunge plunged jump jumped climb climbed shrink shrank cut cuts slash slashed reduce reduced
    reducing boost boosted""".split()
)
CAUSAL = frozenset(
    """because cause caused causes causing due result resulted results led leads consequence
    therefore thus hence blame blamed responsible""".split()
)
# A public record that can be looked up: votes, laws, budgets, appointments.
RECORD_VERBS = frozenset(
    """vote voted votes voting supported opposed sponsored cosponsored signed vetoed passed enacted
    introduced repealed appointed nominated funded ratified approved rejected authorized
    legislation bill bills law laws amendment treaty""".split()
)
# Past events in the simple past: what happened can be checked, what will happen cannot yet.
PAST_VERBS = frozenset(
    """was were had did made took gave lost won paid spent sent built sold bought brought left got
    became began came went knew saw told found kept held met ran led fought wrote spoke stood
    died killed happened occurred created closed opened moved hired fired attacked invaded
    launched received raised added ended started served worked helped allowed refused failed
    tried used gone been done""".split()
)
# Subjects that are counted and published: the stuff statistics are made of.
MEASURABLE = frozenset(
    """jobs job unemployment unemployed employment wages wage income incomes salary salaries tax
    taxes taxpayers deficit deficits debt budget budgets spending economy inflation prices price
    cost costs rate rates gdp insurance insured uninsured medicare medicaid pension pensions
    poverty crime crimes murder murders homicides deaths casualties troops soldiers veterans
    weapons missiles nuclear oil gas energy emissions trade exports imports tariffs revenue
    revenues profit profits population students schools teachers households families workers
    immigrants refugees votes voters majority average total""".split()
)
BELIEFS = frozenset("think thinks believe believes feel feels hope hopes wish guess suppose doubt".split())
EVALUATIVE = frozenset(
    """love hate great terrible wonderful awful amazing horrible disgrace disgraceful ridiculous
    shameful beautiful incredible fantastic sad tremendous disaster disastrous outrageous wrong
    right fair unfair good bad evil proud sorry glad happy unfortunately hopefully frankly
    honestly clearly obviously welp wow""".split()
)
OBLIGATION = frozenset("should must ought need needs shall".split())
FUTURE = frozenset("will 'll gonna".split())
HEDGES = frozenset("would could might may maybe perhaps probably possibly likely unlikely seems if".split())
FIRST_SINGULAR = frozenset("i me my mine myself".split())
FIRST_PLURAL = frozenset("we us our ours ourselves".split())
THIRD_PERSON = frozenset("he she him her his hers they them their theirs".split())
# Intentions and proposals: what someone wants to do is not yet a fact.
PLANS = frozenset("want wants wanted plan plans propose proposes proposal proposals intend intends would-be".split())
SECOND_PERSON = frozenset("you your yours yourself yourselves".split())
COURTESY = frozenset("thank thanks please congratulations welcome applause laughter".split())
# Words that open a spoken turn rather than a statement ("Well, ...", "Look, ...").
OPENERS = frozenset("well look now so oh yes no okay ok listen see".split())
BOILERPLATE = (
    "subscribe",
    "sign up",
    "click here",
    "read more",
    "follow us",
    "all rights reserved",
    "copyright",
    "advertisement",
    "newsletter",
    "share this",
    "related:",
    "photo:",
    "image:",
)
PRONOUNS = frozenset("he she they it we i you".split())
# Words a post or a headline shouts in capitals ("BREAKING", "FALSE", "HOAX"): emphasis, not an
# acronym, like every opinion, comparison or trend word of the lists above written in capitals.
SHOUTED = frozenset(
    """breaking urgent alert warning exclusive update fake hoax false true lie lies share please
    never always must read watch stop wow huge total then also very just really still imho""".split()
)
# Words that can be a sentence's verb beyond the lists above: auxiliaries and modals, frequent
# verbs in their base form, and irregular past forms. A sentence with none of them (and none in
# -ed or -s, statements.py) is a fragment when it is short.
COMMON_VERBS = frozenset(
    """be is are am was were been being isn't aren't wasn't weren't ain't have has had having
    hasn't haven't hadn't do does did doing done don't doesn't didn't can could will would shall
    should may might must can't cannot couldn't won't wouldn't shouldn't mustn't
    go get make take give keep let put say see know think come want look use find tell ask work
    seem feel try leave call need become mean show hear play run move live believe hold bring
    happen write provide sit stand lose pay meet include continue set learn change lead understand
    watch follow stop create speak read allow add spend grow open walk win offer remember love
    consider appear buy wait serve die send expect build stay fall cut reach kill remain suggest
    raise pass sell require report decide pull cost owe own earn hire fire vote support oppose
    fund ban block end start begin fail receive save rank rate total exceed account claim deny
    admit agree respect represent define confirm test fear control lack face risk compete
    belong contain depend deserve exist matter prefer recognize reject remove replace return
    seek sign tend threaten treat turn vary prove protect prevent produce promise release rely
    shot struck caught broke sought sat cast oversaw thought bought taught brought fought hit
    quit spread fed fled felt dealt meant lent bent slept swept wept forgot forgave froze chose
    drove rode rose wore tore swore threw grew drew flew knew blew shook woke arose overcame
    undertook withdrew understood stole spoke bore beat bit hid slid stuck swung hung rang sang
    sank shrank drank began ran""".split()
)
