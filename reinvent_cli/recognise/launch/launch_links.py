"""A list of links to launch posts ("- [Amazon Braket – Get Started with Quantum Computing](https://aws.amazon.com/
blogs/aws/amazon-braket-...)", "- [AWS Outposts Now Available](.../whats-new/2019/12/...)"): its items are
launches, though they may not say so in words. Not a "Resources" list, not a list of mixed links."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from reinvent_cli.lexicon import LAUNCH_URL_WORDS, REFERENCE_HEADINGS
from reinvent_cli.recognise.text.patterns import pattern

_LAUNCH_URL = pattern(rf"(?:{LAUNCH_URL_WORDS})", re.IGNORECASE)
_REFERENCE = pattern(rf"^\W*(?:{REFERENCE_HEADINGS})\b", re.IGNORECASE)


def launch_post_url(url: str) -> bool:
    """An address whose path says it is a launch's post ("/whats-new/", "announcing-", "-now-available")."""
    if not url.startswith(("http://", "https://")) or len(url) > 500:
        return False
    try:
        path = urlsplit(url).path.lower()
    except ValueError:
        return False
    return bool(_LAUNCH_URL.search(path))


def reference_heading(title: str) -> bool:
    """A heading over links to read or watch, not launches: "Resources", "Further reading", "Blog posts 📰"."""
    return len(title) <= 60 and bool(_REFERENCE.match(title))


def launch_post_list(urls: list[str | None]) -> bool:
    """Whether a list's items are launches by their links: three or more items, two thirds of them a link to
    a launch post and nothing else (a mark before it at most: "🚀 [X](url)"). (``urls``: each item's link when
    the item is one link, else None.)"""
    if len(urls) < 3:
        return False
    posts = sum(1 for url in urls if url is not None and launch_post_url(url))
    return posts * 3 >= len(urls) * 2
