"""An experiment (not used by the package): a second opinion on the talk candidates the rules left out. Every
heading and list item of a file that is talk notes gets features (its shape, what is under it, its siblings,
its parent), weighed by a logistic model learned from the annotated notes by ``eval/learn/train.py``, which
also measures it leave-one-source-out. ``promote`` adds to a plan the candidates scored above the threshold,
only where that takes nothing away (no talk, group or day under it). Why it is not in the package: see
docs/structure.md, "A learned scorer, measured".
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reinvent_cli.lexicon import GROUP_TALK_WORDS, TALK_WORDS, VIDEO_HOSTS
from reinvent_cli.recognise.talk.evidence import block_evidence, group_word, not_talk, title_evidence
from reinvent_cli.recognise.talk.media import video_in_text
from reinvent_cli.recognise.talk.names import is_person
from reinvent_cli.recognise.talk.reasons import Evidence, Fact, has
from reinvent_cli.recognise.talk.roles import Role, RoleKind
from reinvent_cli.recognise.text.inline import FlatInline, flat_of, one_line, url_host
from reinvent_cli.recognise.text.patterns import pattern

if TYPE_CHECKING:
    from reinvent_cli.recognise.document.layout import Plan, _Seg

Block = dict[str, Any]

BIAS = 0.0
THRESHOLD = 1.0
WEIGHTS: dict[str, float] = {}  # (set by train.py for each fold)

_TALK_WORD = pattern(rf"(?<![\w-])(?:{TALK_WORDS}|{'|'.join(re.escape(w) for w in GROUP_TALK_WORDS)})(?![\w-])",
                     re.IGNORECASE)
_BY_WORD = pattern(r"(?:^|[\s_*(])(?:by|von|par|por|de|with|mit|com|avec|con|presented by|speaker|speakers)"
                   r"[\s_*:)]", re.IGNORECASE)
_NUMBERED = pattern(r"^\s*\d+(?:\.\d+)+\.?\s")  # "3.5 Google Home": a part of something numbered
_LAUNCH_WORD = pattern(r"(?<![\w-])(?:launch\w*|announce\w*|release\w*|new\b|what's new)", re.IGNORECASE)
_NAME_LEAD = pattern(r"^\s*([^:：\[\]()]{3,60}?)\s*[:：–—-]\s+")  # "Jane Roe: Title", "Jane Roe - Title"


@dataclass
class Candidate:
    """A heading or list item the rules did not make a talk, with its features."""

    line: int
    form: str  # "heading" or "list item"
    title: str
    level: int
    feats: dict[str, float] = field(default_factory=dict)
    under: int = -1  # a heading: its index in the plan's segments
    p: float = 0.0


def probability(feats: dict[str, float]) -> float:
    z = BIAS + sum(WEIGHTS.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def candidates(plan: Plan) -> list[Candidate]:
    """Every heading and top list item of the file that the rules left without a talk, with features."""
    segs = plan.segs
    heads = [i for i, s in enumerate(segs) if s.level]
    parent = _parents(segs)
    kids: dict[int, list[int]] = {}
    for i in heads:
        kids.setdefault(parent[i], []).append(i)
    info = {i: _head_info(segs[i], plan) for i in heads}
    found: list[Candidate] = []
    ruled = sum(1 for r in plan.roles.values() if r.kind is RoleKind.TALK)
    for i in heads:
        sibs = [j for j in kids.get(parent[i], []) if segs[j].level == segs[i].level]
        found.append(_heading(segs, i, parent[i], sibs, info, plan, ruled))
    for i, s in enumerate(segs):
        role = plan.roles.get(s.line)
        inside = role is not None and role.kind in (RoleKind.TALK, RoleKind.SECTION)
        if inside or not any(b.get("type") == "list" for b in s.blocks):
            continue
        found += _items(s, i, role, plan, ruled)
    return found


def promote(plan: Plan) -> list[Candidate]:
    """Adds to the plan the candidates the model scores above its threshold; returns them."""
    if not WEIGHTS:
        return []
    chosen = []
    for c in candidates(plan):
        if c.line in plan.roles and plan.roles[c.line].kind is RoleKind.TALK:
            continue
        c.p = probability(c.feats)
        if c.p >= THRESHOLD:
            chosen.append(c)
    done = []
    for c in chosen:
        if c.form == "heading" and _promote_heading(plan, c):
            done.append(c)
        elif c.form == "list item" and c.line not in plan.roles:
            plan.roles[c.line] = Role(RoleKind.TALK, "list item", c.title, c.line, c.level, _why(c))
            done.append(c)
    return done


def _why(c: Candidate) -> list[Fact]:
    top = sorted(((WEIGHTS.get(k, 0.0) * v, k) for k, v in c.feats.items() if v), reverse=True)[:3]
    return [Evidence.SCORED.of(f"{c.p:.2f}", ", ".join(k.replace("_", " ") for w, k in top if w > 0))]


def _promote_heading(plan: Plan, c: Candidate) -> bool:
    segs = plan.segs
    s = segs[c.under]
    role = plan.roles.get(s.line)
    if role is not None and role.kind not in (RoleKind.IGNORED,):
        return False
    below = _below(segs, c.under)
    lines = {segs[j].line for j in below}
    end = segs[below[-1] + 1].line if below and below[-1] + 1 < len(segs) else (
        segs[c.under + 1].line if not below and c.under + 1 < len(segs) else 1 << 30)
    inner = [r for r in plan.roles.values() if s.line < r.line < end and r.kind in (RoleKind.TALK, RoleKind.GROUP, RoleKind.DAY)]
    if inner or any(plan.roles.get(ln) is not None and plan.roles[ln].kind in (RoleKind.TALK, RoleKind.GROUP, RoleKind.DAY)
                    for ln in lines):
        return False
    plan.roles[s.line] = Role(RoleKind.TALK, "heading", s.title, s.line, s.level, _why(c))
    for j in below:
        plan.roles[segs[j].line] = Role(RoleKind.SECTION, "heading", segs[j].title, segs[j].line, segs[j].level,
                                        ["under a talk"])
    return True


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


@dataclass
class _HeadInfo:
    video: bool
    speaker: bool
    person_link: bool
    talk_word: bool
    title_ev: bool


def _texts(blocks: list[Block], n: int = 4) -> Iterable[FlatInline]:
    for tok in blocks[:n]:
        if tok.get("type") in ("paragraph", "block_text", "heading"):
            yield flat_of(tok)
        elif tok.get("type") == "list":
            for item in (tok.get("children") or [])[:3]:
                for part in (item.get("children") or [])[:1]:
                    if part.get("type") in ("paragraph", "block_text"):
                        yield flat_of(part)


def _head_info(s: _Seg, plan: Plan) -> _HeadInfo:
    ev = block_evidence(s.blocks, s.lines)
    person = talk = False
    for flat in _texts(s.blocks, 12):
        if not person and any(is_person(lk.text) for lk in flat.links):
            person = True
        if not talk and _TALK_WORD.search(flat.text):
            talk = True
    video = has(ev, Evidence.VIDEO) or any(video_in_text(str(b.get("raw", ""))) for b in s.blocks[:12]
                                   if b.get("type") == "block_html") or any(
        url_host(lk.url).endswith(VIDEO_HOSTS) for flat in _texts(s.blocks, 12) for lk in flat.links)
    return _HeadInfo(video, has(ev, Evidence.SPEAKER_LINE), person, talk, bool(title_evidence(s.title)) if s.title else False)


def _frac(xs: list[bool]) -> float:
    return sum(xs) / len(xs) if xs else 0.0


def _heading(segs: list[_Seg], i: int, par: int, sibs: list[int], info: dict[int, _HeadInfo], plan: Plan,
             ruled: int) -> Candidate:
    s = segs[i]
    me = info[i]
    words = s.title.split()
    others = [j for j in sibs if j != i]
    prole = plan.roles.get(segs[par].line) if par >= 0 else None
    below = _below(segs, i)
    f = {
        "h": 1.0,
        "h_level1": float(s.level == 1),
        "h_level2": float(s.level == 2),
        "h_level3_plus": float(s.level >= 3),
        "h_not_talk_word": float(bool(s.why_not)),
        "h_title_evidence": float(me.title_ev),
        "h_video": float(me.video),
        "h_speaker_line": float(me.speaker),
        "h_person_link": float(me.person_link),
        "h_talk_word_under": float(me.talk_word),
        "h_talk_word_title": float(bool(_TALK_WORD.search(s.title))),
        "h_group_word": float(bool(group_word(s.title))),
        "h_short_title": float(len(words) <= 2),
        "h_long_title": float(len(words) > 12),
        "h_question": float(s.title.rstrip().endswith("?")),
        "h_no_blocks": float(not s.blocks),
        "h_has_subheadings": float(bool(below)),
        "h_alone": float(len(sibs) <= 1),
        "h_siblings_many": float(len(sibs) >= 4),
        "h_sib_video": _frac([info[j].video for j in others]),
        "h_sib_person_link": _frac([info[j].person_link for j in others]),
        "h_sib_speaker_line": _frac([info[j].speaker for j in others]),
        "h_sib_talk_word": _frac([info[j].talk_word for j in others]),
        "h_sib_not_talk": _frac([bool(segs[j].why_not) for j in others]),
        "h_parent_group": float(prole is not None and prole.kind is RoleKind.GROUP),
        "h_parent_day": float(prole is not None and prole.kind is RoleKind.DAY),
        "h_parent_talk_word": float(par >= 0 and bool(_TALK_WORD.search(segs[par].title))),
        "h_top": float(par < 0),
        "h_video_and_person": float(me.video and me.person_link),
        "h_numbered": float(bool(_NUMBERED.match(s.title))),
        "h_like_siblings": _frac([info[j].video == me.video and info[j].person_link == me.person_link
                                  and info[j].speaker == me.speaker for j in others]),
    }
    return Candidate(s.line, "heading", s.title, s.level, f, under=i)


@dataclass
class _Item:
    line: int
    text: str
    title: str
    names: str
    link_first: bool
    video: bool
    person: bool
    by_word: bool
    words: int


def _item_info(item: Block) -> _Item | None:
    parts = item.get("children") or []
    head = parts[0] if parts and parts[0].get("type") in ("paragraph", "block_text") else None
    if head is None:
        return None
    flat = flat_of(head)
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
    names = ", ".join(dict.fromkeys(p.strip(" *_") for p in people))
    link_first = bool(links) and links[0].offset <= 3
    return _Item(int(head["line"]), first, title.strip(" .") or first, names, link_first, video, bool(people), by,
                 len(first.split()))


def _items(s: _Seg, seg_index: int, role: Role | None, plan: Plan, ruled: int) -> list[Candidate]:
    found: list[Candidate] = []
    kind = role.kind.value if role is not None else ("none" if s.level else "start")
    for n, tok in enumerate(s.blocks):
        if tok.get("type") != "list":
            continue
        prev = s.blocks[n - 1] if n else None
        lead = one_line(flat_of(prev).text) if prev is not None and prev.get("type") == "paragraph" else ""
        infos = [x for x in (_item_info(it) for it in (tok.get("children") or [])[:200]) if x is not None]
        if not infos:
            continue
        for x in infos:
            others = [y for y in infos if y is not x]
            f = {
                "i": 1.0,
                f"i_parent_{kind}": 1.0,
                "i_link_first": float(x.link_first),
                "i_video": float(x.video),
                "i_person": float(x.person),
                "i_by_word": float(x.by_word),
                "i_long": float(x.words > 25),
                "i_short": float(x.words <= 3),
                "i_not_talk_word": float(bool(not_talk(x.title))),
                "i_alone": float(len(infos) == 1),
                "i_many": float(len(infos) >= 4),
                "i_sib_video": _frac([y.video for y in others]),
                "i_sib_person": _frac([y.person for y in others]),
                "i_sib_link_first": _frac([y.link_first for y in others]),
                "i_lead_talk_word": float(bool(_TALK_WORD.search(lead))),
                "i_lead_colon": float(lead.endswith((":", "："))),
                "i_heading_talk_word": float(bool(_TALK_WORD.search(s.title))),
                "i_heading_group_word": float(bool(group_word(s.title))),
                "i_video_and_person": float(x.video and x.person),
                "i_checkbox": float(x.text.startswith(("[ ]", "[x]", "[X]"))),
                "i_launch_words": float(bool(_LAUNCH_WORD.search(lead + " " + s.title))),
            }
            title = f"{x.title} by {x.names}" if x.names else x.title
            found.append(Candidate(x.line, "list item", title, s.level + 1, f))
    return found
