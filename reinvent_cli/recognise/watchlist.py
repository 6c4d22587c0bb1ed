"""The 'talks to watch' list: headings that introduce it."""

from __future__ import annotations

import re

_WATCH_HEADING = re.compile(r"\b(to watch|watch ?list|watch later|talks i missed|to see)\b", re.IGNORECASE)
