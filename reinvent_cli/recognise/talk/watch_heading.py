"""The lists that are no talks attended: 'talks to watch' (WATCH_HEADING) and things to read (READING_LEAD)."""

from __future__ import annotations

import re

from reinvent_cli.lexicon import READING_WORDS
from reinvent_cli.recognise.text.patterns import pattern

WATCH_HEADING = pattern(r"\b(to watch|watch ?list|watch later|talks i missed|to see)\b", re.IGNORECASE)

# A heading or lead-in that is only such words ("To Read", "_Further reading_", "Articles:", "推荐阅读").
READING_LEAD = pattern(r"^[\s*_#]*(?:{})[\s*_:：]*$".format("|".join(re.escape(w) for w in sorted(
    READING_WORDS, key=len, reverse=True))), re.IGNORECASE)
