"""One talk (``reinvent talk``): a header (code, title, day, speakers, video) over its notes as written."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from reinvent_cli.model import Talk
from reinvent_cli.notes.json_records import talk_notes_json
from reinvent_cli.render.listing import dump_json
from reinvent_cli.render.records import speakers_text
from reinvent_cli.render.terminal import Output, clean, clean_line, safe_url

NOT_ATTENDED = "not attended (watch list)"


def emit_talk(out: Output, t: Talk, body: str, attended: bool = True) -> None:
    """One talk's notes: JSON, plain markdown (piped or ``--format markdown``) or, on a terminal,
    a panel over the notes rendered as markdown with their line breaks kept."""
    if out.fmt == "json":
        dump_json(out, talk_notes_json(t, body, attended))
    elif out.fmt == "markdown" or not out.is_terminal:
        head = f"# {t.code + ' - ' if t.code else ''}{t.title}"
        meta = [f"Day: {t.day}" if t.day is not None else "", f"Speakers: {speakers_text(t)}" if t.speakers else "",
                f"Video: {t.video}" if t.video else "", "" if attended else f"Status: {NOT_ATTENDED}",
                f"Source: {clean(t.file)}:{t.line}"]
        text = "\n".join([head, "", *[m for m in meta if m], "", body])
        out.write_raw("\n".join(clean_line(x) for x in text.split("\n")))
    else:
        _print_talk(out, t, body, attended)


def _header(t: Talk, attended: bool) -> Text:
    head = Text()
    if t.code:
        head.append(clean(t.code) + "  ", style="bold cyan")
    head.append(clean(t.title), style="bold")
    meta = Text()
    if not attended:
        meta.append(NOT_ATTENDED, style="yellow")
    if t.day is not None:
        meta.append(f"Day {t.day}" + (f" ({t.weekday})" if t.weekday else ""), style="green")
    if t.speakers:
        meta.append("  ·  " if meta else "")
        meta.append(clean(speakers_text(t)))
    if t.video:
        meta.append("  ·  " if meta else "")
        url = safe_url(t.video)
        meta.append(clean(t.video), style=Style(color="blue", link=url) if url else "blue")
    meta.append(("  ·  " if meta else "") + clean(f"{t.file}:{t.line}"), style="dim")
    return Text.assemble(head, "\n", meta)


def _print_talk(out: Output, t: Talk, body: str, attended: bool) -> None:
    from rich.markdown import Markdown  # markdown-it and Rich's renderers: only this command needs them
    from rich.panel import Panel

    out.print(Panel(_header(t, attended), expand=True))
    if body.strip():
        out.print(Markdown(hard_breaks(body), hyperlinks=False))


def hard_breaks(body: str) -> str:
    """The notes' markdown, safe for a terminal, with each line break inside a paragraph kept (a line
    ending in two spaces), as the notes were written: markdown would join them into one line."""
    lines = [clean_line(x) for x in body.split("\n")]
    out = []
    for n, line in enumerate(lines):
        following = lines[n + 1] if n + 1 < len(lines) else ""
        joins = line.strip() and following.strip() and not line.lstrip().startswith(("```", "~~~", "|"))
        out.append(line.rstrip() + "  " if joins and not line.startswith("    ") else line)
    return "\n".join(out)
