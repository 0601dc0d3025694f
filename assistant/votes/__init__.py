"""The vote tools: the records of recorded votes, adoptions and sponsorships, and the answers built from them.

Apart from reading the question: every function here takes records and keys (``votebook.DraftKey``, a
``ingest.member_states.Group``, positions), never the question's text, so it is tested with fast unit tests
over parsed documents, with no Chroma and no embedder (tests/assistant/test_records_across.py).

- ``votebook``: ``VoteBook``, the recorded votes, adoptions and sponsorships of the indexed documents, keyed by
  draft; one State's vote, a tally, the members of a group, shares of the voting body's membership.
- ``crossvotes``: positions across two votes or more (abstained on both, against one and in favour of the other,
  changed position between bodies).
- ``sponsors``: who introduced, sponsored or joined a draft.
- ``tools``: the same as LangChain tools, bound to the optional LLM (never the source of a tally).
"""
