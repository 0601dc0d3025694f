"""Property tests: every recorded State resolves from its official name in any casing or
apostrophe style, and every position list's length equals its stated tally."""

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.entities import find_mentions
from ingest.parse import parse_document
from ingest.records import POSITIONS
from ingest.settings import PROJECT_ROOT

DOCUMENT = parse_document((PROJECT_ROOT / "corpus" / "A_73_505.txt").read_text(encoding="utf-8"), "A/73/505", "A_73_505.txt")
RECORDED = sorted({s for v in DOCUMENT.votes for p in POSITIONS for s in v.states(p)})


@settings(max_examples=300, deadline=None)
@given(state=st.sampled_from(RECORDED), form=st.sampled_from(["official", "lower", "upper", "straight", "curly"]))
def test_every_recorded_state_resolves(state, form):
    text = {"official": state, "lower": state.lower(), "upper": state.upper(),
            "straight": state.replace("\u2019", "'"), "curly": state.replace("'", "\u2019")}[form]
    found = [m for m in find_mentions(f"How did {text} vote?") if m.kind == "state"]
    assert [m.name for m in found] == [state]
    assert not found[0].fuzzy


@given(vote=st.sampled_from(DOCUMENT.votes), position=st.sampled_from(POSITIONS))
def test_list_lengths_equal_stated_tallies(vote, position):
    assert len(vote.states(position)) == vote.stated[POSITIONS.index(position)]


def test_ambiguous_forms():
    def names(text):
        return [m.name for m in find_mentions(text)]

    assert names("Equatorial Guinea, Guinea and Guinea-Bissau") == ["Equatorial Guinea", "Guinea", "Guinea-Bissau"]
    assert names("Niger and Nigeria") == ["Niger", "Nigeria"]
    assert names("DRC and Congo-Brazzaville") == ["Democratic Republic of the Congo", "Congo"]
    assert names("tell us how Laos voted") == ["Lao People's Democratic Republic"]
    assert names("Atlantis") == []
