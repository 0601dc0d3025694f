"""Assistant: a question → a cited answer, from the vote records and the retrieved units."""
