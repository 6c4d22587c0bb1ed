"""``reinvent search``: fuzzy search of everything in the notes, best first."""

from __future__ import annotations

from reinvent_cli.cli import session
from reinvent_cli.errors import NothingFound, UsageError
from reinvent_cli.notes import query as q
from reinvent_cli.render.hits import emit_hits


def run(words: list[str], *, limit: int | None, kind: list[str] | None, by: str | None, day: str | None,
        min_score: int, explain: bool, count: bool, conference: str | None, file: str | None, fmt: str,
        as_json: bool, notes: list[str] | None, context: int) -> None:
    if context and not session.current().wants_json(as_json) and fmt not in ("table", "json"):
        raise UsageError(f"-C shows the lines around hits on a terminal, piped and in JSON, not with --format {fmt}")
    kinds = ["talk"] if by == "talk" else kind or []  # talks ranked by their notes (index.bytalk)
    run_search(" ".join(words), limit=limit, kinds=kinds, day=day, min_score=min_score, explain=explain,
               count=count, conference=conference, file=file, fmt=fmt, as_json=as_json, notes=notes,
               context=context)


def run_search(query: str, *, limit: int | None, kinds: list[str], day: str | None, min_score: int,
               explain: bool, count: bool, conference: str | None, file: str | None, fmt: str,
               as_json: bool, notes: list[str] | None, context: int = 0) -> None:
    if not query.strip():
        raise UsageError("give words to search for", hint="e.g. reinvent search elasticache")
    st = session.current()
    notes_read = st.notes(notes)
    day_spec = q.parse_day(day)
    if limit is None:
        limit = 0 if count else 10  # --count counts every hit, unless --limit is given
    weekday_filter = bool(day_spec and (day_spec.weekday or day_spec.date))
    hits = notes_read.search(
        query, kinds=kinds, day=day_spec.number if day_spec else None,
        limit=None if weekday_filter else (limit or None), min_score=min_score, explain=explain,
        files=q.files_matching(notes_read, conference, file),
    )
    if day_spec and (day_spec.weekday or day_spec.date):
        on_day = q.entry_on_day(notes_read, day_spec)
        hits = [h for h in hits if on_day(h.entry)]
    hits = hits[:limit] if limit else hits  # after the weekday filter, so --limit still gives up to N
    out = st.output_as(fmt, as_json)
    if count:
        out.write_raw(str(len(hits)))
        if not hits:
            raise NothingFound("")
        return
    if not hits:
        if out.fmt == "json":
            out.write_raw("[]")
        raise NothingFound((q.missing_day(notes_read, day_spec, "notes") if day_spec else None)
                           or f"nothing relevant for {query!r}")
    around, own_lines = None, None
    if context:  # -C N: the lines around each hit, read from its file
        from reinvent_cli.notes.lines import lines_around  # (and read.source: only -C N reads the files)

        own: dict[tuple[str, int], str] = {}
        around = lines_around(notes_read, [(h.entry.file, h.line) for h in hits], context, own)
        own_lines = own
    emit_hits(out, hits, explain, files={d.file: d.path for d in notes_read.docs()}, context=around,
              own_lines=own_lines)
