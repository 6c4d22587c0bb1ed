"""Metadata lines of a talk: 'Speaker: ...', 'Description: ...', 'Video: ...' in several languages."""

from __future__ import annotations

import re

from reinvent_cli.recognise.text.patterns import pattern

META_LINE = pattern(
    r"^(speakers?|presenters?|presented by|hosts?|desc|description|abstract|summary|title|"
    r"conference|event|date|video|slides|recording|"
    r"sprecher(?:in(?:nen)?)?|referent(?:in(?:nen)?|en)?|vortragende[rn]?|intervenant(?:e|s|es)?|orat(?:eur|rice)s?|"
    r"ponentes?|titel|titre|t[ií]tulo|konferenz|veranstaltung|[ée]v[ée]nement|evento|datum|fecha|"
    r"zusammenfassung|r[ée]sum[ée]|resumen)\s*(?:::?|\s[-–—])\s*(.*)$",
    re.IGNORECASE,
)


# A "Key: value" line of an indented or fenced block that holds a talk's metadata.
KV_LINE = pattern(r"^\s*[*_]{0,2}[^\W\d][\w .'’-]{0,30}[*_]{0,2}\s*:[*_]{0,2}(?:\s+\S|\s*$)")
