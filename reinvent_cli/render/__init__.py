"""Everything that knows about terminals and output formats."""
