"""What a line's role rests on, as members: code branches on them; their descriptions are for inspect only."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import NamedTuple


class Evidence(Enum):
    """One kind of evidence about a line (a heading, bold or plain line, list item, table row). The value is
    its description, shown by ``reinvent inspect`` and its --json only, never read by a rule; "{}" in it is the
    variable part a Fact carries (a code, a count, the words that decided)."""

    # What a talk's own line says (evidence.title_evidence)
    TIME = "a time"
    TIME_RANGE = "a time range"
    CODE = "code {}"
    LABEL = "a label"
    ROOM = "a room"
    SPEAKERS_IN_TITLE = "speakers in the title"
    # What the blocks under it say (evidence.block_evidence, anchor_evidence)
    SPEAKER_LINE = "a speaker line"
    VIDEO = "a video"
    SLIDES = "slides"
    ANCHOR = "an anchor"
    TALK_PROSE = "its text speaks of the talk"  # ("This talk presents", "In diesem Vortrag")
    # Why a heading is no talk (evidence.not_talk), or groups talks (evidence.group_word)
    NO_WORDS = "no words"
    NOT_A_TALK = "'{}' is no talk"
    SOCIAL = "'{}': a social event"
    ANNOUNCEMENTS = "'{}': a list of announcements"
    GROUPS_TALKS = "'{}' groups talks"
    TALKS_UNDER = "{} talks under it"
    PERIOD = "a year or month in a list of talks"
    # The reading of the headings (document/layout.py)
    DAY = "names a day"
    DAY_BELOW_DAYS = "names a day, below the days' level"
    SEGMENT = "a person and their role: a segment"
    SEGMENTS_ALIKE = "{} alike"
    UNDER_A_TALK = "under a talk"
    NO_EVIDENCE = "no evidence of a talk"
    COLLECTION_TITLE = "a collection's title"
    DAYS_UNDER = "headings naming days under it"
    SIBLINGS_ALIKE = "{} of {} siblings alike"
    FIRST_LEVEL = "first level under a day, group or collection"
    LAYOUT_SAYS = "the layout says talks are {}"
    # Bold lines, plain lines, list items, table rows (talk/candidates.py, list_talks.py, tables.py)
    KIND_LABEL = "a talk's kind as its label"
    TITLE_THEN_WHO = "a title, then who gave it"
    TITLE_THEN_ABOUT = "an emphasised title, then what it is about, where talks are expected"
    PERSON_ITEM = "a person and their role, where talks are expected (a keynote's slot)"
    WHO_THEN_TITLE = "who gave it, then the title"
    TITLE_LINE_THEN_WHO = "a title line, then who gave it"
    TITLE_THEN_SPEAKER_LINE = "a title, then a speaker line under it"
    SESSION_LINK = "a link to a session, under sessions"
    UNDER_SESSIONS = "a title in a list under a heading naming talks"
    TOPIC_ITEM = "a topic label (Topic: Title)"
    SESSION_PAGE = "a link to the session's page"
    SCHEDULE_ROW = "a row of a schedule table"
    TOPIC_THEN_WHO = "a topic line, then who gave it"  # (talk/labelled_talks.py)
    WHO_THEN_TOPIC = "who gave it, then a topic line"
    WHO_THEN_QUOTED_TITLE = "who gave it, then a quoted title"
    PRESENTED = "a person on stage, in a recap's prose (with its recording or slides)"  # (talk/prose_talks.py)
    SCORED = "scored {}: {}"  # (eval/learn/features.py's scorer: its probability, its strongest features)
    # Where a talk's speakers came from (WalkState.speaker_from; the walk branches on BOLD_NAMES)
    FROM_TALK_LINE = "the talk's line"
    FROM_KEY_LINE = "a {}: line"
    FROM_LINE_AFTER = "the line after it: {}"
    FROM_VIDEO_PEOPLE = "the people linked where its video is"
    FROM_BOLD_NAMES = "bold names in the keynote's bullets"
    FROM_FRONT_MATTER = "the front matter or the lines above"
    # What inspect adds (recognise/inspect.py)
    UNDER_ANOTHER_TALK = "under another talk"
    ONE_TALK_FILE = "the file is one talk: its title"

    def of(self, *values: object) -> Fact:
        """This evidence, with its variable part (a code, a count, words) if its description has one."""
        return Fact(self, values)

    @property
    def description(self) -> str:
        return str(self.value)


class Fact(NamedTuple):
    """One piece of evidence: its kind, the values its description shows, and the rule of a table that found
    it, if one did (for inspect: evidence.NOT_TALK_RULES, list_talks.ITEM_SHAPES)."""

    kind: Evidence
    values: tuple[object, ...] = ()
    rule: str = ""

    def describe(self) -> str:
        """For inspect only: the words a user reads ("code DAT407", "'lunch' is no talk")."""
        return self.kind.description.format(*self.values) if self.values else self.kind.description


def has(found: Iterable[Fact], *kinds: Evidence) -> bool:
    """Whether any of ``found`` is of one of these kinds."""
    return any(f.kind in kinds for f in found)


# The kinds that say when a talk is (a time, a time range), its code or its label: a line that shows one is a
# talk itself, not a group over talks.
TIMED = (Evidence.TIME, Evidence.TIME_RANGE, Evidence.CODE)
SCHEDULED = (*TIMED, Evidence.LABEL)
# Who gave it, named beside the title
WHO_GAVE_IT = (Evidence.TITLE_THEN_WHO, Evidence.WHO_THEN_TITLE, Evidence.TITLE_LINE_THEN_WHO, Evidence.TOPIC_THEN_WHO,
               Evidence.WHO_THEN_TOPIC, Evidence.WHO_THEN_QUOTED_TITLE, Evidence.PRESENTED)
