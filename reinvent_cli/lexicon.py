"""All the words of a language the recognisers know: days, weekdays, months, talk labels, metadata keys, launch words."""

from __future__ import annotations

WEEKDAYS = {
    "monday": "Monday", "tuesday": "Tuesday", "wednesday": "Wednesday", "thursday": "Thursday",
    "friday": "Friday", "saturday": "Saturday", "sunday": "Sunday",
    "montag": "Monday", "dienstag": "Tuesday", "mittwoch": "Wednesday", "donnerstag": "Thursday",
    "freitag": "Friday", "samstag": "Saturday", "sonntag": "Sunday",
    "lundi": "Monday", "mardi": "Tuesday", "mercredi": "Wednesday", "jeudi": "Thursday",
    "vendredi": "Friday", "samedi": "Saturday", "dimanche": "Sunday",
    "lunes": "Monday", "martes": "Tuesday", "miércoles": "Wednesday", "miercoles": "Wednesday",
    "jueves": "Thursday", "viernes": "Friday", "sábado": "Saturday", "sabado": "Saturday",
    "domingo": "Sunday",
    "mon": "Monday", "tue": "Tuesday", "tues": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
    "thur": "Thursday", "thurs": "Thursday", "fri": "Friday", "sat": "Saturday", "sun": "Sunday",
}


_DAY_WORD = r"(?:day|tag|jour|journ[ée]e|d[ií]a|giorno|dag|dzie[nń]|den|dia)"


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "erster": 1, "zweiter": 2, "dritter": 3, "vierter": 4, "fünfter": 5,
    "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "premier": 1, "première": 1, "deuxième": 2, "troisième": 3, "quatrième": 4, "cinquième": 5,
    "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
}


_MONTH_NAMES = {
    1: "january jan januar jänner janvier enero ene",
    2: "february feb februar février fevrier févr fevr fév fev febrero",
    3: "march mar märz maerz mär mars marzo",
    4: "april apr avril avr abril abr",
    5: "may mai mayo",
    6: "june jun juni juin junio",
    7: "july jul juli juillet juil julio",
    8: "august aug août aout agosto ago",
    9: "september sept sep septembre septiembre setiembre",
    10: "october oct oktober okt octobre octubre",
    11: "november nov novembre noviembre",
    12: "december dec dezember dez décembre decembre déc diciembre dic",
}


MONTHS = {name: num for num, names in _MONTH_NAMES.items() for name in names.split()}


_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


_TALK_LABELS = {"lightning talk", "talk", "session", "presentation", "vortrag", "conférence", "conference",
                "charla", "ponencia"}  # dropped from the title; "Keynote: X" keeps its word


_SPEAKER_KEYS = ("speaker", "presenter", "presented", "host", "sprecher", "referent", "vortragende", "intervenant",
                 "orat", "ponente")


_TITLE_KEYS = ("title", "titel", "titre", "título", "titulo")


_EVENT_KEYS = ("conference", "event", "konferenz", "veranstaltung", "événement", "evenement", "évenement",
               "evénement", "evento")


_DATE_KEYS = ("date", "datum", "fecha")


_DESC_KEYS = ("desc", "description", "abstract", "summary", "zusammenfassung", "résumé", "resume", "résume",
              "resumé", "resumen")


# A heading or lead-in that is only "Launches", "What's new", "New launches:", "Announcements from the keynote":
# the items of the list under it are announcements (a talk heading "What's new in Lambda" is not).
_ANNOUNCE_WORDS = (
    r"(?:announcements?|announced|launch(?:es|ed)|releases|releases?\s+and\s+launches|what[’']?s\s+new"
    r"|new\s+(?:features|services|products|launches|releases|announcements)"
    r"|neuigkeiten|neuerungen|ank[üu]ndigungen|nouveaut[ée]s|annonces|lancements|novedades|anuncios|lanzamientos)"
)


_VIDEO_HOSTS = ("youtube.com", "youtu.be", "vimeo.com")


_SLIDE_HOSTS = ("slideshare.net", "speakerdeck.com")


_NOT_NAMES = {"session", "part", "repeat", "level", "workshop", "keynote", "panel", "demo", "live", "new",
              "launch", "video", "slides", "beta", "preview", "intro", "advanced", "deep", "dive",
              # Title-Case asides that are not people: "(Generally Available)", "(Beginner Friendly)"
              "available", "generally", "general", "availability", "friendly", "beginner", "beginners",
              "intermediate", "expert", "optional", "settings", "command", "line", "layer", "cluster", "replicas",
              "read", "write", "update", "updated", "edition", "version", "recap", "notes", "summary", "overview",
              "remote", "online", "virtual", "hands-on", "lab", "labs", "day", "track", "room", "free", "open",
              "source", "public", "private", "draft", "wip", "tbd", "sponsored", "recorded", "cancelled",
              "canceled", "postponed", "english", "german", "french", "spanish", "the", "of", "for", "with", "to",
              "on", "at", "in", "a", "an", "is", "are", "my", "our", "your", "mode", "only"}


# Words of a job title: "Jane Doe, Principal Engineer, Google" names one speaker (of Google). (Not words
# that are also surnames -- Head, Lead, Partner -- unless "Head of ...".)
_ROLE_WORDS = {"engineer", "architect", "manager", "director", "developer", "evangelist", "advocate", "cto", "ceo",
               "cfo", "coo", "cio", "ciso", "vp", "svp", "evp", "founder", "co-founder", "cofounder", "scientist",
               "professor", "researcher", "consultant", "specialist", "president", "officer", "analyst", "designer",
               "maintainer", "technologist", "hero", "champion", "ambassador", "mvp", "gde"}
