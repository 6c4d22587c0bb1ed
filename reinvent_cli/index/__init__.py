"""The index: search terms, the SQLite store, ranked fuzzy search. No terminal here."""

MIN_SCORE = 50  # a hit scored below this (of 100) is noise: search's default, the CLI's, browse's and the MCP tools'
