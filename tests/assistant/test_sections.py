"""Report sections of the drafts (``drafts.draft_sections``), score fusion (``retrieval.fuse``)
and the draft filter of the retriever.

A/73/505: section II.A (paras 5–7, footnote 3 cited by para. 7) is draft resolution I;
section II.B (paras 8–10, footnote 4 cited by para. 10) is draft resolution II; the
introduction (paras 1–4, footnotes 1–2), the recommendation (para. 11) and the cover page are in neither.
"""

import pytest

from assistant.drafts import draft_sections
from assistant.retrieval import fuse


def test_sections_of_the_report(document):
    assert draft_sections(document) == {
        "A/73/505#para-5": "I", "A/73/505#para-6": "I", "A/73/505#para-7": "I", "A/73/505#fn-3": "I",
        "A/73/505#para-8": "II", "A/73/505#para-9": "II", "A/73/505#para-10": "II", "A/73/505#fn-4": "II",
    }


@pytest.mark.parametrize("locator", ["para-1", "para-2", "para-3", "para-4", "para-11", "header", "fn-1", "fn-2"])
def test_paragraphs_outside_the_sections(document, locator):
    assert f"A/73/505#{locator}" not in draft_sections(document)


def test_fuse_by_hand():
    sparse = {"a": 4.0, "b": 2.0}
    dense = {"a": 0.2, "c": 0.5}  # cosine distances; "b" is absent, so it gets the farthest (0.5)
    fused = fuse(sparse, dense)
    assert set(fused) == {"a", "b", "c"}
    assert fused["a"] == pytest.approx(4.0 / 4.0 + 2.0 * (1 - 0.2))  # 2.6
    assert fused["b"] == pytest.approx(2.0 / 4.0 + 2.0 * (1 - 0.5))  # 1.5
    assert fused["c"] == pytest.approx(0.0 + 2.0 * (1 - 0.5))  # 1.0
    assert sorted(fused, key=lambda i: -fused[i]) == ["a", "b", "c"]
    assert sparse == {"a": 4.0, "b": 2.0} and dense == {"a": 0.2, "c": 0.5}  # inputs untouched


def test_fuse_with_one_side_empty():
    assert fuse({"a": 3.0, "b": 1.0}, {}) == pytest.approx({"a": 1.0, "b": 1.0 / 3.0})  # no dense list: similarity 0
    assert fuse({}, {"a": 0.25, "b": 0.75}) == pytest.approx({"a": 1.5, "b": 0.5})
    assert fuse({}, {}) == {}


FORBIDDEN_FOR_DRAFT_I = {"header", "para-1", "para-2", "para-3", "para-4", "para-8", "para-9", "para-10", "para-11", "fn-1", "fn-2", "fn-4"}


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "What is the date of the report?",
    "When was the item included in the agenda of the General Assembly?",
    "Who introduced the draft resolution on 18 October?",
    "What was the recorded vote of 139 to 11?",
    "programme budget implications issued as document L.72",
    "The First Committee recommends the adoption of the following draft resolutions",
    "group of governmental experts",
])
def test_draft_filter_keeps_draft_i_and_its_section(assistant, question):
    passages = assistant.retriever.search(question, 10, "I")
    assert passages
    found = [p.unit.locator for p in passages]
    assert not FORBIDDEN_FOR_DRAFT_I & set(found), found
    assert all(p.unit.draft == "I" or p.unit.locator in {"para-5", "para-6", "para-7", "fn-3"} for p in passages), found
