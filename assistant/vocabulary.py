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
    (r"\bpast\b|\bprevious\b|\bearlier\b|\bprior\b|\bhow far back\b", "Recalling its resolutions decision"),
    (r"\breport\w* (?:back|to)\b|\bwhen .*\breport\b|\bdeliver\w*", "submit a report session"),
    (r"\bsymbols?\b|\bdocument numbers?\b|\bwhich document\b|\bofficial records\b|\bpublished\b|\bwhere can i find\b", "footnote see"),
    (
        r"\bdate of (?:the|this) report\b|\bwhen was (?:the|this) report\b|\bissued\b|\bwhich session\b|\bagenda item\b",
        "Distr. General Original session Agenda item",
    ),
    (r"\brecommend\w*", "recommends adoption"),
    (r"\bun\b|\bu\.n\.", "United Nations"),
    (r"\bau\b", "African Union"),
)
_COMPILED = tuple((re.compile(p, re.I), words) for p, words in EXPANSIONS)


def covered(question: str) -> str:
    """The question with every span the vocabulary knows blanked out (those words are not unknown)."""
    for pattern, _ in _COMPILED:
        question = pattern.sub(" ", question)
    return question


def expand(question: str) -> str:
    """The question followed by the document's words for the user's words it contains."""
    extra = [words for pattern, words in _COMPILED if pattern.search(question)]
    return " ".join([question, *extra])
