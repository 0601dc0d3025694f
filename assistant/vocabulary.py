"""Domain vocabulary: what users type → the words the documents use (for retrieval only).

Each entry maps a pattern in the user's words to the document's own phrasing, so that
"CERT", "power grid" or "fake news" find "computer emergency response teams",
"critical infrastructure" and "false or distorted news".
"""

from __future__ import annotations

import re

EXPANSIONS: tuple[tuple[str, str], ...] = (
    (r"\bicts?\b", "information and communications technologies ICT"),
    (r"\bcyber\w*", "ICT information security cyberspace cybersecurity"),
    (
        r"\b(?:cert|certs|csirt|csirts|cirt)\b",
        "computer emergency response teams cybersecurity incident response teams authorized emergency response teams",
    ),
    (r"\bincident response\b|\bemergency teams?\b", "authorized emergency response teams"),
    (r"\boewg\b|\bworking group\b", "open-ended working group"),
    (r"\bgge\b|\bexperts group\b", "group of governmental experts"),
    (
        r"\bpower (?:grid|plant|station)s?\b|\butilit(?:y|ies)\b|\bhospitals?\b|\bwater supply\b",
        "critical infrastructure services to the public",
    ),
    (r"\battack\w*|\bhack\w*|\bsabotag\w*", "malicious ICT activity damages"),
    (
        r"\bfake news\b|\bdisinformation\b|\bmisinformation\b|\bpropaganda\b",
        "false or distorted news hostile propaganda defamatory campaign",
    ),
    (r"\bback ?doors?\b|\bhidden features?\b|\bimplants?\b|\btrojans?\b", "harmful hidden functions"),
    (r"\bpriva\w+\b|\bsurveillance\b", "right to privacy in the digital age human rights"),
    (r"\bfree speech\b|\bcensorship\b", "freedom of expression human rights"),
    (r"\bbugs?\b|\bflaws?\b|\bzero[- ]days?\b|\bexploits?\b", "ICT vulnerabilities remedies"),
    (r"\bblam\w+|\bwho did it\b|\battribut\w*", "attribute attribution accusations substantiated"),
    (r"\bproxy|proxies|mercenar\w+|non-state\b", "proxies non-State actors"),
    (r"\bterror\w*|\bcrim\w*", "criminal terrorist purposes"),
    (r"\bsuppl(?:y|iers?)\b|\bvendors?\b", "supply chain integrity"),
    (r"\bcompanies\b|\bbusiness\w*|\bindustry\b|\bngos?\b|\bacademi\w+", "private sector civil society academia"),
    (r"\bmilitar\w+|\bweapon\w*|\bwarfare\b|\barms race\b", "military purposes future conflicts"),
    (r"\bbudget\w*|\bcost\w*|\bfinancial\b|\bmoney\b|\bfunding\b", "programme budget implications financial implications"),
    (r"\bcapacity\b|\btraining\b|\bassistance\b|\bhelp\b", "capacity-building assistance"),
    (r"\bconfidence\b|\btrust\b|\btransparen\w+", "confidence-building measures"),
    (r"\binternational law\b|\bcharter\b|\blegal\b", "international law Charter of the United Nations"),
    (r"\bsovereign\w*", "State sovereignty"),
    (r"\bmeet\w*\b|\bsessions?\b", "meeting session"),
    (r"\bfirst (?:time|meet\w*|gather\w*)\b|\bstart(?:s|ing)? (?:its )?work\b|\bkick.?off\b", "organizational session"),
    (
        r"\bfollow[- ]?up\b|\bmechanisms?\b|\bprocess\b|\bnext steps?\b|\bbod(?:y|ies)\b",
        "convene open-ended working group group of governmental experts to be established submit a report",
    ),
    (r"\breport(?:s|ing)? back\b|\bdeadline\b|\bdue\b", "submit a report seventy-fifth session seventy-sixth session"),
    (
        r"\bregional (?:bodies|organi[sz]ations|groups)\b|\bafrican union\b|\bosce\b|\boas\b|\basean\b",
        "regional organizations African Union European Union Organization of American States",
    ),
    (r"\bnorth korea\b|\bdprk\b", "Democratic People's Republic of Korea"),
    (r"\brussia\b", "Russian Federation"),
    (r"\b(?:us|usa|america)\b", "United States of America"),
    (r"\brapporteur\b", "Rapporteur"),
    (r"\bagenda\b", "agenda item"),
    (r"\bun chief\b|\bsecretary[- ]general\b|\bun head\b|\bhead of the un\b", "Secretary-General"),
    (r"\bopinions?\b|\bviews?\b|\bthoughts\b|\bfeedback\b", "views and assessments inform"),
    (r"\boutside groups?\b|\bhackers?\b|\bcontractors?\b|\bgroups acting\b|\bcriminal groups?\b", "proxies non-State actors territory"),
    (r"\buniversit\w+|\bthink tanks?\b|\bscholars?\b", "academia non-governmental organizations business"),
    (r"\bchang\w+|\bamend\w*|\bupdat\w+|\brevis\w+", "introduce changes elaborate additional rules"),
    (
        r"\bmandate\b|\btask\w*|\bjob\b|\bwhat will (?:it|the group) do\b|\b(?:supposed|meant|expected) to do\b"
        r"|\bpurpose of the (?:group|body)\b",
        "continue to study with a view to promoting common understandings further develop",
    ),
    (
        r"\bhave (?:their|a) say\b|\bparticipat\w+|\binclusiv\w+|\bnot (?:in|members of|part of) the\b",
        "open-ended consultative meetings all Member States share their views",
    ),
    (r"\btake part\b|\bjoin\b", "participation"),
    # a UN body's membership: open-ended (every Member State) or a group chosen on equitable geographical distribution
    (
        r"\bmembers?hip\b|\bwho (?:can|may|could) (?:take part|join|be a member)\b|\bopen to\b",
        "open-ended equitable geographical distribution",
    ),
    # where a text's content comes from: the reports and resolutions it says it is drawn from
    (
        r"\bcomes? from\b|\borigin\w*|\bsources?\b|\bderived?\b|\bbased on\b",
        "contained in the reports adopted by consensus recommended in resolution",
    ),
    (r"\bpast\b|\bprevious\b|\bearlier\b|\bprior\b|\bhow far back\b", "Recalling its resolutions decision"),
    (
        r"\breport\w* (?:back|to)\b|\bwhen .*\breport\b|\bdeliver\w*"
        r"|\b(?:which|what) session\b.*(?<!this )\breport|(?<!this )\breport\b.*\b(?:which|what) session\b",
        "submit a report on the results of the study to the General Assembly at its session",
    ),
    (r"\bsymbols?\b|\bdocument numbers?\b|\bwhich document\b|\bofficial records\b|\bpublished\b|\bwhere can i find\b", "footnote see"),
    (
        r"\bdate of (?:the|this) report\b|\bwhen was (?:the|this) report\b|\bissued\b|\bwhich session\b|\bagenda item\b",
        "Distr. General Original session Agenda item",
    ),
    (r"\brecommend\w*", "recommends adoption"),
    (r"\bun\b|\bu\.n\.", "United Nations"),
    (r"\bhrc\b", "Human Rights Council"),
    (r"\bau\b", "African Union"),
)
_COMPILED = tuple((re.compile(p, re.I), words) for p, words in EXPANSIONS)

# acronyms of the bodies the documents name only in full; a sentence embedder does not know them either
SPELLED_OUT: tuple[tuple[str, str], ...] = (
    (r"\bgges?\b", "Group of Governmental Experts"),
    (r"\boewgs?\b", "open-ended working group"),
)
_SPELLED = tuple((re.compile(p, re.I), words) for p, words in SPELLED_OUT)

# "75th", "73rd", "1st"; and "session 75" / "75 session", where a cardinal stands for an ordinal
_ORDINAL_RE = re.compile(
    r"\b(?P<num>\d{1,2})(?:st|nd|rd|th)\b|\b(?P<before>\d{1,2})\s+(?=sessions?\b)|(?<=\bsession\s)(?P<after>\d{1,2})\b", re.I)
_SYMBOL_NAMED_RE = re.compile(r"\b[AES]/[A-Za-z0-9./-]*\d(?:/Rev\.\d+)?|\bL\.\d+(?:/Rev\.\d+)?\b")
_NUMBERED_MEETING_RE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b", re.I)
_MEETING_RE = re.compile(r"\s*(?:plenary\s+)?meetings?\b", re.I)
_SESSION_RE = re.compile(r"\b(?P<word>[a-z]+(?:-[a-z]+)?)\s+(?:regular\s+)?sessions?\b|\bsession\s+(?P<after>[a-z]+(?:-[a-z]+)?)\b", re.I)
_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_IRREGULAR = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}


def number_word(n: int) -> str:
    """The English word for ``n`` (1–99) as the documents write it: 21 → 'twenty-one', 70 → 'seventy'.

    Raises:
        ValueError: ``n`` is outside 1–99.
    """
    if not 1 <= n <= 99:
        raise ValueError(f"{n} is outside 1-99")
    if n < 10:
        return _UNITS[n - 1]
    if n < 20:
        return _TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return _TENS[tens - 2] + (f"-{_UNITS[unit - 1]}" if unit else "")


def ordinal_word(n: int) -> str:
    """The ordinal word for ``n`` (1–99) as the documents write sessions: 73 → 'seventy-third', 20 → 'twentieth'.

    Raises:
        ValueError: ``n`` is outside 1–99.
    """
    head, _, last = number_word(n).rpartition("-")
    if last in _IRREGULAR:
        last = _IRREGULAR[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{head}-{last}" if head else last


def ordinal_words(question: str) -> list[str]:
    """The words of each numeric ordinal in the question, in order ('the 75th session' → ['seventy-fifth']).

    Left alone: numbers of three or more digits, cardinals not next to 'session', meetings (reports
    write them in figures: '31st meeting', para. 7 of A/73/505), and words the question already has
    ('the First Committee's 1st meeting' gains no second 'first').
    """
    has = set(re.findall(r"[a-z]+(?:-[a-z]+)*", question.lower()))
    found = []
    for match in _ORDINAL_RE.finditer(question):
        n = int(match["num"] or match["before"] or match["after"])
        if not 1 <= n <= 99 or _MEETING_RE.match(question, match.end()):
            continue
        if (word := ordinal_word(n)) not in found and word not in has:
            found.append(word)
    return found


def covered(question: str) -> str:
    """The question with every span the vocabulary knows blanked out (those words are not unknown)."""
    for pattern, _ in _COMPILED:
        question = pattern.sub(" ", question)
    return question


def expand(question: str) -> str:
    """The question followed by the document's words for the user's words it contains.

    Numeric ordinals get the word the documents use ('75th session' adds 'seventy-fifth').
    """
    extra = [words for pattern, words in _COMPILED if pattern.search(question)]
    return " ".join([question, *extra, *ordinal_words(question)])


def spell_out(question: str) -> str:
    """The question with the bodies' acronyms written as the documents write them ('the GGE' → 'the Group of Governmental Experts').

    For the dense query: the BM25 query gets the same words from ``expand``.
    """
    for pattern, words in _SPELLED:
        question = pattern.sub(words, question)
    return question


def named_symbols(question: str) -> list[str]:
    """Document symbols the question names, lower-cased, in order: 'A/C.1/73/L.71' → ['a/c.1/73/l.71']; 'L.72' → ['l.72'].

    A short 'L.72' matches the full symbol in the text ('A/C.1/73/L.72', para. 9 of A/73/505).
    """
    return list(dict.fromkeys(m.group().lower().rstrip(".") for m in _SYMBOL_NAMED_RE.finditer(question)))


def names_symbol_of(question: str, text: str) -> bool:
    """Whether ``text`` (a unit's) holds a document symbol the question names (``named_symbols``)."""
    return any(symbol in text.lower() for symbol in named_symbols(question))


def named_meetings(question: str) -> list[str]:
    """The numbered meetings the question names, as the report writes them, in order.

    'at its 1st meeting' → ['1st meeting']; 'the 3rd plenary meeting' → ['3rd plenary meeting'];
    'the first meeting' → [] (the report writes meeting numbers in figures, para. 3 of A/73/505).
    """
    return list(dict.fromkeys(m.group().lower() for m in _NUMBERED_MEETING_RE.finditer(question)))


def named_sessions(question: str) -> list[str]:
    """The sessions the question names, as the documents write them, in order.

    'the 75th session' and 'the seventy-fifth session' → ['seventy-fifth session']; 'session 74'
    → ['seventy-fourth session']; 'its organizational session' → [].
    """
    words = {ordinal_word(n) for n in range(1, 100)}
    text = _ORDINAL_RE.sub(lambda m: ordinal_word(int(m["num"] or m["before"] or m["after"])) + (" " if m["before"] else ""), question)
    found = []
    for match in _SESSION_RE.finditer(text):
        ordinal = (match["word"] or match["after"]).lower()
        if ordinal in words and f"{ordinal} session" not in found:
            found.append(f"{ordinal} session")
    return found
