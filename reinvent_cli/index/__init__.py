"""The index: search terms, the SQLite store, ranked fuzzy search. No terminal here."""
