"""Ingest: UN document text → typed records (units, recorded votes, sponsorships) and the vector index."""
