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
NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions billion billions trillion trillions dozen
    dozens half quarter third twice double triple percent per cent""".split()
)
REPORTING_VERBS = frozenset(
    """said says say told tells wrote writes added adds announced announces claimed claims stated
    states argued argues insisted insists vowed vows warned warns noted notes explained explains
    asserted asserts declared declares confirmed confirms denied denies tweeted tweets posted posts
    reported reports testified testifies acknowledged acknowledges admitted admits suggested
    suggests replied replies responded responds estimated estimates predicted predicts promised
    promises alleged alleges maintained maintains contended contends""".split()
)
COMPARATIVES = frozenset(
    """more less fewer most least highest lowest largest smallest biggest greatest worst best
    higher lower larger smaller bigger greater worse better record first only never always every
    increase increased increases decrease decreased decreases doubled tripled halved rose fell
    grew dropped declined surged soared plunged""".split()
)
CAUSAL = frozenset(
    """because cause caused causes causing due result resulted results led leads consequence
    therefore thus hence blame blamed responsible""".split()
)
OPINION = frozenset(
    """think believe feel hope wish should must ought love hate great terrible wonderful awful
    amazing horrible disgrace disgraceful ridiculous shameful beautiful incredible fantastic sad
    unfortunately hopefully frankly honestly clearly obviously welp wow""".split()
)
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
