"""An experiment (not used by the package): a second opinion on the talk candidates the rules left undecided.
Every heading, list item (nested ones too), bold or plain lead line and table row of a file that is talk notes
gets features that hold in any language (its shape and how many siblings share it, where it sits: under a day,
a group, a heading the rules made a talk; names, times, links, videos, length; the evidence the rules recorded
for it and for its siblings), weighed by a logistic model learned from the annotated notes by
``eval/learn/train.py``, which also measures it leave-one-source-out. ``promote`` adds to a plan the candidates
scored above the threshold, only where that takes nothing away (no talk, group or day under it). Why it is not
in the package: see docs/structure.md, "A learned scorer, measured".
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reinvent_cli.lexicon import GROUP_TALK_WORDS, TALK_WORDS, VIDEO_HOSTS
from reinvent_cli.read.md_tables import rows as table_rows
from reinvent_cli.recognise.talk.candidates import bold_lead
from reinvent_cli.recognise.talk.evidence import block_evidence, group_word, not_talk, title_evidence
from reinvent_cli.recognise.talk.media import video_in_text
from reinvent_cli.recognise.talk.names import is_person
from reinvent_cli.recognise.talk.reasons import Evidence, Fact, has
from reinvent_cli.recognise.talk.roles import Role, RoleKind
from reinvent_cli.recognise.talk.tables import cell_lines
from reinvent_cli.recognise.talk.talks import strip_time
from reinvent_cli.recognise.text.inline import FlatInline, flat_of, one_line, url_host
from reinvent_cli.recognise.text.patterns import pattern

if TYPE_CHECKING:
    from reinvent_cli.recognise.document.layout import Plan, _Seg

Block = dict[str, Any]

BIAS = 0.0
THRESHOLD = 1.0
WEIGHTS: dict[str, float] = {}  # (set by train.py for each fold)
ORACLE: set[int] | None = None  # (train.py --oracle: the gold's talk lines of the file read; the ceiling of promoting)
FORMS = ("heading", "list item", "bold line", "plain line", "table row")  # (train.py --forms narrows it)
_ON: set[str] = set(FORMS)

_TALK_WORD = pattern(rf"(?<![\w-])(?:{TALK_WORDS}|{'|'.join(re.escape(w) for w in GROUP_TALK_WORDS)})(?![\w-])",
                     re.IGNORECASE)
_BY_WORD = pattern(r"(?:^|[\s_*(])(?:by|von|par|por|de|with|mit|com|avec|con|presented by|speaker|speakers)"
                   r"[\s_*:)]", re.IGNORECASE)
_NUMBERED = pattern(r"^\s*\d+(?:\.\d+)+\.?\s")  # "3.5 Google Home": a part of something numbered
_LAUNCH_WORD = pattern(r"(?<![\w-])(?:launch\w*|announce\w*|release\w*|new\b|what's new)", re.IGNORECASE)
_NAME_LEAD = pattern(r"^\s*([^:：\[\]()]{3,60}?)\s*[:：–—-]\s+")  # "Jane Roe: Title", "Jane Roe - Title"
_SEP = pattern(r"\s[-–—|/]\s|[:：]\s|[（(][^)）]{2,60}[)）]\s*$|\s[-–—]{2}\s")  # a title's separator from who gave it
_PARTS = pattern(r"\s[-–—|/,]\s|[:：,，、(（)）]|\s(?:and|&|und|et|y|e)\s")
_QUOTED = pattern(r"[\"“「『《«]")
_DATE = pattern(r"\b(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}\b|\b\d{1,2}[./]\d{1,2}[./](?:19|20)?\d\d\b")
_SENTENCE = pattern(r"[.!?。！？]\s*$")
# The rules' evidence kinds that a line or its blocks may show (title_evidence, block_evidence, anchors).
_EV = (Evidence.TIME, Evidence.TIME_RANGE, Evidence.CODE, Evidence.LABEL, Evidence.ROOM, Evidence.SPEAKERS_IN_TITLE,
       Evidence.SPEAKER_LINE, Evidence.VIDEO, Evidence.SLIDES, Evidence.ANCHOR, Evidence.TALK_PROSE)
_WHY_NOT = {Evidence.NO_WORDS: "none", Evidence.NOT_A_TALK: "not_talk", Evidence.SOCIAL: "social",
            Evidence.ANNOUNCEMENTS: "launches", Evidence.DAY_BELOW_DAYS: "day"}


@dataclass
class Candidate:
    """A heading, list item, bold or plain line or table row, with its features (``open``: the rules left it
    undecided, so the scorer may make it a talk)."""

    line: int
    form: str
    title: str
    level: int
    feats: dict[str, float] = field(default_factory=dict)
    under: int = -1  # its heading's index in the plan's segments (a heading's own)
    open: bool = True
    p: float = 0.0


def probability(feats: dict[str, float]) -> float:
    z = BIAS + sum(WEIGHTS.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def candidates(plan: Plan) -> list[Candidate]:
    """Every heading, list item, lead line and table row of the file, with features."""
    segs = plan.segs
    heads = [i for i, s in enumerate(segs) if s.level]
    parent = _parents(segs)
    kids: dict[int, list[int]] = {}
    for i in heads:
        kids.setdefault(parent[i], []).append(i)
    info = {i: _head_info(segs[i]) for i in heads}
    ctx = _File(plan, segs, parent)
    found: list[Candidate] = []
    if "heading" in _ON:
        for i in heads:
            sibs = [j for j in kids.get(parent[i], []) if segs[j].level == segs[i].level]
            found.append(_heading(segs, i, parent[i], sibs, info, ctx))
    for i, s in enumerate(segs):
        role = plan.roles.get(s.line)
        if role is not None and role.kind in (RoleKind.TALK, RoleKind.SECTION):
            continue  # (what a talk's section holds is its notes)
        inner: list[Candidate] = []
        if "list item" in _ON:
            inner += _items(s, role, ctx)
        if _ON & {"bold line", "plain line"}:
            inner += _paragraphs(s, role, ctx)
        if "table row" in _ON:
            inner += _rows(s, role, ctx)
        for c in inner:
            c.under = i
        found += inner
    return found


def promote(plan: Plan) -> list[Candidate]:
    """Adds to the plan the candidates the model scores above its threshold; returns them."""
    if not WEIGHTS:
        return []
    chosen = []
    for c in candidates(plan):
        if not c.open:
            continue
        c.p = probability(c.feats) if ORACLE is None else float(c.line in ORACLE)
        if c.p >= THRESHOLD:
            chosen.append(c)
    done = []
    for c in chosen:
        if c.form == "heading":
            if _promote_heading(plan, c):
                done.append(c)
        elif c.line not in plan.roles and not _swallows(plan, c):
            plan.roles[c.line] = Role(RoleKind.TALK, c.form, c.title, c.line, c.level, _why(c))
            done.append(c)
    return done


def _why(c: Candidate) -> list[Fact]:
    top = sorted(((WEIGHTS.get(k, 0.0) * v, k) for k, v in c.feats.items() if v), reverse=True)[:3]
    return [Evidence.SCORED.of(f"{c.p:.2f}", ", ".join(k.replace("_", " ") for w, k in top if w > 0))]


def _promote_heading(plan: Plan, c: Candidate) -> bool:
    segs = plan.segs
    s = segs[c.under]
    role = plan.roles.get(s.line)
    if role is not None and role.kind is not RoleKind.IGNORED:
        return False
    below = _below(segs, c.under)
    end = segs[below[-1] + 1].line if below and below[-1] + 1 < len(segs) else (
        segs[c.under + 1].line if c.under + 1 < len(segs) else 1 << 30)
    if any(s.line < r.line < end and r.kind in (RoleKind.TALK, RoleKind.GROUP, RoleKind.DAY) for r in plan.roles.values()):
        return False
    plan.roles[s.line] = Role(RoleKind.TALK, "heading", s.title, s.line, s.level, _why(c))
    for j in below:
        plan.roles[segs[j].line] = Role(RoleKind.SECTION, "heading", segs[j].title, segs[j].line, segs[j].level,
                                        [Evidence.UNDER_A_TALK.of()])
    return True


def _swallows(plan: Plan, c: Candidate) -> bool:
    """A line that, made a talk, would hold talks the rules found deeper in its part of the file (the walk
    would take them for its notes)."""
    segs = plan.segs
    start = segs[c.under].line
    end = segs[c.under + 1].line if c.under + 1 < len(segs) else 1 << 30
    return any(start < r.line < end and r.kind is RoleKind.TALK and r.level > c.level for r in plan.roles.values())


def _below(segs: list[_Seg], i: int) -> list[int]:
    out = []
    for j in range(i + 1, len(segs)):
        if segs[j].level <= segs[i].level:
            break
        out.append(j)
    return out


def _parents(segs: list[_Seg]) -> list[int]:
    parent = [-1] * len(segs)
    stack: list[int] = []
    for i, s in enumerate(segs):
        if not s.level:
            continue
        while stack and segs[stack[-1]].level >= s.level:
            stack.pop()
        parent[i] = stack[-1] if stack else -1
        stack.append(i)
    return parent


class _File:
    """What the whole file's reading says, shared by its candidates."""

    def __init__(self, plan: Plan, segs: list[_Seg], parent: list[int]) -> None:
        self.plan = plan
        self.segs = segs
        self.parent = parent
        self.talks = sum(1 for r in plan.roles.values() if r.kind is RoleKind.TALK)
        self.talk_forms = {r.form for r in plan.roles.values() if r.kind is RoleKind.TALK}
        self.days = plan.has_days
        self.min_level = min((s.level for s in segs if s.level), default=1)
        self.ruled = {line for line, r in plan.roles.items() if r.kind is RoleKind.TALK}
        self.talk_words = [(r.line, _words(r.title)) for r in plan.roles.values() if r.kind is RoleKind.TALK]

    def role_of(self, i: int) -> Role | None:
        return self.plan.roles.get(self.segs[i].line) if i >= 0 else None

    def file_feats(self, prefix: str) -> dict[str, float]:
        return {
            f"{prefix}file_no_talks": float(self.talks == 0),
            f"{prefix}file_some_talks": float(1 <= self.talks <= 3),
            f"{prefix}file_many_talks": float(self.talks >= 4),
            f"{prefix}file_days": float(self.days),
        }


@dataclass
class _HeadInfo:
    video: bool
    speaker: bool
    person_link: bool
    talk_word: bool
    ev: frozenset[Evidence]
    shape: tuple[object, ...]
    blocks: int


def _texts(blocks: list[Block], n: int = 4) -> Iterable[FlatInline]:
    for tok in blocks[:n]:
        if tok.get("type") in ("paragraph", "block_text", "heading"):
            yield flat_of(tok)
        elif tok.get("type") == "list":
            for item in (tok.get("children") or [])[:3]:
                for part in (item.get("children") or [])[:1]:
                    if part.get("type") in ("paragraph", "block_text"):
                        yield flat_of(part)


def _person_part(text: str) -> bool:
    """A person's name among a title's parts ("Title - Jane Roe", "Jane Roe: Title", "Title (Jane Roe, Org)")."""
    parts = [p.strip(" *_[]\"'") for p in _PARTS.split(text)]
    return any(2 <= len(p) <= 50 and is_person(p) for p in parts[:6] if p)


def _shape(text: str, linked: bool) -> tuple[object, ...]:
    """A line's shape, in no language: how long, led by a link or a time, a separator, a name, quotes, a full stop."""
    n = len(text.split())
    return (min(n // 4, 4), linked, strip_time(text) != text, bool(_SEP.search(text)), _person_part(text),
            bool(_QUOTED.search(text)), bool(_SENTENCE.search(text)))


def _head_info(s: _Seg) -> _HeadInfo:
    ev = s.title_evidence + block_evidence(s.blocks, s.lines)
    person = talk = False
    for flat in _texts(s.blocks, 12):
        if not person and any(is_person(lk.text) for lk in flat.links):
            person = True
        if not talk and _TALK_WORD.search(flat.text):
            talk = True
    video = has(ev, Evidence.VIDEO) or any(video_in_text(str(b.get("raw", ""))) for b in s.blocks[:12]
                                           if b.get("type") == "block_html") or any(
        url_host(lk.url).endswith(VIDEO_HOSTS) for flat in _texts(s.blocks, 12) for lk in flat.links)
    kinds = frozenset(f.kind for f in ev if f.kind in _EV)
    if s.raw != s.title and ("<a" in s.raw or "{#" in s.raw):
        kinds |= {Evidence.ANCHOR}
    return _HeadInfo(video, has(ev, Evidence.SPEAKER_LINE), person, talk, kinds,
                     _shape(s.title, False), len(s.blocks))


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.casefold()))


def _dup(title: str, lines: int, ctx: _File) -> bool:
    """Its title repeats that of a talk the rules found elsewhere in the file (a contents list, a plan)."""
    w = _words(title)
    return len(w) >= 2 and any(line != lines and len(w & tw) >= 0.6 * min(len(w), len(tw))
                               for line, tw in ctx.talk_words)


def _around(order: list[int], me: int, ruled: set[int]) -> dict[str, float]:
    """Whether the same-form siblings just before and after it (``order``: their lines) are the rules' talks."""
    k = order.index(me) if me in order else -1
    prev = k > 0 and order[k - 1] in ruled
    nxt = 0 <= k < len(order) - 1 and order[k + 1] in ruled
    return {"prev_ruled": float(prev), "next_ruled": float(nxt), "between_ruled": float(prev and nxt)}


def _frac(xs: list[bool]) -> float:
    return sum(xs) / len(xs) if xs else 0.0


def _ev_feats(prefix: str, kinds: Iterable[Evidence]) -> dict[str, float]:
    return {f"{prefix}ev_{k.name.lower()}": 1.0 for k in kinds}


def _rule_feats(prefix: str, role: Role | None) -> dict[str, float]:
    """What the rules decided about the line (ignored, and why), as features."""
    if role is None:
        return {f"{prefix}rule_none": 1.0}
    f = {f"{prefix}rule_{role.kind.value}": 1.0}
    for fact in role.evidence:
        name = _WHY_NOT.get(fact.kind)
        if name:
            f[f"{prefix}rule_why_{name}"] = 1.0
        elif fact.kind in (Evidence.NO_EVIDENCE, Evidence.COLLECTION_TITLE, Evidence.DAYS_UNDER):
            f[f"{prefix}rule_{fact.kind.name.lower()}"] = 1.0
    return f


def _heading(segs: list[_Seg], i: int, par: int, sibs: list[int], info: dict[int, _HeadInfo], ctx: _File) -> Candidate:
    s = segs[i]
    me = info[i]
    words = s.title.split()
    others = [j for j in sibs if j != i]
    prole = ctx.role_of(par)
    role = ctx.role_of(i)
    below = _below(segs, i)
    pos = sibs.index(i) if i in sibs else 0
    sib_roles = [ctx.role_of(j) for j in others]
    f = {
        "h": 1.0,
        "h_level1": float(s.level == 1),
        "h_level2": float(s.level == 2),
        "h_level3_plus": float(s.level >= 3),
        "h_top_level": float(s.level == ctx.min_level),
        "h_not_talk_word": float(bool(s.why_not)),
        "h_title_evidence": float(bool(s.title_evidence)),
        "h_video": float(me.video),
        "h_speaker_line": float(me.speaker),
        "h_person_link": float(me.person_link),
        "h_talk_word_under": float(me.talk_word),
        "h_talk_word_title": float(bool(_TALK_WORD.search(s.title))),
        "h_group_word": float(bool(group_word(s.title))),
        "h_person_in_title": float(me.shape[4] is True),
        "h_separator": float(me.shape[3] is True),
        "h_quoted": float(me.shape[5] is True),
        "h_sentence": float(me.shape[6] is True),
        "h_date": float(bool(_DATE.search(s.title))),
        "h_short_title": float(len(words) <= 2),
        "h_long_title": float(len(words) > 12),
        "h_question": float(s.title.rstrip().endswith("?")),
        "h_no_blocks": float(not s.blocks),
        "h_few_blocks": float(1 <= me.blocks <= 3),
        "h_many_blocks": float(me.blocks >= 10),
        "h_has_subheadings": float(bool(below)),
        "h_many_subheadings": float(len(below) >= 4),
        "h_alone": float(len(sibs) <= 1),
        "h_siblings_many": float(len(sibs) >= 4),
        "h_first": float(pos == 0 and len(sibs) > 1),
        "h_last": float(pos == len(sibs) - 1 and len(sibs) > 1),
        "h_sib_video": _frac([info[j].video for j in others]),
        "h_sib_person_link": _frac([info[j].person_link for j in others]),
        "h_sib_speaker_line": _frac([info[j].speaker for j in others]),
        "h_sib_talk_word": _frac([info[j].talk_word for j in others]),
        "h_sib_not_talk": _frac([bool(segs[j].why_not) for j in others]),
        "h_sib_evidence": _frac([bool(info[j].ev) for j in others]),
        "h_sib_shape_alike": _frac([info[j].shape == me.shape for j in others]),
        "h_sib_ruled_talk": _frac([r is not None and r.kind is RoleKind.TALK for r in sib_roles]),
        "h_sib_ruled_ignored": _frac([r is not None and r.kind is RoleKind.IGNORED for r in sib_roles]),
        "h_parent_group": float(prole is not None and prole.kind is RoleKind.GROUP),
        "h_parent_day": float(prole is not None and prole.kind is RoleKind.DAY),
        "h_parent_ignored": float(prole is not None and prole.kind is RoleKind.IGNORED),
        "h_parent_talk_word": float(par >= 0 and bool(_TALK_WORD.search(segs[par].title))),
        "h_top": float(par < 0),
        "h_video_and_person": float(me.video and me.person_link),
        "h_numbered": float(bool(_NUMBERED.match(s.title))),
        "h_like_siblings": _frac([info[j].video == me.video and info[j].person_link == me.person_link
                                  and info[j].speaker == me.speaker for j in others]),
        "h_kids_ruled": float(any(ctx.role_of(j) is not None and ctx.role_of(j).kind in (RoleKind.TALK, RoleKind.GROUP, RoleKind.DAY)
                                  for j in below)),  # type: ignore[union-attr]
    }
    f.update(_ev_feats("h_", me.ev))
    f.update(_rule_feats("h_", role))
    f.update({"h_" + k: v for k, v in _around([segs[j].line for j in sibs], s.line, ctx.ruled).items()})
    f["h_dup_ruled"] = float(_dup(s.title, s.line, ctx))
    f["h_sib_ruled_alike"] = _frac([segs[j].line in ctx.ruled and info[j].shape[1:4] == me.shape[1:4] for j in others])
    f.update(ctx.file_feats("h_"))
    f = {k: v for k, v in f.items() if v}
    is_open = (role is None or role.kind is RoleKind.IGNORED) and not f.get("h_kids_ruled")
    return Candidate(s.line, "heading", s.title, s.level, f, under=i, open=is_open)


@dataclass
class _Line:
    """A list item, lead line or table row, as its features read it."""

    line: int
    text: str
    title: str
    names: str
    link_first: bool
    video: bool
    person: bool
    by_word: bool
    words: int
    bold: bool
    shape: tuple[object, ...]
    ev: frozenset[Evidence]
    sub: bool = False  # holds a nested list
    anchor: bool = False  # links to a place in the same page ("#install"): a contents list


def _line_info(flat: FlatInline, line: int, bold: bool = False) -> _Line | None:
    first = one_line(flat.text.split("\n")[0])
    if not first:
        return None
    links = flat.links
    video = any(url_host(lk.url).endswith(VIDEO_HOSTS) for lk in links) or bool(video_in_text(flat.text))
    people = [lk.text for lk in links if is_person(lk.text)]
    m = _NAME_LEAD.match(first)
    lead_name = m.group(1).strip(" *_") if m else ""
    if lead_name and is_person(lead_name.split(" y ")[0].split(" and ")[0].split(",")[0]):
        people.insert(0, lead_name)
    titled = [lk for lk in links if lk.text.strip() and not is_person(lk.text) and lk.text.strip() != lk.url]
    title = one_line(titled[0].text) if titled else (first[m.end():] if m and lead_name in people else first)
    by = bool(_BY_WORD.search(" " + first + " "))
    if not people and by:
        tail = _BY_WORD.split(" " + first + " ", maxsplit=1)[-1]
        cand = re.split(r"\s[-–—]\s|[,.;(]", tail.strip(" _*"))[0].strip(" _*[]")
        if is_person(cand):
            people.append(cand)
    if not people and _person_part(first):
        people.append("")
    names = ", ".join(dict.fromkeys(p.strip(" *_") for p in people if p))
    link_first = bool(links) and links[0].offset <= 3
    ev = frozenset(x.kind for x in title_evidence(first[:300]))
    return _Line(line, first, title.strip(" .") or first, names, link_first, video, bool(people), by,
                 len(first.split()), bold, _shape(first, link_first), ev,
                 anchor=any(lk.url.startswith("#") for lk in links))


def _item_info(item: Block) -> _Line | None:
    parts = item.get("children") or []
    head = parts[0] if parts and parts[0].get("type") in ("paragraph", "block_text") else None
    if head is None:
        return None
    kids = head.get("children") or []
    x = _line_info(flat_of(head), int(head["line"]), bool(kids) and kids[0].get("type") == "strong")
    if x is not None:
        x.sub = any(p.get("type") == "list" for p in parts[1:])
    return x


def _line_feats(p: str, x: _Line, others: list[_Line], ctx: _File, role: Role | None, s: _Seg, lead: str,
                ruled: list[bool], order: list[int] | None = None) -> dict[str, float]:
    """What a list item, lead line or table row and its siblings show (``p``: the feature names' prefix)."""
    kind = role.kind.value if role is not None else ("none" if s.level else "start")
    f = {
        p: 1.0,
        f"{p}parent_{kind}": 1.0,
        f"{p}link_first": float(x.link_first),
        f"{p}video": float(x.video),
        f"{p}person": float(x.person),
        f"{p}by_word": float(x.by_word),
        f"{p}bold": float(x.bold),
        f"{p}long": float(x.words > 25),
        f"{p}short": float(x.words <= 3),
        f"{p}time": float(x.shape[2] is True),
        f"{p}separator": float(x.shape[3] is True),
        f"{p}quoted": float(x.shape[5] is True),
        f"{p}sentence": float(x.shape[6] is True),
        f"{p}has_sublist": float(x.sub),
        f"{p}not_talk_word": float(bool(not_talk(x.title))),
        f"{p}group_word": float(bool(group_word(strip_time(x.title)))),
        f"{p}talk_word": float(bool(_TALK_WORD.search(x.text))),
        f"{p}alone": float(not others),
        f"{p}many": float(len(others) >= 3),
        f"{p}sib_video": _frac([y.video for y in others]),
        f"{p}sib_person": _frac([y.person for y in others]),
        f"{p}sib_link_first": _frac([y.link_first for y in others]),
        f"{p}sib_time": _frac([y.shape[2] is True for y in others]),
        f"{p}sib_shape_alike": _frac([y.shape == x.shape for y in others]),
        f"{p}sib_ruled_talk": _frac(ruled),
        f"{p}lead_talk_word": float(bool(_TALK_WORD.search(lead))),
        f"{p}lead_colon": float(lead.endswith((":", "："))),
        f"{p}heading_talk_word": float(bool(_TALK_WORD.search(s.title))),
        f"{p}heading_group_word": float(bool(group_word(s.title))),
        f"{p}video_and_person": float(x.video and x.person),
        f"{p}checkbox": float(x.text.startswith(("[ ]", "[x]", "[X]"))),
        f"{p}launch_words": float(bool(_LAUNCH_WORD.search(lead + " " + s.title))),
        f"{p}date": float(bool(_DATE.search(x.text))),
    }
    f.update(_ev_feats(p, x.ev))
    f.update(ctx.file_feats(p))
    f.update({p + k: v for k, v in _around(order if order is not None else sorted([x.line, *(y.line for y in others)]),
                                            x.line, ctx.ruled).items()})
    f[f"{p}dup_ruled"] = float(_dup(x.title, x.line, ctx))
    f[f"{p}anchor_link"] = float(x.anchor)
    f[f"{p}sib_ruled_alike"] = _frac([y.line in ctx.ruled and (y.bold, y.link_first, y.shape[2]) == (x.bold, x.link_first, x.shape[2])
                                      for y in others])
    return {k: v for k, v in f.items() if v}


def _items(s: _Seg, role: Role | None, ctx: _File) -> list[Candidate]:
    found: list[Candidate] = []
    for n, tok in enumerate(s.blocks):
        if tok.get("type") != "list":
            continue
        prev = s.blocks[n - 1] if n else None
        lead = one_line(flat_of(prev).text) if prev is not None and prev.get("type") == "paragraph" else ""
        found += _list(tok, s, role, ctx, lead, 0, None)
    return found


def _list(tok: Block, s: _Seg, role: Role | None, ctx: _File, lead: str, depth: int,
          over: _Line | None) -> list[Candidate]:
    items = (tok.get("children") or [])[:200]
    pairs = [(it, _item_info(it)) for it in items]
    infos = [x for _, x in pairs if x is not None]
    found: list[Candidate] = []
    roles = ctx.plan.roles
    for x in infos:
        others = [y for y in infos if y is not x]
        ruled = [y.line in roles and roles[y.line].kind is RoleKind.TALK for y in others]
        f = _line_feats("i_", x, others, ctx, role, s, lead, ruled)
        if depth:
            f["i_nested"] = 1.0
            if over is not None:
                f["i_over_time"] = float(over.shape[2] is True)
                f["i_over_group_word"] = float(bool(group_word(strip_time(over.title))))
                f["i_over_ruled_talk"] = float(over.line in roles and roles[over.line].kind is RoleKind.TALK)
        title = f"{x.title} by {x.names}" if x.names else x.title
        found.append(Candidate(x.line, "list item", title, s.level + 1 + depth, {k: v for k, v in f.items() if v},
                               open=x.line not in roles))
    if depth < 1:
        for it, x in pairs:
            for sub in (it.get("children") or [])[1:]:
                if sub.get("type") == "list" and x is not None:
                    found += _list(sub, s, role, ctx, x.text, depth + 1, x)
    return found


def _paragraphs(s: _Seg, role: Role | None, ctx: _File) -> list[Candidate]:
    """Short paragraphs: a bold lead line ("**Title** - Name") or a plain one ("Title" over "Name, Org")."""
    paras: list[tuple[int, _Line, str]] = []
    roles = ctx.plan.roles
    for n, tok in enumerate(s.blocks):
        if tok.get("type") != "paragraph":
            continue
        flat = flat_of(tok)
        first = flat.text.split("\n", 1)[0]
        bold = bold_lead(tok) is not None
        form = "bold line" if bold else "plain line"
        if form not in _ON or not 3 <= len(first) <= 200 or (not bold and len(first.split()) > 20):
            continue
        x = _line_info(flat, int(tok["line"]), bold)
        if x is not None:
            paras.append((n, x, form))
    found: list[Candidate] = []
    for n, x, form in paras:
        others = [y for _, y, fm in paras if y is not x and fm == form]
        ruled = [y.line in roles and roles[y.line].kind is RoleKind.TALK for y in others]
        f = _line_feats("p_", x, others, ctx, role, s, "", ruled)
        f["p_" + form.split()[0]] = 1.0
        nxt = s.blocks[n + 1] if n + 1 < len(s.blocks) else None
        if nxt is not None:
            f["p_next_" + str(nxt.get("type"))] = 1.0
            if nxt.get("type") in ("paragraph", "list"):
                nx = _line_info(flat_of(nxt) if nxt.get("type") == "paragraph" else
                                flat_of(((nxt.get("children") or [{}])[0].get("children") or [{}])[0]), 0)
                if nx is not None and nx.person:
                    f["p_next_person"] = 1.0
        lines = flat_of(s.blocks[n]).text.count("\n") + 1
        f["p_one_line" if lines == 1 else "p_lines"] = 1.0
        found.append(Candidate(x.line, form, x.title, s.level + 1, f, open=x.line not in roles))
    return found


def _rows(s: _Seg, role: Role | None, ctx: _File) -> list[Candidate]:
    """The body rows of the tables under a heading."""
    found: list[Candidate] = []
    roles = ctx.plan.roles
    for tok in s.blocks:
        if tok.get("type") != "table":
            continue
        body = table_rows(tok)[1:200]
        at_lines = cell_lines(tok) if tok.get("style") == "html" else {}
        infos: list[tuple[_Line, int]] = []
        for row in body:
            cells = [one_line(flat_of(c).text) for c in row.get("children") or []]
            texts = [c for c in cells if c]
            if not texts:
                continue
            links = [lk for c in row.get("children") or [] for lk in flat_of(c).links]
            flat = FlatInline(" | ".join(texts), links)
            x = _line_info(flat, int(row.get("line") or tok.get("line") or 0))
            if x is None:
                continue
            x.title = max(texts, key=len)
            infos.append((x, len(texts)))
        for x, ncells in infos:
            others = [y for y, _ in infos if y is not x]
            ruled = [y.line in roles and roles[y.line].kind is RoleKind.TALK for y in others]
            f = _line_feats("r_", x, others, ctx, role, s, "", ruled)
            f["r_cells_" + str(min(ncells, 4))] = 1.0
            taken = any(at in roles for at in at_lines.get(x.line, [x.line]))  # (a grid's cells: talks of their own)
            found.append(Candidate(x.line, "table row", x.title, s.level + 1, f, open=not taken))
    return found
