"""Reading a notes file: bytes to text, front matter, mistune's AST with source lines."""
