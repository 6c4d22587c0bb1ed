"""The loaded notes: loading files through the store, and the queries commands ask."""
