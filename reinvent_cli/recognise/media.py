"""Video and slides links: which link of a talk is its recording, which its deck."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_VIDEO_TEXT = re.compile(
    r"^\s*(video|recording|youtube|watch\b|vimeo|vid[ée]o|v[íi]deo|aufzeichnung|mitschnitt|enregistrement|"
    r"grabaci[óo]n|replay)", re.I)


_SLIDES_TEXT = re.compile(
    r"^\s*(slides?|deck|slideshare|speakerdeck|presentation|folien|foliensatz|pr[äa]sentation|diapos|"
    r"diapositiv[ae]s?|pr[ée]sentation|transparents|support)\b", re.I)


_GENERIC_LINK = re.compile(r"^\s*(blog( post)?|here|link|this|post|more|details|sign ?up( page)?|docs?|announcement)\s*$", re.I)


def _video_key(url: str) -> str:
    parts = urlsplit(url)
    v = re.search(r"(?:^|&)v=([^&]+)", parts.query)
    return f"{parts.hostname}{parts.path}" + (f"?v={v.group(1)}" if v else "")
