"""Reading a question once: which documents, votes and drafts it is about, from the records and words.toml.

``lexicon`` loads the question vocabulary (``words.toml``) once; ``profiles`` describes each recorded vote
and adoption from its records (document, body, year, session, introducer, title and operative words);
``scope`` reads a question against those profiles and returns a frozen ``Scope``.
"""
