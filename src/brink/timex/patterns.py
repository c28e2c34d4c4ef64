"""The tagger's rules as regular expressions, compiled into one alternation.

Each rule is a named alternative; groups inside a rule are renamed `<rule>__<group>` so that one
`finditer` over a document finds every expression (leftmost match first; at one position the
first rule listed that matches wins, so longer and more specific rules come first).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import Lexicon, lexicon

_GROUP = re.compile(r"\(\?P<([a-z0-9_]+)>")


def fragments(lex: Lexicon) -> dict[str, str]:
    f: dict[str, str] = {}
    f["M"] = lex.month_re()
    full = sorted(lex.month_full, key=len, reverse=True)
    f["MFULL"] = "(?:" + "|".join(f"{n.capitalize()}|{n.upper()}" for n in full) + ")"
    f["WDA"] = lex.weekday_re()
    f["WD"] = lex.weekday_re(full_only=True)
    f["D"] = r"(?:3[01]|[12]\d|0?[1-9])(?![\d:])"
    f["ORD"] = r"(?:st|nd|rd|th)"
    f["Y"] = r"(?:1[6-9]\d\d|20\d\d)(?![\d])"
    f["NUM"] = lex.number_re()
    f["UNIT"] = lex.unit_re()
    f["ORDW"] = lex.ordinal_re()
    f["HOL"] = lex.holiday_re()
    f["MOD"] = (
        r"(?:(?P<mod>(?i:early|earlier|late|later|mid|the\s+(?:end|beginning|start|middle|rest"
        r"|remainder)\s+of))(?:\s+|-))?"
    )
    f["AMPM"] = r"(?:[ap]\.m\.|[ap]\.m(?![a-z])|[ap]m(?![a-z])|[AP]M(?![A-Za-z])|[AP]\.M\.)"
    f["TZ"] = (
        r"(?:\s*\(?(?P<tz>[ECMP][SD]?T|GMT|UTC|BST|CES?T|EES?T|MSK|JST|KST|AES?T|AEDT|IST)\)?"
        r"(?![A-Za-z])|\s+local\s+time|\s+[A-Z][a-z]+\s+time(?![a-z]))?"
    )
    f["PART"] = r"(?i:morning|afternoon|evening|night)"
    return f


def rules(lex: Lexicon) -> list[tuple[str, str]]:
    """(name, pattern) in priority order; `{X}` placeholders are filled from `fragments`."""
    raw = [
        (
            "iso",
            r"(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
            r"(?:(?:T|\s+)(?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?"
            r"(?:Z|[+-]\d\d:?\d\d)?)?(?![\d-])",
        ),
        (
            "slash",
            r"(?<![\d/.])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/"
            r"(?P<y>\d{4}|\d{2})(?![\d/])",
        ),
        (
            "time",
            r"(?<![\d.,:$£€])(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>{AMPM})"
            r"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?![\d:])"
            r"|(?P<mil>[01]\d|2[0-3])(?P<milm>[0-5]\d)\s*(?=GMT|UTC|hours|hrs)(?:hours|hrs)?"
            r"|(?P<noon>(?i:noon|midday|midnight))){TZ}",
        ),
        (
            "range_md",
            r"(?:(?P<wd>{WDA}),?\s+)?(?P<m>{M})\s+(?P<d1>{D}){ORD}?"
            r"(?P<sep>\s*[-–—]\s*|\s+(?:to|and|through|until|till|or)\s+)"
            r"(?:(?P<m2>{M})\s+)?(?P<d2>{D}){ORD}?(?:,?\s+(?P<y>{Y}))?",
        ),
        (
            "range_dm",
            r"(?<![\d.,:$£€-])(?P<d1>{D}){ORD}?"
            r"(?P<sep>\s*[-–—]\s*|\s+(?:to|and|through|until|or)\s+)"
            r"(?P<d2>{D}){ORD}?\s+(?:of\s+)?(?P<m>{M})(?!\w)(?:,?\s+(?P<y>{Y}))?",
        ),
        ("mdy", r"(?:(?P<wd>{WDA}),?\s+)?(?P<m>{M})\s+(?P<d>{D}){ORD}?(?:,?\s+(?P<y>{Y}))?"),
        (
            "dmy",
            r"(?:(?P<wd>{WDA}),?\s+)?(?P<the>[Tt]he\s+)?(?<![\d.,:$£€-])(?P<d>{D})"
            r"(?P<ord>{ORD})?\s+(?:of\s+)?(?P<m>{M})(?!\w)(?:,?\s+(?P<y>{Y}))?",
        ),
        ("my", r"{MOD}(?P<m>{M})(?:\s+of)?,?\s+(?P<y>{Y})"),
        (
            "fiscal",
            r"(?i:fiscal)\s+(?:(?i:year)\s+)?(?P<y>{Y}|['’]?\d{2}(?!\d))"
            r"|FY\s?-?(?P<y2>\d{4}|\d{2})(?!\d)"
            r"|(?:[Tt]he\s+)?(?P<y3>{Y})\s+(?i:fiscal\s+year)",
        ),
        (
            "decade",
            r"(?:(?P<the>[Tt]he)\s+)?(?:(?P<dmod>early|mid|late)(?:\s+|-))?"
            r"(?:(?P<dec>(?:1[6-9]|20)\d)0s|(?<=[Tt]he\s)['’]?(?P<d2>\d)0s|['’](?P<d3>\d)0s)",
        ),
        (
            "century",
            r"(?:[Tt]he\s+)?(?:(?P<cmod>early|mid|late)(?:\s+|-))?"
            r"(?P<n>{ORDW}|\d{1,2}(?:st|nd|rd|th))[\s-]+(?i:century)",
        ),
        (
            "quarter",
            r"(?:(?P<the>[Tt]he)\s+)?(?:(?P<ord>first|second|third|fourth|final|last|1st"
            r"|2nd|3rd|4th)|(?P<rel>this|next|previous|current|coming))[\s-]+quarter"
            r"(?:\s+of\s+(?:(?P<y>{Y})|(?P<yrel>this|last|next|the)\s+year))?"
            r"|(?P<q>Q[1-4])(?:\s*(?P<qy>{Y})|\s*['’]?(?P<qyy>\d{2})(?!\d))?"
            r"|(?P<qy0>{Y})\s+(?P<q0>Q[1-4])",
        ),
        (
            "half",
            r"(?:[Tt]he\s+)?(?P<h>first|second|1st|2nd|latter)\s+half\s+of\s+"
            r"(?:(?P<y>{Y})|(?P<yrel>this|last|next|the)\s+year)|H(?P<h2>[12])\s+(?P<y2>{Y})",
        ),
        (
            "holiday",
            r"(?:(?P<rel>this|last|next)\s+(?:year['’]s\s+)?)?(?P<name>{HOL})"
            r"(?:\s+(?P<y>{Y}))?",
        ),
        (
            "season",
            r"{MOD}(?:(?P<the>[Tt]he)\s+)?(?:(?P<rel>(?i:this|last|next|past|coming))\s+)?"
            r"(?P<s>(?i:spring|summer|autumn|fall|winter))(?:['’]s)?(?:,?\s+(?:of\s+)?(?P<y>{Y}))?",
        ),
        (
            "rel_day",
            r"(?:(?P<mod>(?i:earlier|later|early|late))\s+)?"
            r"(?:(?P<w>(?i:today|tonight|yesterday|tomorrow))(?:['’]s)?(?:\s+(?P<part>{PART}))?"
            r"|(?P<dby>(?i:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)))"
            r"|(?P<tp>(?i:this|last))\s+(?P<part2>{PART}))",
        ),
        ("ago", r"(?:(?P<n>{NUM})(?:\s+|-))?(?P<u>{UNIT})\s+(?P<dir>(?i:ago|from\s+now))"),
        (
            "rel_n",
            r"(?i:the|these)\s+(?P<dir>(?i:past|last|next|coming|previous|following|first"
            r"|final|remaining))\s+(?:(?P<n>{NUM})[\s-]+)?(?P<u>{UNIT})(?!['’]s)",
        ),
        (
            "period_end",
            r"(?P<mod>(?i:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+the))\s+"
            r"(?P<u>(?i:year|month|week))|(?P<ye>(?i:year['’]s\s+end|year-end|month['’]s\s+end))",
        ),
        (
            "rel_unit",
            r"{MOD}(?:(?P<the>[Tt]he)\s+)?(?P<rel>(?i:this|last|next|past|previous"
            r"|coming|current))\s+(?P<u>(?i:week|weekend|month|year|decade|century))(?:['’]s)?",
        ),
        ("the_weekend", r"(?P<the>[Tt]he)\s+weekend(?:['’]s)?"),
        (
            "recent",
            r"(?i:recent\s+(?P<u>days|weeks|months|years|decades)"
            r"|(?P<u2>days|weeks|months|years)\s+(?:ahead|to\s+come))",
        ),
        (
            "ref",
            r"(?i:the\s+(?P<past>past)|the\s+(?P<fut>future)|in\s+(?P<fut2>future))"
            r"|(?P<now>(?i:right\s+now|now|currently|nowadays|presently|at\s+present|these\s+days"
            r"|at\s+the\s+moment|recently|lately))(?!-)",
        ),
        (
            "set",
            r"(?i:(?P<every>every|each)\s+(?:(?P<other>other)\s+|(?P<n>{NUM})\s+)?"
            r"(?:(?P<u>{UNIT})|(?P<wd>{WD}))"
            r"|(?P<times>once|twice|thrice|(?:{NUM})\s+times)\s+(?:a|per|each|every)\s+(?P<u2>{UNIT}))"
            r"|(?P<adv>daily|weekly|monthly|yearly|annually|annual|quarterly|hourly|nightly"
            r"|biweekly|biennial)",
        ),
        (
            "weekday",
            r"{MOD}(?:(?P<rel>(?i:this\s+past|this|last|next|past|coming))\s+)?"
            r"(?P<wd>{WD})(?P<pl>s)?(?:['’]s)?(?:\s+(?P<part>{PART}))?",
        ),
        (
            "month",
            r"{MOD}(?:(?P<rel>(?i:this|last|next|past|coming))\s+)?(?P<m>{MFULL})"
            r"(?:['’]s)?(?!\s*\d)",
        ),
        (
            "year_range",
            r"(?<![\d.,:$£€#/-])(?P<y1>{Y})\s*(?:[-–—]|\s+to\s+)\s*"
            r"(?P<y2>{Y}|\d{2}(?!\d))",
        ),
        ("year", r"(?<![\d.,:$£€#/-]){MOD}(?P<the>[Tt]he\s+year\s+)?(?P<y>{Y})(?:['’]s)?"),
        (
            "for_bare",
            r"(?i:for|over|in|within)\s+(?P<u>(?i:years|months|weeks|days|decades|hours"
            r"|centuries))(?!\s+(?:of|ago|before|after|earlier|later))",
        ),
        (
            "duration",
            r"(?<![\d.,:$£€#-])(?P<n>{NUM})(?:\s+|-)(?P<u>{UNIT})(?P<long>-long)?"
            r"(?!-old|\s+old)",
        ),
    ]
    frag = fragments(lex)
    out = []
    for name, pat in raw:
        for k in sorted(frag, key=len, reverse=True):
            pat = pat.replace("{" + k + "}", frag[k])
        out.append((name, pat))
    return out


def first_words(lex: Lexicon) -> dict[str, frozenset[str]]:
    """For each rule, the lower-cased first tokens a match of it can begin with.

    A token is a run of letters or of digits; "#" stands for any digits and "'" for an
    apostrophe ("'90s"). The tagger tries at a word only the rules that can start with it.
    """
    mod = {"early", "earlier", "late", "later", "mid", "the"}
    rel = {"this", "last", "next", "past", "coming"}
    wd_all = set(lex.weekdays)
    wd_full = set(lex.weekday_full)
    mo_all = set(lex.months)
    mo_full = set(lex.month_full)
    num = {w.split()[0] for w in lex.numbers} | {"half"}
    ords = {w.split("-")[0] for w in lex.ordinals}
    hol = {re.findall(r"[a-z]+", h)[0] for h in lex.holidays}
    units = set(lex.units)
    d = {
        "iso": {"#"},
        "slash": {"#"},
        "time": {"#", "noon", "midday", "midnight"},
        "range_md": wd_all | mo_all,
        "range_dm": {"#"},
        "mdy": wd_all | mo_all,
        "dmy": wd_all | {"the", "#"},
        "my": mod | mo_all,
        "fiscal": {"fiscal", "fy", "the", "#"},
        "decade": {"the", "early", "mid", "late", "#", "'"},
        "century": {"the", "early", "mid", "late", "#"} | ords,
        "quarter": {
            "the",
            "first",
            "second",
            "third",
            "fourth",
            "final",
            "last",
            "this",
            "next",
            "previous",
            "current",
            "coming",
            "q",
            "#",
        },
        "half": {"the", "first", "second", "latter", "h", "#"},
        "holiday": {"this", "last", "next"} | hol,
        "season": mod | rel | set(lex.seasons),
        "rel_day": {
            "earlier",
            "later",
            "early",
            "late",
            "today",
            "tonight",
            "yesterday",
            "tomorrow",
            "the",
            "this",
            "last",
        },
        "ago": num | {"#"} | units,
        "rel_n": {"the", "these"},
        "period_end": {"the", "end", "beginning", "start", "middle", "year", "month"},
        "rel_unit": mod | rel | {"previous", "current"},
        "the_weekend": {"the"},
        "recent": {"recent", "days", "weeks", "months", "years"},
        "ref": {
            "the",
            "in",
            "right",
            "now",
            "currently",
            "nowadays",
            "presently",
            "at",
            "these",
            "recently",
            "lately",
        },
        "set": {
            "every",
            "each",
            "once",
            "twice",
            "thrice",
            "#",
            "daily",
            "weekly",
            "monthly",
            "yearly",
            "annually",
            "annual",
            "quarterly",
            "hourly",
            "nightly",
            "biweekly",
            "biennial",
        }
        | num,
        "weekday": mod | rel | wd_full | {w + "s" for w in wd_full},
        "month": mod | rel | mo_full,
        "year_range": {"#"},
        "year": mod | {"#"},
        "for_bare": {"for", "over", "in", "within"},
        "duration": num | {"#"},
    }
    return {k: frozenset(v) for k, v in d.items()}


_WRAP = r"(?<![\w'’])(?:{})(?![\w])"


def _renamed(name: str, pat: str) -> str:
    return f"(?P<{name}>" + _GROUP.sub(lambda m: f"(?P<{name}__{m.group(1)}>", pat) + ")"


@lru_cache(maxsize=1)
def master() -> tuple[re.Pattern[str], dict[str, list[tuple[str, str]]]]:
    """The compiled alternation of all rules, and for each rule its (renamed, own) group names."""
    rs = rules(lexicon())
    groups = {name: [(f"{name}__{g}", g) for g in _GROUP.findall(pat)] for name, pat in rs}
    big = _WRAP.format("|".join(_renamed(name, pat) for name, pat in rs))
    return re.compile(big), groups


@lru_cache(maxsize=1)
def dispatch() -> dict[str, re.Pattern[str]]:
    """First token -> the alternation of just the rules that can start with it (same order)."""
    lex = lexicon()
    rs = rules(lex)
    firsts = first_words(lex)
    by_token: dict[str, list[str]] = {}
    for name, _ in rs:
        for tok in firsts[name]:
            by_token.setdefault(tok, []).append(name)
    pats = dict(rs)
    compiled: dict[tuple[str, ...], re.Pattern[str]] = {}
    out = {}
    for tok, names in by_token.items():
        key = tuple(names)
        if key not in compiled:
            compiled[key] = re.compile(_WRAP.format("|".join(_renamed(n, pats[n]) for n in key)))
        out[tok] = compiled[key]
    return out


_EXTRA_TRIGGERS = """today tonight yesterday tomorrow now currently nowadays presently present
moment recently lately past future noon morning afternoon evening midday midnight weekend quarter
century fiscal daily weekly monthly yearly annually annual quarterly hourly nightly biweekly
biennial""".split()


@lru_cache(maxsize=1)
def triggers() -> frozenset[str]:
    """Lower-cased words (3+ letters) of which every expression contains one (or a digit)."""
    lex = lexicon()
    words = set(lex.months) | set(lex.weekdays) | set(lex.units) | set(lex.seasons)
    words |= set(_EXTRA_TRIGGERS)
    words |= {w + "s" for w in lex.weekdays}  # "on Mondays"
    for name in lex.holidays:
        for w in re.findall(r"[a-z]{3,}", name.replace("'s", "")):
            words.add(w)
    return frozenset(w for w in words if len(w) >= 3)
