"""Video and slides links: which link of a talk is its recording, which its deck."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from reinvent_cli.lexicon import (
    ARTICLE_HOSTS,
    ARTICLE_PATH_WORDS,
    SESSION_HOSTS,
    SESSION_PATH_WORDS,
    VIDEO_HOSTS,
    VIDEO_PAGES,
)
from reinvent_cli.recognise.text.inline import url_host
from reinvent_cli.recognise.text.patterns import pattern

VIDEO_TEXT = pattern(
    r"^\s*(video|recording|youtube|watch\b|vimeo|vid[ée]o|v[íi]deo|aufzeichnung|mitschnitt|enregistrement|"
    r"grabaci[óo]n|replay)", re.IGNORECASE)


SLIDES_TEXT = pattern(
    r"^\s*(slides?|deck|slideshare|speakerdeck|presentation|folien|foliensatz|pr[äa]sentation|diapos|"
    r"diapositiv[ae]s?|pr[ée]sentation|transparents|support|pptx?)\b", re.IGNORECASE)


GENERIC_LINK_TEXT = pattern(r"^\s*(blog( post)?|here|link|this|post|more|details|sign ?up( page)?|docs?|announcement|site"
                            r"|article|press release)\s*$", re.IGNORECASE)


def video_url(url: str) -> bool:
    """A link to a recording: on a video host (lexicon VIDEO_HOSTS: "youtube.com", "youtu.be", "vimeo.com"), or a
    recording's page on a site that hosts other things too (VIDEO_PAGES: "developer.apple.com/videos/play/")."""
    host = url_host(url)
    if host.endswith(VIDEO_HOSTS):
        return True
    if not host.endswith(_PAGE_HOSTS):
        return False
    low = url.lower()
    at = low.find(host)
    return at >= 0 and low[at:at + 60].startswith(VIDEO_PAGES)


_PAGE_HOSTS = tuple({p.split("/", 1)[0] for p in VIDEO_PAGES})


def video_key_of(url: str) -> str:
    parts = urlsplit(url)
    v = re.search(r"(?:^|&)v=([^&]+)", parts.query)
    return f"{parts.hostname}{parts.path}" + (f"?v={v.group(1)}" if v else "")


# "{{< youtube ID >}}" (Hugo), "{% youtube ID %}" (Jekyll/Liquid), "<iframe src=".../embed/ID">".
_SHORTCODE = pattern(r"\{[{%][<%]?\s*(youtube|vimeo)\s+(?:id=)?[\"']?([\w-]{6,20})[\"']?\s*[>%]?[}%]\}", re.IGNORECASE)
_IFRAME = pattern(r"<iframe[^>]*\bsrc\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_SHORTCODE_URL = {"youtube": "https://www.youtube.com/watch?v={}", "vimeo": "https://vimeo.com/{}"}


def video_in_text(text: str) -> str | None:
    """The video a shortcode or an iframe in a note's text embeds, as a URL; None."""
    if "{" in text:
        m = _SHORTCODE.search(text)
        if m:
            return _SHORTCODE_URL[m.group(1).lower()].format(m.group(2))
    if "<" in text:
        m = _IFRAME.search(text)
        if m and re.search(r"youtube(?:-nocookie)?\.com|youtu\.be|vimeo\.com", m.group(1), re.IGNORECASE):
            return "https:" + m.group(1) if m.group(1).startswith("//") else m.group(1)  # ('src="//www.youtube…"')
    return None


# "/talks/perses", "/2023/sessions/1234-kafka": a path word of SESSION_PATH_WORDS, then the talk's own slug.
_SESSION_PATH = pattern(r"/(?:{})/[\w%.~-]{{2,}}".format("|".join(SESSION_PATH_WORDS)), re.IGNORECASE)


def session_page(url: str) -> bool:
    """A link to one session's page on a conference site (a schedule host, or ".../talks/<slug>")."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return False
    if host.endswith(SESSION_HOSTS):
        return len(parts.path.strip("/")) >= 3
    return bool(_SESSION_PATH.search(parts.path))


_ARTICLE_PATH = frozenset(ARTICLE_PATH_WORDS)


def article_page(url: str) -> bool:
    """A link to something to read or listen to: an article host ("medium.com", "dev.to") or a path under a blog,
    a post, an episode ("/blog/2023/…", "/posts/…", "/episodes/…")."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    if not host:
        return False
    if host.endswith(ARTICLE_HOSTS) or host.startswith("blog."):
        return True
    segments = [x.lower() for x in parts.path.split("/") if x]
    return len(segments) >= 2 and any(x in _ARTICLE_PATH for x in segments[:-1])
