"""What a First Committee report never records, recognised in a question before anything else.

Reports of this family record procedure, texts and votes; they do not record what
delegations said (statements, explanations of vote), who chaired or spoke, or what
happened after the report was issued. Questions of that kind get an honest "not covered"
instead of the nearest vote or paragraph.
"""

from __future__ import annotations

import re

OUT_OF_SCOPE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bexplain\w* (?:their|its|his|her) (?:vote|votes|position)|\bexplanations? of (?:vote|position)|\bright of reply\b", re.I),
     "The report records how States voted, not their explanations of vote."),
    (re.compile(r"\bwhat did (?:the )?(?:representative|delegat\w+|ambassador|minister|chair\w*|secretary|speaker)\b.*\b(?:say|said|state|stated|argue|argued|tell)\b"
                r"|\bwhat did (?:[A-Z][\w'’]+ ?){1,4}(?:say|state|argue)\b|\bin (?:its|his|her|their) statement\b", re.I),
     "The report does not record the content of statements."),
    (re.compile(r"\b(?:who|which (?:person|ambassador|diplomat))\b.*\b(?:chair(?:ed|s)?|presided|president of the committee)\b"
                r"|\bname of the\b.*\b(?:representative|chair\w*|ambassador|delegate|high representative|speaker)\b", re.I),
     "The report does not name the Committee's officers or speakers, apart from the Rapporteur."),
    (re.compile(r"\bmembers? of the (?:new |future )?(?:group of governmental experts|gge|open-ended working group|oewg)\b.*\b(?:established|formed|appointed|were|was)\b"
                r"|\bwho (?:sat|served|were members) on\b", re.I),
     "The report was issued before the groups it proposes were set up."),
    (re.compile(r"\b(?:did|has|have|had)\b[^?]*\b(?:open-ended working group|oewg)\b[^?]*\b(?:hold|held|meet|met|adopt\w*|conclud\w*|agree\w*|decid\w*|produc\w*)\b"
                r"|\b(?:did|has|have|had)\b[^?]*\b(?:group of governmental experts|gge)\b[^?]*\b(?:hold|held|meet|met)\b[^?]*\bsession", re.I),
     "The report was issued before the groups it proposes met; it records what they are asked to do, not what they did."),
    (re.compile(r"\b(?:second|third|fourth|fifth|sixth) committee\b", re.I),
     "A First Committee report does not record the action of other Main Committees."),
    (re.compile(r"\b(?:resolution|decision|report|convention)\b[^?]*\b(?:actually|really|in full|exactly|full text)\b"
                r"|\b(?:full text|exact wording) of\b", re.I),
     "The documents cite other documents by symbol and date but do not reproduce their content."),
    (re.compile(r"\bhow much\b[^?]*\b(?:money|cost|budget|dollars|funding)\b|\bwhat figures\b|\bin (?:us )?dollars\b|\bamount of money\b", re.I),
     "The report mentions financial implications but gives no figures."),
)


def out_of_scope(question: str) -> str | None:
    """Why the documents cannot answer the question, or None if they might."""
    for pattern, reason in OUT_OF_SCOPE:
        if pattern.search(question):
            return reason
    return None
