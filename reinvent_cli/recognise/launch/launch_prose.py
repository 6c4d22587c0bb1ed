"""Launches told in prose, inside a sentence rather than leading a line: "we announced the React 19 RC",
"announcing that the React Compiler is now open source", "anunciamos que ya se puede probar React 18 RC",
"React 19 RC를 발표했습니다", "Lambda Layers and Runtime API are two new features", "we introduce AWS Cloud Map, a
new service". Each rule is a pure function of a line's text; the name is the product's words (a run of
capitalised words, digits and joiners), never a person, a place or a pronoun."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reinvent_cli.lexicon import (
    ANNOUNCE_FEELINGS,
    CAPITAL_FUNCTION_WORDS,
    EVENT_NAME_SHAPE,
    EVENT_NEWS_WORDS,
    EVENT_WORDS,
    FIRST_PERSON_SUBJECTS,
    INTRO_WORDS,
    JOINING_WORDS,
    KO_LAUNCH_VERBS,
    KO_NOT_LAUNCHED,
    MONTHS,
    NAME_JOINERS,
    NEW_THING_NOUNS,
    NOUN_MARKERS,
    PROSE_ANNOUNCE_VERBS,
    PROSE_NOT_SUBJECT,
    PROSE_PLACE_WORDS,
    ROLE_WORDS,
    WEEKDAYS,
)
from reinvent_cli.recognise.text.patterns import pattern

# The verb inside a sentence (a word before it: "we announced", "Nicola announced", "y anunciamos"); the verb
# leading a sentence is the older rule's (launches.announce_match).
_VERB = pattern(rf"(?<=[\w,)\]])\s+(?:also\s+|then\s+|aussi\s+|también\s+|também\s+)?(?:{PROSE_ANNOUNCE_VERBS})\b")
# (inside a sentence the verb is lowercase: not "AWS CEO Announce 2017", a caption)
_SKIP = pattern(r"^(?:\s*(?:that|que|qu[’']|dass|che|the|a|an|new|our|its|their|his|her|also|today|now|"
                r"officially|publicly|several|two|three|some|le|la|les|l[’']|el|un|une|una|o|os|um|uma|der|die|"
                r"das|den|ein|eine|einen|neue[nrs]?|nouveaux?|nouvelles?|nuevos?|nuevas?|novos?|novas?|"
                r"ya|se|puede|probar|aussi|dans|na|en)\b\s*)+", re.IGNORECASE)
_SENTENCE_END = pattern(r"[.!?;](?=\s|$)|[。！？]")
_TOKEN = pattern(r"\S+")
_NEAR = 9  # the name starts within this many words of the verb (after "that the", "que ya se puede probar")
_EDGE = "\"'“”‘’«»*_`,.;:!?()[]{}"
_KO_VERB = pattern(KO_LAUNCH_VERBS)
_KO_NOT = pattern(KO_NOT_LAUNCHED)
_LATIN_RUN = pattern(r"[A-Z0-9][A-Za-z0-9.+#/-]*(?:\s+(?:[A-Z0-9][A-Za-z0-9.+#/-]*|of|for|&)(?![A-Za-z0-9]))*")
_NEW_THING = pattern(
    rf"^(?P<name>[A-Z][\w.+#/-]*(?:\s+(?:[A-Z0-9][\w.+#/-]*|of|for|and|&))*)\s+(?:is|are)\s+"
    rf"(?:a|an|two|three|four|several|some|the)?\s*(?:brand[- ])?new\s+(?:{NEW_THING_NOUNS})\b",
)
_INTRODUCE = pattern(
    rf"\b(?:introduc(?:e|es|ed|ing)|present(?:s|ed|ing)?|unveil(?:s|ed|ing)?)\s+(?:the\s+)?"
    rf"(?P<name>[A-Z][\w.+#/-]*(?:\s+(?:[A-Z0-9][\w.+#/-]*|of|for|&))*),\s+(?:a|an)\s+(?:brand[- ])?new\s+"
    rf"(?:{NEW_THING_NOUNS})\b",
)


_NEW_THING_ANY = pattern(r" is | are |introduc|present|unveil")


def may_be_prose_launch(low: str) -> bool:
    """Whether a rule of this module may fire on some line of ``low`` (a block's lowered text, after a "\\n"):
    False proves none does (each rule needs one of these words)."""
    # (plain substring tests: this runs on every block, most of which have none of these words)
    if "announc" in low or "unveil" in low or "anunci" in low or "annonc" in low or "annunci" in low:
        return True
    if "new" in low and _NEW_NOUN.search(low) and _NEW_THING_ANY.search(low):
        return True  # (new_thing)
    if ("introduc" in low or "presenta" in low or "stellen" in low) and _INTRO_AT_LINE.search(low):
        return True  # "Introducing X" (intro_launch)
    if ("releas" in low or "shipp" in low or "open sourc" in low or "open-sourc" in low) and "we" in low \
            and _WE_LAUNCH.search(low):
        return True  # "we've just shipped X", "we're open sourcing X" (we_launched; "launch": may_name_launch's own test)
    if " new" in low and ":" in low and ("introduc" in low or "releas" in low or "ship" in low):
        return True  # "introduced three new tools: A, B and C" (enumerated_launches)
    if "introducing " in low or " include" in low:
        return True  # "Google Cloud is introducing X" (introducing_launch), "new features include X" (included_launch)
    if ("includ" in low or "such as" in low) and ("introduc" in low or "releas" in low or "shipped" in low):
        return True  # "introduced three tools, including X, Y and Z" (enumerated_launches; "announc": above)
    if ("包括" in low or "包含" in low or "例如" in low) and (
            "推出" in low or "发布" in low or "發佈" in low or "発表" in low or "リリース" in low):
        return True  # "推出的新项目，包括：A、B、C" (enumerated_launches)
    if low.isascii():
        return False
    return ("kündigt" in low or "발표" in low or "출시" in low or "공개" in low or "анонс" in low or "представил" in low
            or "объявил" in low)


_NEW_NOUN = pattern(rf"new\s+(?:{NEW_THING_NOUNS})\b")
_INTRO_AT_LINE = pattern(rf"\n\s*(?:[^\w\s]{{1,4}}\s*)?(?:{INTRO_WORDS})")
_INTRO = pattern(rf"^(?:[^\w\s]{{1,4}}\s*)?(?:{INTRO_WORDS})\s*:?\s+(?:the\s+|a\s+|an\s+|el\s+|la\s+|le\s+|l[’']\s*)?"
                 r"(?:new\s+)?(?=[A-Z0-9.]|[^\x00-\x7f])", re.IGNORECASE)


def intro_launch(line: str) -> int | None:
    """Where the name starts on a line that opens by presenting a product ("Introducing Amazon Braket" -> at
    "Amazon"), or None; not "Introducing myself", "introducing the speakers" (the name has a capital)."""
    head = line.lstrip()
    m = _INTRO.match(head[:120])
    if m is None:
        return None
    first = head[m.end():m.end() + 1]
    if first.isascii() and first.isalpha() and not first.isupper():
        return None  # (re.IGNORECASE let a lowercase word through the look-ahead)
    return len(line) - len(head) + m.end()


def _capital(word: str) -> bool:
    """A word that may start or carry a product's name: a capital or a digit first ("React", "19", "RC")."""
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def _goes_on(words: list[str], j: int) -> bool:
    """Whether words[j] goes on a name: a capitalised word (not "A", "The"), or a joiner ("for", "de") before
    one ("Access Analyzer for Amazon S3")."""
    raw = words[j]
    word = raw.strip(_EDGE)
    if _capital(word):
        return word.lower() not in CAPITAL_FUNCTION_WORDS
    return (word.lower() in NAME_JOINERS and j + 1 < len(words) and _capital(words[j + 1].strip(_EDGE))
            and not raw.endswith(","))


def name_run(words: list[str], within: int = 1000) -> str | None:
    """The first product-like run of words: capitalised words and digits, joined by "of", "for", "de"... ("React
    18 RC", "Access Analyzer for Amazon S3"); not after a place word ("at KubeCon"), not a month, a weekday or
    a pronoun; None when there is none. (``words``: the words of a clause, in order; the run starts in the
    first ``within``.)"""
    i = 0
    while i < min(len(words), within):
        raw = words[i]
        word = raw.strip(_EDGE)
        prev = words[i - 1].strip(_EDGE).lower() if i else ""
        if prev in PROSE_PLACE_WORDS and _capital(word):
            i += 1  # "unveiled at Google Cloud Next": the place's words, all of them
            while i < len(words) and _capital(words[i].strip(_EDGE)) and not words[i - 1].endswith((",", ";", ":")):
                i += 1
            continue
        if not _capital(word) or raw[:1] in "([" \
                or word.lower() in MONTHS or word.lower() in WEEKDAYS or word.lower() in PROSE_NOT_SUBJECT:
            i += 1
            continue
        if word.endswith(("'s", "’s")) and not _capital(words[i + 1].strip(_EDGE) if i + 1 < len(words) else ""):
            i += 1  # "announcing Facebook’s answer to ...": whose thing, not its name
            continue
        run = [word]
        j = i + 1
        while j < len(words) and len(run) < 8 and not raw.endswith((",", ";", ":", ")")):
            raw = words[j]
            nxt = raw.strip(_EDGE)
            if raw.startswith("(") and raw.rstrip(",.;:").endswith(")") and _capital(nxt):
                run.append(raw.rstrip(",.;:"))  # "AWS Wickr (Preview)", "React 18 (RC)": its status stays
                break
            if not _goes_on(words, j):
                break
            run.append(nxt)
            j += 1
        return " ".join(run)
    return None


def prose_announcement(line: str) -> str | None:
    """The product a sentence says was announced, the verb inside it: "At the keynote we announced the [React
    19 RC](...)" -> "React 19 RC"; None when the verb's object is a pronoun, a person's plan or no name
    ("announced that we are now recommending...", "announced his retirement", "announced on Monday")."""
    return next(prose_announcements(line), None)


def prose_announcements(line: str) -> Iterator[str]:
    """Each product a sentence says was announced, in order, one per verb ("announced X, then introduced Y")."""
    if len(line) > 2000:
        return
    for m in _VERB.finditer(line):
        before = line[max(0, m.start() - 30):m.start()].split()
        prev = before[-1].lower().strip(_EDGE) if before else ""
        verb = m.group(0).split()[-1].lower()
        feeling = verb == "announce" and prev == "to" and len(before) >= 2 \
            and before[-2].lower().strip(_EDGE) in ANNOUNCE_FEELINGS  # "the team is happy to announce X"
        if prev in NOUN_MARKERS or verb in ("announce", "annonce") and prev not in FIRST_PERSON_SUBJECTS \
                and not feeling:
            continue  # "une annonce de Google", "feature announce (...)": a noun; "we announce X": a verb
        rest = line[m.end():]
        stop = _SENTENCE_END.search(rest)
        clause = rest[:stop.start()] if stop else rest
        clause = clause[:160]
        skipped = _SKIP.match(clause)
        head = clause[skipped.end():] if skipped else clause
        words = _TOKEN.findall(head)
        if words and words[0] in ("for", "to", "by") and not skipped:
            continue  # "features that have been announced for Firebase": who they are for, or by, is no launch
        if not words or words[0].strip(_EDGE).lower() in PROSE_NOT_SUBJECT:
            continue  # "announced that we are now recommending ...": no product follows
        name = name_run(words, _NEAR)
        if name and all(w.lower().strip(_EDGE) in ROLE_WORDS for w in name.split()):
            continue  # "happy to announce our new CEO, Jane Roe": a person's role, no product
        if name and not _event_news(head, name) and not event_subject(name):
            yield name  # (not "pleased to announce that the first Acme Meetup will be held on ...": the event's news)


def _event_news(head: str, name: str) -> bool:
    """Whether the words between the verb and the name say what an event announced of itself ("the final
    keynotes and programming for [Node Summit]", "the schedule of X"): the name is the event's, no launch."""
    at = head.find(name)
    if at < 0:
        return False
    after = head[at + len(name):].split()[:1]
    if after and after[0].strip(_EDGE).lower() in JOINING_WORDS:
        return True  # "announced three new Silver members": organisations that join, no launch
    return at > 0 and any(w.strip(_EDGE).lower() in EVENT_NEWS_WORDS for w in head[:at].split())


def ko_announcement(line: str) -> str | None:
    """The product a Korean sentence says was announced or released ("React 19 RC를 발표했습니다" -> "React 19
    RC"): the last run of Latin capitalised words before the verb; None when there is none."""
    if len(line) > 2000 or "발표" not in line and "출시" not in line and "공개" not in line:
        return None
    for m in _KO_VERB.finditer(line):
        if _KO_NOT.search(line[max(0, m.start() - 3):m.end()]):  # (the noun right before the particle)
            continue  # "React의 현황을 발표하며": a talk on the state of React
        runs = [r.group(0) for r in _LATIN_RUN.finditer(line[:m.start()])]
        runs = [r for r in runs if not r.isdigit()]
        if runs:
            return runs[-1].strip()
    return None


def new_thing(line: str) -> str | None:
    """A sentence that says what was new: "Lambda Layers and Runtime API are two new features" -> "Lambda
    Layers and Runtime API", "In this session we introduce AWS Cloud Map, a new service" -> "AWS Cloud Map"."""
    text = line.strip()
    if "new" not in text or len(text) > 2000:
        return None
    for sentence in _SENTENCE_END.split(text)[:12]:
        sentence = sentence.strip()
        m = _NEW_THING.match(sentence) or _INTRODUCE.search(sentence)
        if m and m.group("name").lower() not in PROSE_NOT_SUBJECT:
            return m.group("name")
    return None


def prose_launch(line: str) -> str | None:
    """The product a line's prose says was launched (prose_announcement, ko_announcement, new_thing), or None."""
    return prose_announcement(line) or ko_announcement(line) or new_thing(line)


# "Finally, the new Foo Operator is now generally available.", "Acme Vault is now in public preview": inside a
# sentence (the line rule, launch_rules.ga_launch, reads a line that opens with the product).
_GA_IN_SENTENCE = pattern(
    r"(?<![\w.\-])(?P<name>[A-Z0-9][\w.+#/-]*(?:\s+(?:[A-Z0-9][\w.+#/-]*|of|for|&))*)\s+(?:is|are)\s+now\s+"
    r"(?i:generally\s+available|available|in\s+(?:public\s+)?preview|ga)\b"  # (what launch_rules._NOW reads)
)


# An event as a sentence's subject ("OpenSearchCon 2022", "the Acme Summit", "KubeCon EU"): its recordings or
# tickets are "now available", no product.
_EVENT_SUBJECT = pattern(rf"(?i:(?<![\w-])(?:{EVENT_WORDS})(?![\w-]))|\b{EVENT_NAME_SHAPE}\b")


def event_subject(subject: str) -> bool:
    """Whether the subject of "... is now available" names an event, not a product."""
    return len(subject) <= 200 and _EVENT_SUBJECT.search(subject) is not None


def ga_in_sentence(sentence: str) -> str | None:
    """The product a sentence says is now generally available or in preview, wherever in the sentence it is
    ("Finally, the new Foo Operator is now generally available" -> "Foo Operator"); None otherwise."""
    if "now" not in sentence or len(sentence) > 2000:
        return None
    for m in _GA_IN_SENTENCE.finditer(sentence):
        words = m.group("name").split()
        while words and (words[0].lower() in CAPITAL_FUNCTION_WORDS or words[0].lower() in PROSE_NOT_SUBJECT
                         or words[0].lower() in ("new", "finally", "also", "today", "now")):
            words = words[1:]
        if words and not event_subject(" ".join(words)):
            return " ".join(words)
    return None


# "New announcements in compute include C3 VMs, ...", "announcements in AI, including Vertex AI Vision": the
# launches a sentence about announcements lists.
_INCLUDE = pattern(r"\b(?:announcements|launches|new\s+(?:features|services|products))\b[^.!?;]{0,60}?\b(?:include|includes|"
                   r"included|including|such\s+as|like|were|are)\s+(?:the\s+)?(?:new\s+)?(?=[A-Z0-9])", re.IGNORECASE)


def included_launch(sentence: str) -> str | None:
    """The first product a sentence says the announcements include ("New announcements in compute include C3
    VMs, ..." -> "C3 VMs"), or None."""
    if len(sentence) > 2000 or "nclud" not in sentence and " as " not in sentence and " like " not in sentence \
            and " were " not in sentence and " are " not in sentence:
        return None
    m = _INCLUDE.search(sentence)
    if m is None or not sentence[m.end():m.end() + 1].isupper() and not sentence[m.end():m.end() + 1].isdigit():
        return None  # (re.IGNORECASE let a lowercase word through the look-ahead)
    return name_run(_TOKEN.findall(sentence[m.end():]), 1)


# "Google Cloud is introducing Innovators Plus to ...", "we are introducing the new Acme Vault": the name right after.
_INTRODUCING = pattern(r"\b(?:is|are)\s+(?:now\s+|also\s+)?introducing\s+(?:the\s+|a\s+|an\s+)?(?:new\s+)?(?=[A-Z0-9])")


def introducing_launch(sentence: str) -> str | None:
    """The product a sentence says someone "is introducing" ("Google Cloud is introducing Innovators Plus to
    provide ..." -> "Innovators Plus"), its name right after the verb; None otherwise."""
    if "introducing" not in sentence or len(sentence) > 2000:
        return None
    m = _INTRODUCING.search(sentence)
    return name_run(_TOKEN.findall(sentence[m.end():]), 1) if m else None


# "... all the innovative projects launched for them, including: A、B、C", "Acme unveiled three tools, including X, Y
# and Z", "推出的创新项目…，包括：A、B、C": a launch verb, then (soon after) "including" and the launches it lists.
_ENUMERATED = pattern(
    r"(?:\b(?:announced|launched|unveiled|introduced|released|shipped)\b|推出|发布|發佈|発表|リリース)"
    r"[^.!?。！？;；\n]{0,60}?(?:\b(?:including|includes|include|such\s+as)\b|包括|包含|例如)\s*[:：]?\s*"
    r"(?P<list>[^.!?。！？;；\n]{3,400})"
    # "a pleasure to unveil three new technologies we've been using: GraphQL, Relay, and React Native": a verb, a
    # count of new things, a colon, then the things
    r"|\b(?:announc(?:e|ed|ing)|unveil(?:ed|ing)?|launch(?:ed|ing)?|introduc(?:e|ed|ing)|releas(?:e|ed|ing)|ship(?:ped)?)"
    r"\s+(?:two|three|four|five|six|seven|eight|nine|ten|several|some|\d{1,2})\s+(?:brand[- ])?new\b[^.!?;:\n]{0,80}:\s*"
    r"(?P<after_colon>[^.!?。！？;；\n]{3,400})", re.IGNORECASE)
_ENUM_SEP = pattern(r"\s*(?:、|，|,|；|\band\b|\bund\b|\bet\b|\by\b|以及|及|和|与)\s*")
_CJK = pattern(r"[\u3040-\u30ff\u3400-\u9fff]")


def enumerated_launches(sentence: str) -> list[str]:
    """The launches a sentence lists after a launch verb and "including" ("... launched for users, including: A、B、C"
    -> ["A", "B", "C"]), three or more names, each short and a name (a capital first, or CJK); [] otherwise (not "we
    released the slides, including the demo code": too few, no names)."""
    if len(sentence) > 2000:
        return []
    m = _ENUMERATED.search(sentence)
    if m is None:
        return []
    names = [x.strip(" \t\"'“”「」《》*`_") for x in _ENUM_SEP.split(m.group("list") or m.group("after_colon"))]
    names = [x for x in names if x]
    if len(names) < 3 or any(len(x) > 40 or not (_capital(x) or _CJK.match(x)) for x in names):
        return []
    return names


# "He also made an exciting announcement--Phoenix 1.5 will ship with ...", "made a big announcement: Acme Vault is open
# source": the announcement named after a dash or a colon.
_MADE_ANNOUNCEMENT = pattern(r"\bmade\s+(?:an?\s+)?(?:\w+\s+){0,2}announcements?\s*(?:--|—|–|:)\s*")


def made_announcement(sentence: str) -> str | None:
    """The product a sentence names after "made an announcement --" / ":" ("made an exciting announcement--Phoenix 1.5
    will ship with ..." -> "Phoenix 1.5"), or None."""
    if "announcement" not in sentence or len(sentence) > 2000:
        return None
    m = _MADE_ANNOUNCEMENT.search(sentence)
    return name_run(_TOKEN.findall(sentence[m.end():]), 1) if m else None


# "Today we're launching Supabase CDN", "we've just shipped Acme Vault", "Today we're open sourcing pg_graphql", "today
# we released X": what one's own team launches now (the subject "we", in the present; not "In 2019 we launched Acme
# Pay", a speaker's history, nor "talked about the process of open sourcing X").
_WE_LAUNCH = pattern(
    r"(?:\bwe(?:[’']re|\s+are)\s+(?:now\s+|also\s+|officially\s+|finally\s+|today\s+)*"
    r"(?:launching|releasing|shipping|open[- ]sourcing)"
    r"|\bwe(?:[’']ve|\s+have)\s+(?:also\s+)?(?:just|now|officially|finally)\s+(?:launched|released|shipped|open[- ]sourced)"
    r"|\btoday,?\s+we\s+(?:also\s+)?(?:launch|launched|release|released|ship|shipped|open[- ]sourced?))"
    r"\s+(?:the\s+|a\s+|an\s+|our\s+new\s+)?",
    re.IGNORECASE,
)
# A name in code shape, lowercase: "pg_graphql", "@lit/task", "libuv2" (a mark or digit in it).
_CODE_NAME = pattern(r"^[`\[]*(@?[a-z][\w.+-]*[_/@\d][\w.+/@-]*)[`\]]*[,.;:]?$")


def we_launched(sentence: str) -> str | None:
    """The product a sentence says its writers launched or open-sourced ("Today we are launching Supabase CDN for all
    projects" -> "Supabase CDN", "we're open sourcing pg_graphql, a ..." -> "pg_graphql"); None when no name follows
    ("we launched our new site", "we launched into a long debate")."""
    if len(sentence) > 2000 or "we " not in sentence and "We " not in sentence and "we’" not in sentence \
            and "we'" not in sentence and "We’" not in sentence and "We'" not in sentence:
        return None  # (every form has "we" as its subject)
    m = _WE_LAUNCH.search(sentence)
    if m is None:
        return None
    words = _TOKEN.findall(sentence[m.end():])
    if not words or words[0].strip(_EDGE).lower() in PROSE_NOT_SUBJECT:
        return None
    code = _CODE_NAME.match(words[0])
    if code is not None:
        return code.group(1)
    return name_run(words, 1)


def sentence_launches(text: str) -> list[tuple[int, str]]:
    """The launches a paragraph's prose names sentence by sentence (a sentence may go on over lines, and a
    line hold two): (where the name is in ``text``, the name). ``text``: the paragraph's flattened text."""
    if len(text) > 20000:
        return []
    flat = text.replace("\n", " ")  # (the same length: offsets are the text's)
    out: list[tuple[int, str]] = []
    start = 0
    for end in [m.end() for m in _SENTENCE_END.finditer(flat)] + [len(flat)]:
        sentence = flat[start:end]
        if sentence.strip():
            said = list(dict.fromkeys(prose_announcements(sentence)))
            name = (said[0] if said else None) or ga_in_sentence(sentence) or included_launch(sentence) \
                or introducing_launch(sentence) or made_announcement(sentence) or we_launched(sentence)
            listed = enumerated_launches(sentence)
            found = ([name] if name else []) + said[1:] + listed  # ("announced X, then introduced Y": both)
            for one in dict.fromkeys(found):
                at = sentence.find(one)
                out.append((start + (at if at >= 0 else len(sentence) - len(sentence.lstrip())), one))
        start = end
    return out
