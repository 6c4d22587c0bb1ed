"""The progress bar on stderr while a cold index of many files builds (notes.load drives it)."""

from __future__ import annotations


class IndexingBar:
    """``indexing notes ━━━━ 120/1000 files 0:00:03``: made by the loader for a total (notes.load.ProgressBar)."""

    def __init__(self, total: int) -> None:
        from rich.console import Console  # imported here: only a cold index of many files shows a bar
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn("indexing notes"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                            TimeElapsedColumn(), console=Console(stderr=True), transient=True)
        self.bar.start()
        self.task = self.bar.add_task("index", total=total)

    def update(self, done: int) -> None:
        self.bar.update(self.task, completed=done)

    def close(self) -> None:
        self.bar.stop()
