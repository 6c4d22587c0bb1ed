"""The 'talks to watch' list: headings that introduce it."""

from __future__ import annotations

import re

from reinvent_cli.recognise.text.patterns import pattern

WATCH_HEADING = pattern(r"\b(to watch|watch ?list|watch later|talks i missed|to see)\b", re.IGNORECASE)
