"""reinvent: ask questions of markdown conference notes from the terminal."""

__version__ = "0.1.0"
