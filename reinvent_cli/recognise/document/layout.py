"""The reading of a file: which headings, bold lines and list items are days, groups, talks or sections, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reinvent_cli.lexicon import GROUP_TALK_WORDS, MONTHS, SCHEDULE_WORDS
from reinvent_cli.recognise.document.days import classify_day
from reinvent_cli.recognise.document.kind import Decision
from reinvent_cli.recognise.launch.launches import ANNOUNCE_LIST_HEADING
from reinvent_cli.recognise.talk.candidates import (
    bold_candidates,
    item_candidates,
    line_candidates,
    plain_candidates,
)
from reinvent_cli.recognise.talk.evidence import (
    anchor_evidence,
    block_evidence,
    clean_title,
    collection_title,
    core,
    deep_video,
    group_word,
    labelled,
    not_talk,
    speaker_label_heading,
    title_evidence,
    video_key,
    video_people,
)
from reinvent_cli.recognise.talk.labelled_talks import labelled_candidates
from reinvent_cli.recognise.talk.prose_talks import prose_candidates
from reinvent_cli.recognise.talk.reasons import SCHEDULED, TIMED, Evidence, Fact, has
from reinvent_cli.recognise.talk.roles import Layout, Role, RoleKind
from reinvent_cli.recognise.talk.speakers import person_heading
from reinvent_cli.recognise.talk.tables import table_candidates
from reinvent_cli.recognise.talk.talks import split_talk_heading, strip_time, strip_trailing_time
from reinvent_cli.recognise.talk.watch_heading import WATCH_HEADING
from reinvent_cli.recognise.text.inline import flat_of
from reinvent_cli.recognise.text.patterns import pattern


@dataclass
class _Seg:
    """A heading (or the file's start) and the blocks under it up to the next heading."""

    line: int
    level: int  # 0: before the first heading
    title: str
    raw: str
    blocks: list[dict[str, Any]] = field(default_factory=list)
    _title_evidence: list[Fact] | None = None
    _evidence: list[Fact] | None = None
    _day: tuple[tuple[int | None, str | None] | None] | None = None
    _not_talk: tuple[Fact | None] | None = None
    _inner: int | None = None
    _found: tuple[list[Role], list[Role]] | None = None  # (bold lines, list items) that ``inner`` counted
    _rows: list[Role] | None = None  # schedule-table rows (``rows``)
    _lines: list[Role] | None = None  # lines read as items where talks are expected (``placed_lines``)
    video: str | None = None  # the video right under it, without timestamps
    lines: list[str] | None = None  # the file's lines (shared)

    @property
    def title_evidence(self) -> list[Fact]:
        """What its title says (a code, a label, a time, a room, speakers)."""
        if self._title_evidence is None:
            self._title_evidence = title_evidence(self.title) if self.title else []
        return self._title_evidence

    @property
    def day(self) -> tuple[int | None, str | None] | None:
        if self._day is None:
            self._day = (classify_day(self.title) if self.title else None,)
        return self._day[0]

    @property
    def why_not(self) -> Fact | None:
        """Why it is no talk ("'lunch' is no talk"), or None (see evidence.not_talk)."""
        if self._not_talk is None:
            self._not_talk = (not_talk(self.title) if self.title else Evidence.NO_WORDS.of(),)
        return self._not_talk[0]

    @property
    def lists_no_talks(self) -> bool:
        """A heading whose words say what is under it is no talk ("Quotes", "Resources", "Lunch"; not "Agenda")."""
        return (bool(self.title) and self.why_not is not None and self.why_not.kind is Evidence.NOT_A_TALK
                and not schedule_heading(self.title))

    @property
    def evidence(self) -> list[Fact]:
        """What its title and the blocks under it say (looked at only when a decision needs it)."""
        if self._evidence is None:
            self._evidence = self.title_evidence + block_evidence(self.blocks, self.lines) + anchor_evidence(self.raw)
            shows = has(self._evidence, Evidence.VIDEO)
            self.video = video_key(self.blocks) if shows else None
            if not shows and self.blocks:
                self.video = deep_video(self.blocks)  # a recap's section: its talk's video after the summary
                if self.video:
                    self._evidence.append(Evidence.VIDEO.of())
        return self._evidence

    def seen_evidence(self) -> list[Fact]:
        """The evidence looked at so far (the title's, and the blocks' if a decision needed them)."""
        return self._evidence if self._evidence is not None else self.title_evidence

    @property
    def inner(self) -> int:
        """How many bold lines and list items under it look like talks."""
        if self._inner is None:
            self._inner = 0
            if any(b.get("type") == "list" or b.get("type") == "paragraph" and _opens_bold(b) for b in self.blocks):
                self._found = (bold_candidates(self.blocks, self.level + 1, False),
                               item_candidates(self.blocks, self.level + 1, "", False, heading=self.title))
                self._inner = len(self._found[0]) + len(self._found[1])
            else:
                self._found = ([], [])  # (no bold lead line and no list: neither finds any)
            if any(b.get("type") == "table" for b in self.blocks):
                self._inner += len(self.rows)  # a schedule table's rows
            if self.title and any(b.get("type") == "paragraph" for b in self.blocks) and group_word(self.title):
                # under "Gatsby Days Talks": "[Title](url) by **Name**" paragraphs, no list
                self._inner += len(self.placed_lines)
        return self._inner

    @property
    def rows(self) -> list[Role]:
        """The rows of schedule tables right under it that are talks (recognise/talk/tables.py), read once."""
        if self._rows is None:
            self._rows = table_candidates(self.blocks, self.level + 1)
        return self._rows

    @property
    def placed_lines(self) -> list[Role]:
        """Its paragraphs' lines read as the list items they would be, where talks are expected, read once."""
        if self._lines is None:
            self._lines = line_candidates(self.blocks, self.level + 1, True)
        return self._lines


_SCHEDULE = frozenset(SCHEDULE_WORDS)


def schedule_heading(title: str | None) -> bool:
    """"Agenda", "Programação", "议程", "タイムテーブル": a heading over a schedule (its lines may be talks)."""
    return bool(title) and (title or "").strip(" :：*_#").casefold() in _SCHEDULE


def _opens_bold(tok: dict[str, Any]) -> bool:
    children = tok.get("children") or []
    return bool(children) and children[0].get("type") == "strong"


@dataclass
class Plan:
    roles: dict[int, Role] = field(default_factory=dict)
    layout: Layout | None = None
    has_days: bool = False
    decision: Decision | None = None  # whether the file is talk notes, and why (recognise/document/kind.py)
    segs: list[_Seg] = field(default_factory=list, repr=False, compare=False)  # the headings, each with its blocks


def plan_file(tokens: list[dict[str, Any]], one_talk: bool, layout: Layout | None = None,
              lines: list[str] | None = None) -> Plan:
    """The reading of a file's top-level blocks (``lines``: the file's): each candidate's role and evidence."""
    segs = _segments(tokens)
    for s in segs:
        s.lines = lines
    plan = Plan(layout=layout if layout and (layout.talks or layout.days) else None, segs=segs)
    heads = [s for s in segs if s.level]
    _days(heads, plan)
    forced = plan.layout.talks if plan.layout else None
    if plan.layout and plan.layout.talk_level():
        _forced_levels(heads, plan, plan.layout.talk_level() or 0)
    elif forced in ("bold", "list"):
        for s in heads:  # the talks are bold lines / list items: the headings hold them
            _set(plan, s, RoleKind.GROUP, [Evidence.LAYOUT_SAYS.of("bold lines" if forced == "bold" else "list items")])
    else:
        _assign(heads, plan, expect=False, one_talk=one_talk)
    _inner_candidates(segs, plan)
    for s in segs:  # a talk whose section shows its video: the people its lead-in links by name
        role = plan.roles.get(s.line)
        if s.video and role is not None and role.kind is RoleKind.TALK and role.form == "heading":
            role.people = video_people(s.blocks)
    return plan


def _segments(tokens: list[dict[str, Any]]) -> list[_Seg]:
    segs = [_Seg(0, 0, "", "")]
    _add_blocks(tokens, segs, 0)
    for s in segs[1:]:
        if not s.title:
            s._evidence = []
    return segs


def _add_blocks(tokens: list[dict[str, Any]], segs: list[_Seg], depth: int) -> None:
    """Each heading opens a segment; other blocks go to the open one. An outline's list items that open
    with a heading (Logseq: "- ## Day 1" / "\t- ### Talk") are read as the headings and blocks they hold."""
    for tok in tokens:
        kind = tok.get("type")
        if kind == "heading":
            flat = flat_of(tok)  # (kept on the token: the walk and the announcements read it again)
            raw = flat.text
            segs.append(_Seg(int(tok["line"]), int((tok.get("attrs") or {}).get("level", 1)),
                             clean_title(raw), raw))
        elif kind == "list" and depth < 8 and _outline(tok):
            for item in tok.get("children") or []:
                _add_blocks(item.get("children") or [], segs, depth + 1)
        elif kind not in ("blank_line", "thematic_break"):
            segs[-1].blocks.append(tok)


def _outline(tok: dict[str, Any]) -> bool:
    items = tok.get("children") or []  # (an outline opens with a heading: its first items say so)
    return any((item.get("children") or [{}])[0].get("type") == "heading" for item in items[:2])


def _days(heads: list[_Seg], plan: Plan) -> None:
    """Day headings: at the shallowest level that names a day (or the level the layout says)."""
    found = [(s, s.day) for s in heads if s.title]
    forced = plan.layout.day_level() if plan.layout else None
    days = [(s, d) for s, d in found if d is not None and (forced is None or s.level == forced)]
    if forced is not None:
        days += [(s, (None, None)) for s, d in found if d is None and s.level == forced]
    if not days:
        return
    level = min(s.level for s, _ in days)
    plan.has_days = True
    for s, d in days:
        if s.level == level:
            plan.roles[s.line] = Role(RoleKind.DAY, "heading", s.title, s.line, s.level, [Evidence.DAY.of()], d)


def _assign(heads: list[_Seg], plan: Plan, expect: bool, one_talk: bool, under_day: bool = False) -> None:
    """Roles for a run of headings (all below one parent): the shallowest level's headings are talks when
    the evidence or the parent (a day, a group, a collection title) says so; else look one level down."""
    if not heads:
        return
    level = min(s.level for s in heads)
    tops = [i for i, s in enumerate(heads) if s.level == level]
    if tops[0]:  # deeper headings before the first of this level: a run of their own
        _assign(heads[:tops[0]], plan, expect, one_talk, under_day)
    kids_of = {i: heads[i + 1:end] for i, end in zip(tops, [*tops[1:], len(heads)])}
    for i in tops:  # "### Title" over "#### Speaker" + "Jane Roe / Acme": the speaker line is the talk's
        kids = kids_of[i]
        if kids and not heads[i].blocks and speaker_label_heading(kids[0].title, kids[0].blocks[:1]) \
                and not has(heads[i].evidence, Evidence.SPEAKER_LINE):
            heads[i].evidence.append(Evidence.SPEAKER_LINE.of())
    groups = {i: _groups(heads[i], kids_of[i]) for i in tops if heads[i].line not in plan.roles}
    plain = [i for i in tops if heads[i].line not in plan.roles and not heads[i].why_not
             and not groups[i] and not _holds_talks(heads[i])]
    if len(plain) >= 3 and all(anchor_evidence(heads[i].raw) for i in plain):
        for i in plain:  # every heading has its anchor (the blog's habit): an anchor tells none of them apart
            heads[i].evidence[:] = [f for f in heads[i].evidence if f.kind is not Evidence.ANCHOR]
    backed = _backed(heads, plain)
    beside_days = any(plan.roles.get(heads[i].line, _NO_ROLE).kind is RoleKind.DAY for i in tops)
    if beside_days:
        # beside day headings, only a labelled heading is a talk ("## Day 1", "## DAT407 - Aurora"), or a run
        # of headings naming their speakers ("### 10.4.22" among "### Jane Roe | Org" headings, most so named;
        # only those named)
        named = [i for i in backed if has(heads[i].title_evidence, Evidence.SPEAKERS_IN_TITLE)]
        backed = named if len(named) >= 4 and 3 * len(named) >= 2 * len(plain) else []
        plain = plain if backed else []
    numbered = [i for i in plain if _NUMBERED.match(heads[i].title)]
    alike = len(numbered) if len(numbered) >= 3 and 3 * len(numbered) >= 2 * len(plain) else len(plain)
    # ("## 1. Title", "## 2. Title" after "## Intro": the numbered run is the series the evidence is weighed in)
    sib = _Siblings(alike, len(backed), expect, one_talk, under_day, only_backed=beside_days,
                    series=alike < len(plain) or len(numbered) == len(plain) >= 3)
    people = [i for i in plain if person_heading(heads[i].title)]
    for i in people if len(people) >= 2 else []:  # a keynote's segments: "## Name - Role - Company" each
        _set(plan, heads[i], RoleKind.TALK, [Evidence.SEGMENT.of(), Evidence.SEGMENTS_ALIKE.of(len(people))])
        for k in kids_of[i]:
            _set(plan, k, RoleKind.SECTION, [Evidence.UNDER_A_TALK.of()])
    for i in tops:
        s, kids = heads[i], kids_of[i]
        if s.line in plan.roles and plan.roles[s.line].kind is RoleKind.TALK:
            continue
        if s.line in plan.roles:  # a day
            _assign(kids, plan, expect=True, one_talk=False, under_day=True)
        else:
            _assign_top(s, kids, plan, sib, _Top(i in backed, groups[i], expect, one_talk, len(tops) == 1))


@dataclass
class _Top:
    """What the run a heading tops says about it."""

    backed: bool
    groups: bool
    expect: bool
    one_talk: bool
    alone: bool  # the only heading of its level in the run


def _assign_top(s: _Seg, kids: list[_Seg], plan: Plan, sib: _Siblings, top: _Top) -> None:
    why = s.why_not
    if why and why.kind is Evidence.SOCIAL and has(s.evidence, Evidence.SPEAKER_LINE):
        why = None  # "Zero-trust networking in practice" over "Speakers: A, B": a talk, not a social event
    if why is None and s.day is not None:
        why = Evidence.DAY_BELOW_DAYS.of()
    if top.expect and _period(s.title):
        # "## 2023", "## March 2023" under "# Talks": a period of the list; its headings and items are the talks
        _set(plan, s, RoleKind.GROUP, [Evidence.PERIOD.of()])
        _assign(kids, plan, expect=True, one_talk=False)
    elif why and not labelled(s.title):
        _set(plan, s, RoleKind.IGNORED, [why])
        _assign(kids, plan, expect=False, one_talk=top.one_talk)
    elif top.groups or _holds_talks(s):
        named = group_word(s.title)
        _set(plan, s, RoleKind.GROUP, [named or Evidence.TALKS_UNDER.of(s.inner)])
        # under "Talks", "Sessions", "Vorträge", "講演": its headings are talks, whatever their decoration
        _assign(kids, plan, expect=top.expect or _only_talk_words(s.title) or any(k.evidence for k in kids),
                one_talk=False)
    elif _is_talk(s, kids, sib, top.backed):
        _set(plan, s, RoleKind.TALK, _talk_why(s, sib))
        for k in kids:
            _set(plan, k, RoleKind.SECTION, [Evidence.UNDER_A_TALK.of()])
    else:
        sub = s.level == 1 and top.alone and collection_title(s.title) and not plan.has_days and not top.one_talk
        days_below = any(k.day for k in kids)
        _set(plan, s, RoleKind.IGNORED, [Evidence.NO_EVIDENCE.of()] + ([Evidence.COLLECTION_TITLE.of()] if sub else [])
             + ([Evidence.DAYS_UNDER.of()] if days_below else []))
        _assign(kids, plan, expect=(top.expect or sub) and not days_below, one_talk=top.one_talk)


_NUMBERED = pattern(r"^\s*\d{1,2}[.)]\s+\S")
_PERIOD = pattern(r"^\s*(?:(?:[^\W\d_]{3,10}\.?\s+)?(?:19|20)\d\d|(?:19|20)\d\d\s*年(?:\s*\d{1,2}\s*月)?)\s*$")


def _period(title: str | None) -> bool:
    """A heading that is only a year or a month and year ("2023", "March 2023", "2023年3月")."""
    m = _PERIOD.match(title or "")
    if m is None:
        return False
    word = (title or "").split()[0].rstrip(".").casefold()
    return word[:1].isdigit() or word in MONTHS
_NO_ROLE = Role(RoleKind.IGNORED, "", "", 0, 0)


def _backed(heads: list[_Seg], plain: list[int]) -> list[int]:
    """The headings with evidence (their title's first: the blocks under one are looked at only when its
    title shows none); those whose one evidence is a video that a sibling shows too are sections of that
    one video ("## Frugal" + "?v=abc&t=300", "## Costs" + "?v=abc&t=900")."""
    seen: dict[str, int] = {}
    for i in plain:
        if heads[i].title_evidence:
            continue
        key = heads[i].video if heads[i].evidence else None  # (evidence first: it finds the video)
        if key:
            seen[key] = seen.get(key, 0) + 1
    return [i for i in plain if heads[i].title_evidence or heads[i].evidence
            and not (heads[i].evidence == [Evidence.VIDEO.of()] and seen.get(heads[i].video or "", 0) > 1)]


@dataclass
class _Siblings:
    """The headings of one level under one parent: how many could be talks, how many show evidence."""

    plain: int
    backed: int
    expect: bool  # the parent says these are talks (a day, a group, a collection's title)
    one_talk: bool  # the file is one talk: its headings are its sections
    under_day: bool = False  # right under a day heading
    only_backed: bool = False  # beside day headings: only those with evidence are talks
    series: bool = False  # numbered ("1. Title", "2. Title"): a series, a third with evidence is enough

    def strict(self) -> bool:
        """Under a day, nearly all show evidence: the one that shows none is no talk (a sponsor contest)."""
        return self.under_day and self.backed >= 4 and 4 * self.backed >= 3 * self.plain

    def alike(self) -> bool:
        """Half show evidence, or many do (4+, a third: a run of "Title / Name" whose later headings the
        note-taker left unnamed)."""
        many = (self.backed >= 4 or self.series and self.backed >= 2) and 3 * self.backed >= self.plain
        return (many or self.backed >= 2 and 2 * self.backed >= self.plain) and not self.one_talk

    def most(self) -> bool:
        return 3 * self.backed >= 2 * self.plain


def _is_talk(s: _Seg, kids: list[_Seg], sib: _Siblings, backed: bool) -> bool:
    if WATCH_HEADING.search(s.title) or ANNOUNCE_LIST_HEADING.match(s.title):
        return False
    if labelled(s.title):
        return True
    if not _timed(s) and any(_timed(k) for k in kids):
        return False  # "#### etherscan.io" over "##### 2:40 pm - Title": the talks are below it
    if any(k.day for k in kids):
        return False  # "### Summaries" over "#### Day 1", "#### Day 2"
    if kids and any(_only_talk_words(k.title) for k in kids if k.level == kids[0].level):
        return False  # "## Topics" over "### Talks", "### Workshops": the talks are below it
    if not backed and _kids_show_talks(kids):
        return False  # "## See what's new" over "### Title" with its video, "### Title" with its video: below it
    if sib.expect:
        return backed or not sib.strict()
    talk = sib.alike() and (backed or (sib.most() or sib.series and bool(_NUMBERED.match(s.title)))
                            and not sib.only_backed)
    # (looked at last, only for a talk by its siblings alone: "## Prometheus at CloudNativeCon 2017" among the
    # talks is the post's title again)
    return talk and (backed or not collection_title(s.title, keynote_is_talk=False))


def _kids_show_talks(kids: list[_Seg]) -> bool:
    """Two or more of its first-level children, and half of them, show a talk's own evidence (a video, slides, a
    speaker line, prose about the talk): they are the talks, not sections of one."""
    level = [k for k in kids if k.level == kids[0].level] if kids else []
    if len(level) < 2:
        return False
    shown = sum(1 for k in level if has(k.evidence, *_OWN_EVIDENCE))
    return shown >= 2 and 2 * shown >= len(level)


_OWN_EVIDENCE = (Evidence.VIDEO, Evidence.SLIDES, Evidence.SPEAKER_LINE, Evidence.TALK_PROSE)
_TALK_WORD_SET = frozenset(w.lower() for w in GROUP_TALK_WORDS)


def _only_talk_words(title: str) -> bool:
    """A heading that is only a word naming talks ("Talks", "Sessions", "Lightning talks", "Vorträge",
    "講演"), not a phrase about them ("Sobre as palestras", "Talks I missed")."""
    c = core(title).lower().strip(" :：")
    return c in _TALK_WORD_SET


def _holds_talks(s: _Seg) -> bool:
    """Bold lines or list items under it are talks (a heading with a code, label or time is one itself)."""
    return not has(s.title_evidence, *SCHEDULED) and s.inner > 0


def _timed(s: _Seg) -> bool:
    """A time or a session code in its title (looked at cheaply: no speakers)."""
    if s._title_evidence is not None:
        return has(s._title_evidence, *TIMED)
    return bool(s.title) and (strip_time(s.title) != s.title or strip_trailing_time(s.title) != s.title
                              or split_talk_heading(s.title, trailing_speakers=False)[0] is not None)


def _talk_why(s: _Seg, sib: _Siblings) -> list[Fact]:
    why = list(s.seen_evidence())
    if sib.alike():
        why.append(Evidence.SIBLINGS_ALIKE.of(sib.backed, sib.plain))
    elif sib.expect and not why:
        why.append(Evidence.FIRST_LEVEL.of())
    return why


def _groups(s: _Seg, kids: list[_Seg]) -> bool:
    """A heading that groups talks: its words say so and something is under it ("## Keynote" over
    "### Title": only with headings under it)."""
    if core(s.title).lower() in ("keynote", "keynotes", "keynote speakers"):
        # "## Keynote" over "### Title" + "**Name**": the talks are below it (not over its own sections)
        return bool(kids) and not s.evidence and _at_least(2, (k for k in kids if k.evidence))
    if not group_word(s.title) or labelled(s.title):
        return False
    return bool(kids) or any(b.get("type") == "list" for b in s.blocks)


def _at_least(n: int, found: Any) -> bool:
    """At least ``n`` of these (looking no further than that)."""
    return sum(1 for _, __ in zip(range(n), found)) >= n


def _set(plan: Plan, s: _Seg, kind: RoleKind, evidence: list[Fact]) -> None:
    if s.line not in plan.roles:
        plan.roles[s.line] = Role(kind, "heading", s.title, s.line, s.level, evidence)


def _forced_levels(heads: list[_Seg], plan: Plan, level: int) -> None:
    """The layout names the talks' heading level: every heading there is a talk, deeper ones sections."""
    talk = False
    for s in heads:
        if s.line in plan.roles:
            talk = False
            continue
        if s.level == level:
            _set(plan, s, RoleKind.TALK, [Evidence.LAYOUT_SAYS.of("#" * level)])
            talk = True
        elif s.level > level and talk:
            _set(plan, s, RoleKind.SECTION, [Evidence.UNDER_A_TALK.of()])
        else:
            talk = False
            _set(plan, s, RoleKind.IGNORED, [Evidence.LAYOUT_SAYS.of("#" * level)])


def _inner_candidates(segs: list[_Seg], plan: Plan) -> None:
    """Bold lead lines and schedule list items under headings that are no talk."""
    forced = plan.layout.talks if plan.layout else None
    if forced and forced not in ("bold", "list"):
        return
    for s in segs:
        role = plan.roles.get(s.line)
        if role is not None and role.kind in (RoleKind.TALK, RoleKind.SECTION):
            continue
        group = role is not None and role.kind in (RoleKind.GROUP, RoleKind.DAY)
        found = s._found if not forced else None  # (what ``inner`` found, with the same arguments)
        bold: list[Role] = []
        if forced != "list":
            bold = found[0] if found is not None else bold_candidates(s.blocks, s.level + 1, forced == "bold")
            if not bold and role is not None and role.kind is RoleKind.DAY and not forced:
                bold = bold_candidates(s.blocks, s.level + 1, False, alone=True)
            for r in bold:
                plan.roles[r.line] = r
            if not bold and not forced:
                for r in plain_candidates(s.blocks, s.level + 1):  # "Title" over "Jane Roe (Acme)"
                    plan.roles.setdefault(r.line, r)
                for r in labelled_candidates(s.blocks, s.level + 1):  # "Topic: Title" by its speaker
                    plan.roles.setdefault(r.line, r)
                for r in prose_candidates(s.blocks, s.level + 1, s.lines, s.title):  # "Jane Roe gave the keynote:" + video
                    plan.roles.setdefault(r.line, r)
                placed = (group or role is not None and has(role.evidence, Evidence.COLLECTION_TITLE)
                          or schedule_heading(s.title))
                # "14:00 Title — Name" lines, no list: only where talks are expected (a day, a group of talks, a
                # collection's title); elsewhere lines so shaped were more often no talks (measured on unseen notes)
                for r in s.placed_lines if placed and not s.lists_no_talks else []:
                    plan.roles.setdefault(r.line, r)
        if forced != "bold":
            items = found[1] if found is not None and not group and not bold else None
            if items is None:
                items = item_candidates(s.blocks, s.level + 1, s.title if group else "", forced == "list",
                                        alone=role is not None and role.kind is RoleKind.DAY,
                                        of_talks=role is not None and has(role.evidence, Evidence.PERIOD),
                                        after=frozenset(r.line for r in bold), heading=s.title)
            for r in items:
                plan.roles[r.line] = r
        if not forced:
            for r in s.rows:  # rows of a schedule table (recognise/talk/tables.py)
                plan.roles[r.line] = r
