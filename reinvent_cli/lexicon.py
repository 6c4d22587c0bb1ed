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


DAY_WORD = r"(?:day|tag|jour|journ[ée]e|d[ií]a|giorno|dag|dzie[nń]|den|dia)"


NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "erster": 1, "zweiter": 2, "dritter": 3, "vierter": 4, "fünfter": 5,
    "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "premier": 1, "première": 1, "deuxième": 2, "troisième": 3, "quatrième": 4, "cinquième": 5,
    "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
    "primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4, "quinto": 5,
    "primeiro": 1, "terceiro": 3, "quarto": 4, "primo": 1, "secondo": 2, "terzo": 3,
}


MONTH_NAMES = {
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


MONTHS = {name: num for num, names in MONTH_NAMES.items() for name in names.split()}


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


TALK_LABELS = {"lightning talk", "talk", "session", "presentation", "vortrag", "conférence", "conference",
                "charla", "ponencia"}  # dropped from the title; "Keynote: X" keeps its word


SPEAKER_KEYS = ("speaker", "presenter", "presented", "host", "sprecher", "referent", "vortragende", "intervenant",
                 "orat", "ponente")


TITLE_KEYS = ("title", "titel", "titre", "título", "titulo")


# Prose under a heading that speaks of a talk (an abstract or notes pasted under it): "This talk presents",
# "Attendees will learn", "In diesem Vortrag", "本次分享", "このセッションでは".
TALK_PROSE = (
    r"\b(?:in\s+)?this\s+(?:talk|session|presentation|keynote|workshop|tutorial|lightning\s+talk)\b"
    r"|\battendees\s+(?:will|of\s+this)\b|\byou(?:'ll|’ll|\s+will)\s+learn\b|\bthe\s+speakers?\b"
    r"|\bwe(?:'ll|’ll|\s+will)\s+(?:discuss|explore|cover|present|look\s+at|walk\s+through)\b"
    r"|\b(?:in\s+)?(?:diesem|dieser)\s+(?:vortrag|session|talk)\b|\bder\s+(?:referent|sprecher)\b"
    r"|\bdans\s+cette\s+(?:pr[ée]sentation|conf[ée]rence|session|intervention)\b|\bce\s+talk\b"
    r"|\ben\s+esta\s+(?:charla|ponencia|sesi[óo]n|presentaci[óo]n)\b|\bnesta\s+(?:palestra|sess[ãa]o)\b"
    r"|\bin\s+questo\s+talk\b|\bin\s+questa\s+sessione\b"
    r"|このセッションでは|本セッションでは|このトークでは|本講演では|本次分享|本次演讲|本议题|本场分享|이\s*세션에서는|이번\s*발표|이\s*발표는"
)


# A label that leads the line naming a talk's title in an event's programme or announcement: "Topic: X",
# "Talk title: X", "演讲主题：X", "Thema: X" (a talk only with its speaker beside it, two or more alike).
TOPIC_LABELS = ("topic", "title", "talk title", "talk", "session", "session title", "presentation", "thema",
                "titel", "vortrag", "sujet", "titre", "tema", "título", "titulo", "titolo", "onderwerp", "演讲主题",
                "分享主题", "演讲题目", "分享题目", "主题", "题目", "议题", "演題", "講演タイトル", "タイトル", "テーマ",
                "발표 주제", "주제", "제목")


EVENT_KEYS = ("conference", "event", "konferenz", "veranstaltung", "événement", "evenement", "évenement",
               "evénement", "evento")


DATE_KEYS = ("date", "datum", "fecha")


DESC_KEYS = ("desc", "description", "abstract", "summary", "zusammenfassung", "résumé", "resume", "résume",
              "resumé", "resumen")


# A heading or lead-in that is only "Launches", "What's new", "New launches:", "Announcements from the keynote":
# the items of the list under it are announcements (a talk heading "What's new in Lambda" is not).
ANNOUNCE_WORDS = (
    r"(?:announcements?|announced|launch(?:es|ed)|releases|releases?\s+and\s+launches|what[’']?s\s+new"
    r"|(?:new|latest)\s+(?:features|services|products|launches|releases|announcements)"
    r"|what\s+is\s+new|neuigkeiten|neuerungen|ank[üu]ndigungen|nouveaut[ée]s|annonces|lancements|novedades"
    r"|anuncios|lanzamientos|lan[çc]amentos|novidades|an[úu]ncios|анонсы|новинки|что\s+нового|нововведения)"
)


# A lead-in's verb before a list of launches, besides ANNOUNCE_WORDS: "We announced several things at X:", "In der
# Keynote wurden angekündigt:", "En la keynote anunciamos:", "Nous avons annoncé :", "Foram anunciados:".
LEAD_IN_VERBS = (
    r"(?:launched|released|shipped|unveiled|introduced|angek[üu]ndigt|vorgestellt|ver[öo]ffentlicht"
    r"|anunci(?:amos|aron|ó|ados?|adas?|ou|aram)|annonc(?:é|ée|és|ées)|lanz(?:amos|aron|ó|ados?|adas?)"
    r"|lan[çc](?:amos|aram|ou|ados?|adas?)|presentamos|presentaron|анонсировал[аи]?|представил[аи]?|выпустил[аи]?)"
)


VIDEO_HOSTS = ("youtube.com", "youtu.be", "vimeo.com", "youtube-nocookie.com")
# Recordings on sites that host other things too: host and path start ("developer.apple.com/videos/play/" is a WWDC
# session's recording, "developer.apple.com/documentation/" is not).
VIDEO_PAGES = ("developer.apple.com/videos/play/", "www.bilibili.com/video/", "bilibili.com/video/", "b23.tv/",
               "media.ccc.de/v/", "www.infoq.com/presentations/", "infoq.com/presentations/", "confreaks.tv/videos/",
               "slideslive.com/", "www.twitch.tv/videos/", "www.nicovideo.jp/watch/", "v.youku.com/v_show/",
               "tv.naver.com/v/", "pyvideo.org/")


SLIDE_HOSTS = ("slideshare.net", "speakerdeck.com")


# A label that leads a line linking a talk's slides: "Slides: <url>", "**발표자료**: url", "資料: url".
SLIDE_KEYS = ("slides", "slide deck", "deck", "folien", "diapositivas", "diapos", "présentation", "apresentação",
              "발표자료", "발표 자료", "資料", "発表資料", "スライド", "幻灯片", "演讲稿", "ppt")


# CJK, katakana and Korean words shaped like a name that are none: roles, kinds of talk, programme items.
NOT_CJK_NAMES = (
    "スピーカー", "キーノート", "ワークショップ", "パネル", "レポート", "カンファレンス", "イベント", "セッション", "主题演讲", "演讲", "讲师", "講師", "嘉宾", "登壇者",
    "発表者", "講演者", "主催者", "参加者", "基調講演", "분과회", "발표자", "연사", "강연자", "참가자", "키노트", "세션", "발표", "후기", "정리", "소감",
    "圆桌讨论", "圓桌討論", "自由讨论", "自由討論", "圆桌", "茶歇", "签到", "开场", "開場", "閉会", "懇親会", "ディレクター", "エンジニア", "マネージャー", "デザイナー",
    "プロデューサー", "エバンジェリスト", "アーキテクト", "リーダー", "コンサルタント", "代表取締役", "取締役", "社長", "技術顧問", "執行役員", "实行委员会", "実行委員会",
)


# Parts of an organisation's name in Japanese, Chinese and Korean: a cell or line holding one names no person.
CJK_ORG_MARKS = ("株式会社", "有限会社", "合同会社", "社団法人", "財団法人", "公司", "集团", "集團", "大学", "大學", "研究所",
                 "協会", "协会", "委員会", "委员会", "事務所", "주식회사", "재단")


# A person's profile: a link there in a programme's cell names who gave the talk ("@amacbee").
PROFILE_HOSTS = ("twitter.com", "x.com", "github.com", "linkedin.com", "mastodon.social", "bsky.app", "facebook.com")


# A session's own page on a conference site: the schedule hosts, and the path words before a talk's slug
# ("/2023-berlin/talks/perses", "/program/sessions/1234", "/vortraege/kafka-im-einsatz").
# Where a linked title is something to read, not a talk: article hosts and path words ("/blog/…", "/posts/…").
ARTICLE_HOSTS = ("medium.com", "dev.to", "substack.com", "hashnode.dev", "hashnode.com", "blogspot.com",
                 "wordpress.com", "reddit.com", "hackernoon.com", "qiita.com", "zenn.dev", "note.com", "juejin.cn",
                 "csdn.net", "velog.io", "tistory.com", "udemy.com")
ARTICLE_PATH_WORDS = ("blog", "blogs", "post", "posts", "article", "articles", "p", "episode", "episodes", "podcast",
                      "news", "newsletter", "course", "courses")
# The lead-in or heading of a list of things to read or listen to, not talks ("To Read", "Further reading").
READING_WORDS = ("to read", "reading list", "further reading", "reading", "articles", "blog posts", "posts",
                 "podcasts", "podcast episodes", "newsletters", "lesestoff", "leseliste", "artikel", "zum lesen",
                 "à lire", "lectures", "para leer", "lecturas", "artículos", "para ler", "leituras", "artigos",
                 "記事", "読み物", "文章", "阅读", "推荐阅读", "읽을거리", "아티클")
SESSION_HOSTS = ("sched.co", "sched.com", "sessionize.com", "pretalx.com", "confengine.com", "papercall.io")
SESSION_PATH_WORDS = ("talk", "talks", "session", "sessions", "presentation", "presentations", "vortrag",
                      "vortraege", "vortrage", "charla", "charlas", "palestra", "palestras", "keynote", "keynotes",
                      "speaking", "sesiones", "sesion")


NOT_NAMES = {"session", "part", "repeat", "level", "workshop", "keynote", "panel", "demo", "live", "new",
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
ROLE_WORDS = {"engineer", "architect", "manager", "director", "developer", "evangelist", "advocate", "cto", "ceo",
               "cfo", "coo", "cio", "ciso", "vp", "svp", "evp", "founder", "co-founder", "cofounder", "scientist",
               "professor", "researcher", "consultant", "specialist", "president", "officer", "analyst", "designer",
               "maintainer", "technologist", "hero", "champion", "ambassador", "mvp", "gde"}


# Headings that are no talk: venue, food, breaks, parties, tables of contents, the note-taker's own parts.
# (Matched as the whole heading, once a leading number and a trailing "(...)" are gone: "Lunch (Hall B)".)
NOT_TALK_WORDS = (
    "event info", "event information", "info", "information", "venue", "location", "local", "travel", "hotel",
    "getting there", "registration", "check-in", "オープニング", "クロージング", "開会", "閉会", "受付", "lunch", "breakfast", "dinner", "coffee", "coffee break",
    "break", "breaks", "snacks", "food", "drinks", "party", "after party", "afterparty", "afterperty",
    "reception", "social", "networking", "happy hour", "expo", "expo hall", "booths", "sponsors", "swag",
    "photos", "pictures", "more photos", "gallery", "table of contents", "contents", "toc", "index",
    "inhalt", "inhaltsverzeichnis", "sommaire", "índice", "indice", "takes", "my takes", "notes",
    "meeting notes", "my notes", "questions", "q&a", "q & a", "qa", "faq", "summary", "takeaways",
    "key takeaways", "conclusion", "conclusions", "introduction", "intro", "overview", "agenda", "abstract",
    "resources", "links", "references", "further reading", "reading list", "todo", "to do", "tbd", "misc",
    "miscellaneous", "other", "others", "thoughts", "final thoughts", "wrap-up", "wrap up",
    "recap", "about", "about me", "background", "outline", "tl;dr", "tldr", "action items", "live",
    "quotes", "quotations", "favourite quotes", "favorite quotes", "zitate", "citations", "citas", "citações",
    "名言", "引用", "语录", "codelabs", "experience", "schedule", "timetable", "program", "programme", "update", "updates",
    "fazit", "zusammenfassung", "mittagessen", "pause", "anmerkung", "résumé", "déjeuner", "almuerzo",
    "comida", "intervalos", "café", "footer", "hallway track", "imprint", "impressum", "contact",
    "mittag", "pause déjeuner", "infos pratiques", "informations pratiques", "pratique", "almoço",
    "descanso", "pausa", "follow-ups", "follow ups", "next steps", "ランチ", "昼食", "休憩", "懇親会", "まとめ",
    "午餐", "午饭", "茶歇", "休息", "签到", "总结", "晚宴", "感想", "所感", "参考", "リンク",
    # breaks and the note-taker's conclusions in more languages, one idea a line
    "pause café", "pause-café", "kaffeepause", "koffiepauze", "pausa café", "pausa caffè",
    "mittagspause", "lunchpauze", "pausa pranzo", "pranzo", "昼休み", "お昼",
    "ce que je retiens", "à retenir", "a retenir", "ce qu'il faut retenir", "mes notes", "conclusion personnelle",
    "conclusiones", "lo que me llevo", "para llevar", "mein fazit", "erkenntnisse", "wat ik meeneem",
    "conclusie", "conclusioni", "da ricordare", "学び", "学んだこと", "所感まとめ",
    "점심", "점심시간", "휴식", "네트워킹", "정리", "후기", "소감", "마무리",
    # closing words of the note-taker's own last part
    "wrapping up", "in closing", "final words", "epilogue", "conclusão", "considerações finais",
    "para terminar", "en conclusion", "pour conclure", "le mot de la fin", "abschließend", "zum schluss", "schluss",
    "마치며", "마치면서", "끝으로", "맺음말", "おわりに", "終わりに", "さいごに", "最後に", "结语", "写在最后", "最后",
    "заключение", "итоги", "выводы",
    # lists of what to watch or read next
    "videos", "video", "playlist", "recordings", "vídeos", "vidéos", "動画", "视频", "영상", "blog posts", "posts",
    "articles", "press", "further watching", "slides", "all slides",
    # a notes repository's README parts
    "license", "licence", "licensing", "lizenz", "licencia", "licença", "ライセンス", "许可证", "라이선스",
    "contributors", "contributing", "contribute", "how to contribute", "authors", "maintainers", "installation",
    "install", "usage", "getting started", "setup", "changelog", "requirements", "directory structure",
    # closing thanks
    "thanks", "thank you", "thank you!", "acknowledgements", "acknowledgments", "credits", "danke", "dank",
    "danksagung", "merci", "remerciements", "gracias", "agradecimientos", "obrigado", "obrigada",
    "agradecimentos", "grazie", "ringraziamenti", "bedankt", "dankwoord", "謝辞", "感謝", "ありがとうございました",
    "致谢", "感谢", "謝謝", "감사합니다", "감사드립니다", "감사의 말",
)


# A heading over a day's or an event's schedule (no talk itself): the lines under it are its slots, "14:00 Title — Name".
SCHEDULE_WORDS = ("agenda", "schedule", "timetable", "program", "programme", "programm", "programa", "programação",
                  "programación", "programmation", "horaire", "horario", "horários", "zeitplan", "ablauf",
                  "议程", "日程", "活动议程", "议程安排", "大会议程", "プログラム", "タイムテーブル", "スケジュール", "일정",
                  "프로그램", "시간표", "расписание", "программа")


# A talk's kind leading a schedule item: "Mesa redonda: ...", "Taller: ...", "Panel: ...", "Workshop – ...".
ITEM_TALK_LABELS = ("panel", "panel discussion", "workshop", "fireside chat", "mesa redonda", "taller",
                    "table ronde", "atelier", "podiumsdiskussion", "podium", "paneldiscussie", "tavola rotonda",
                    "keynote", "lightning talk", "talk", "charla", "ponencia", "vortrag", "conférence",
                    "パネル", "パネルディスカッション", "ワークショップ", "圆桌")


# A heading that lists what was announced, not a talk ("Neu angekündigt", "Nouveautés annoncées", "発表まとめ").
ANNOUNCED_WORDS = ("announced", "announcements", "angekündigt", "ankündigungen", "annoncé", "annoncés",
                   "annoncées", "anunciado", "anunciados", "anunciadas", "anunciou",
                   "新サービス", "発表", "新機能", "发布", "新功能", "新产品", "launches", "lançamentos", "lanzamientos")


# Days written in CJK: "第二天", "第2日", "1日目", "二日目".
CJK_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


# Social parts of an event, anywhere in a short heading: "Community Gathering @ I/O", "Build and AMD Celebration".
SOCIAL_WORDS = ("gathering", "celebration", "party", "meetup", "meet-up", "reception", "happy hour", "dinner",
                "lunch", "breakfast", "networking", "get-together", "drinks", "karaoke", "afterparty", "mixer",
                "apéro", "apero", "apéritif", "aperitivo", "cocktail", "borrel", "stammtisch", "懇親会", "交流会")


# Headings that group talks (the talks are the headings, bold lines or list items under them):
# "Morning", "Afternoon keynotes", "Track A", "Sessions I attended", "Lightning talks".
GROUP_TIME_WORDS = ("morning", "afternoon", "evening", "lunch", "breakfast", "vormittag", "nachmittag", "abend",
                    "matin", "après-midi", "apres-midi", "soirée", "soiree", "soir", "mañana", "manana", "tarde")


GROUP_PLACE_WORDS = ("track", "room", "stage", "hall", "saal", "salle", "sala", "raum")


# Plural words naming talks: a heading that is (mostly) one of them groups talks.
GROUP_TALK_WORDS = ("sessions", "talks", "keynotes", "presentations", "workshops", "lightning talks",
                    "panels", "breakouts", "breakout sessions", "vorträge", "vortraege", "palestras", "charlas",
                    "ponencias", "conférences", "conferences", "exposés", "sesiones", "lt大会", "lt",
                    "ライトニングトーク", "セッション", "闪电演讲", "演讲", "分论坛", "세션", "발표", "강연", "講演")


# The same in Japanese, Chinese and Korean headings, glued to an event's name or a "list" word: "KubeConトーク一覧",
# "セッション一覧", "演讲议题", "발표 목록".
GROUP_TALK_WORDS_CJK = ("トーク", "セッション", "講演", "ライトニングトーク", "演讲", "议题", "讲座", "演講", "세션", "발표", "강연")
GROUP_LIST_WORDS_CJK = ("一覧", "一览", "列表", "リスト", "목록", "紹介", "介绍")


# A title that names an event or a collection of notes rather than a talk ("QConSP 2018", "PyGotham 2018
# talk links and notes", "Trip Report - Everything Open 2025", "Build 2025 Recap").
COLLECTION_WORDS = ("notes", "recap", "trip report", "report", "summary", "links", "highlights", "review",
                    "impressions", "retrospective", "livestream", "live stream", "day", "days", "conference",
                    "konferenz", "notizen", "resumen", "apuntes", "compte rendu", "bilan", "总结", "笔记", "まとめ")


# Speakers. A label that leads a line naming a talk's speakers: "Speaker:", "Presenters -", "演讲者：".
SPEAKER_LABELS = (
    r"speakers?|speaker\(s\)|presenters?|presenter\(s\)|presented\s+by|hosts?|hosted\s+by|panelists?|moderators?"
    r"|sprecher(?:in(?:nen)?)?|referent(?:in(?:nen)?|en)?|vortragende[rn]?|intervenant(?:e|s|es)?"
    r"|orat(?:eur|rice)s?|conf[ée]renci(?:er|[èe]re)s?|ponentes?|palestrantes?|apresentad[oa]\s+por|relatori?"
    r"|演讲者|演講者|讲者|講者|主讲人|主講人|讲师|講師|嘉宾|スピーカー|登壇者|発表者|講演者|講師|발표자|연사|강연자"
    r"|sharing\s+guests?|guest\s+speakers?|featured\s+speakers?|分享嘉宾"
    r"|mit|avec|with|met"  # "Mit: A, B" under a panel's line
)


# Words joining speakers in a list: "A and B", "A et B".
AND_WORDS = ("and", "und", "et", "y", "e", "en", "og", "och", "i")


# What a recap says someone did on stage, right after their name ("Jane Roe gave the opening keynote", "[Jane Roe](url)
# talks about …", "Jane Roe a présenté …"): the verb that makes a sentence about a person a talk's line
# (recognise/talk/list_talks.presented). Auxiliaries first ("has shown", "a présenté", "hat gezeigt").
PRESENTING_VERBS = frozenset((
    "gave", "gives", "giving", "presented", "presents", "presenting", "talked", "talks", "talking", "spoke", "speaks",
    "speaking", "showed", "shows", "showing", "shown", "demonstrated", "demonstrates", "demoed", "demos", "explained",
    "explains", "shared", "shares", "introduced", "introduces", "walked", "walks", "explored", "explores",
    "discussed", "discusses", "covered", "covers", "looked", "looks", "went", "goes", "opened", "closed", "kicked",
    "delivered", "delivers", "described", "describes", "outlined", "outlines", "took", "takes", "dove", "dived",
    "dives", "told", "tells", "led", "leads", "hosted", "hosts", "answered", "answers", "unveiled",
    "give", "present", "talk", "speak", "show", "demonstrate", "explain", "share", "introduce", "walk", "explore",
    "discuss", "cover", "look", "go", "take", "dive", "tell", "describe", "outline", "deliver", "preview", "previews",
    "previewed",
    "zeigte", "zeigt", "gezeigt", "sprach", "spricht", "gesprochen", "stellte", "stellt", "vorgestellt", "präsentierte",
    "präsentiert", "erklärte", "erklärt", "présente", "présenté", "parlé", "parle", "montré", "montre", "expliqué",
    "presentó", "presenta", "habló", "habla", "mostró", "muestra", "explicó", "apresentou", "apresenta", "falou",
    "fala", "mostrou", "explicou",
))
PRESENTING_AUX = frozenset(("has", "have", "had", "was", "then", "also", "first", "a", "hat", "ha", "hizo", "fez",
                            "will", "would", "wird", "va", "vai"))
# "Jane Roe from Acme gave …", "Jane Roe of Acme showed …", "Jane Roe von Acme zeigte …": who they are with
PRESENTER_OF = frozenset(("from", "of", "at", "von", "bei", "de", "chez", "da", "do"))


HONORIFICS = ("dr.", "dr", "dra.", "dra", "prof.", "prof", "mr.", "mrs.", "ms.", "sir", "dame", "sr.", "sra.", "mme",
              "frau", "herr")


NAME_SUFFIXES = ("ph.d.", "phd", "ph.d", "md", "m.d.", "msc", "esq.")


NAME_PARTICLES = ("de", "da", "del", "della", "der", "den", "di", "do", "dos", "du", "la", "le", "van", "von",
                  "bin", "al", "zu", "ter", "ten", "y", "st.")


# Capitalised words of talk titles and section headings that are never a person's name: "Title - Getting
# Started", "#### Key Takeaways" under a talk are no speakers.
TITLE_WORDS = frozenset("""
about above access action actions advanced after agent agents agile ai all api apis app apps application
applications approach architecture assistant async at automation awesome azure back backend basics before
best better beyond big blockchain blocks browser bug bugs build building business by case change changes chat
cli cloud code coding community complete concepts conclusion considerations containers content continuous
contracts core create creating culture data database databases debugging deep deploy deployment design
designing developer developers development devops digital distributed docker does driven dynamic easy edge
effective end engineering enterprise everything everyday experience experiences explained exploring fast
features final first framework frameworks from fun functional functions future general getting go good great
guide hands hard health help high highlights history how human i ideas impact in inside interesting into
introducing introduction it java javascript journey just key keynote keynotes kubernetes language languages
large learn learned learning lessons let life lightning linux live local machine main make making management
manual microservices mobile model models modern more my native network networks new next no notes now of
on one open opening operations or our out overview patterns people performance platform points
practical practices production programming project projects python q quality questions quick rails react
real reality remarks research resources rethinking road rules rust safe safety scale scaling secure
security serverless service services session sessions simple smart software solutions some state static
story stories strategy stream streaming structure success summary system systems takeaways takes talk talks
team teams tech technical technology test testing the things thinking thoughts through time tips to today
tool tools toward towards tricks understanding unit update updates use user users using ux vs way ways web
welcome what when where why wins with without work working world wrap writing you your
morning afternoon evening lunch break coffee dinner breakfast party sponsor sponsors platinum
track room stage week product program marketing sales support customer principal senior staff chief
partner account field topic topics detail details guest guests sharing
""".split())


# Words of an organisation's name: "Toyota Research Institute", "Acme Labs" are no person.
ORG_WORDS = frozenset("""
inc inc. ltd ltd. llc gmbh ag corp corp. corporation company co co. labs lab institute university universität
université universidad foundation group team systems technologies technology solutions software consulting
partners ventures studio studios agency bank school college academy association society council ministry
library libraries museum archive archives hospital
""".split())


# Launches. A word that leads a line naming one: 'NEW - "X"', 'New: X', 'Launch: X', 'Announcement: X', 'Neu: X'.
NEW_LEAD_INS = (
    r"new|launch|launched|announcement|announced|release|released|neu|neue?s?|nouveau|nouvelle|nouveauté"
    r"|nuevo|nueva|novedad|novo|nova|novidade|lançamento|lanzamiento|ank[üu]ndigung|annonce|新功能|新機能"
    r"|新サービス|新服务|新服務|新产品|新產品|新开发语言|新特性|新しい機能"
)


# Launches. A status or "newly announced" label that leads a list of launches or one launch: "Preview:", "GA:",
# "Generally available:", "Now in preview:", "🚀 Launched:", "Neu angekündigt:", "Lanzado:", "発表：".
LAUNCH_LABELS = (
    r"(?:new\s+|now\s+)?(?:in\s+)?(?:public\s+|private\s+|open\s+)?(?:preview|beta)|(?:now\s+)?ga"
    r"|(?:now\s+)?generally\s+available|general\s+availability|now\s+available|available\s+now|new|nieuw"
    r"|novit[àa]|(?:newly\s+|just\s+)?(?:announced|launched|released)"
    r"|neu\s+angek[üu]ndigt|angek[üu]ndigt|neu\s+vorgestellt|nouveaut[ée]s?\s+annonc[ée]e?s?|annonc[ée]e?s?"
    r"|lancée?s?|anunciad[oa]s?|lanzad[oa]s?|lan[çc]ad[oa]s?|annunciat[oi]|lanciat[oi]|aangekondigd"
    r"|gelanceerd|새로\s*발표|발표|출시|新発表|発表|正式リリース|リリース|正式发布|发布|發佈|анонсировано|анонсированы"
    r"|представлено|новое"
)


# A launch's status after its name in Japanese or Chinese, not part of it: "Acme Observe 正式リリース（GA）",
# "X が正式リリース" (an English "(preview)" stays: "Amazon Q (preview)").
LAUNCH_STATUS_TAIL = (
    r"\s*[がをは]?\s*(?:正式リリース|プレビュー|一般提供開始|一般提供|正式版|正式发布|预览版|预览)"
    r"(?:\s*[(（](?:ga|preview|public\s+preview|beta)[)）])?$"
)


# The makers whose products a keynote recap lists: "- Amazon Rekognition Video", "- AWS IoT Analytics".
VENDORS = r"Amazon|AWS|Google|Azure|Microsoft|GitHub|Apple|Meta|IBM|Oracle|Cloudflare|Red\s+Hat|Docker|HashiCorp"


# Japanese and Chinese ways of saying something was announced or released (not 発表者 'presenter').
CJK_LAUNCH_VERBS = (
    r"を発表|の発表(?:が|。|$)|発表があ|をリリース|リリースされ|の?一般提供を?開始|提供開始|提供される|提供を開始|使用可能に"
    r"|利用可能に|が発表され|が一般提供に|正式发布|正式發佈|宣布推出|正式推出|(?:开启|開啟|开放|開放)?(?:公测|公測)|^\s*(?:发布|發佈|推出)(?![会會者])(?=\S)"
)


# What is announced without being a launch: results, figures, examples ("PWA の結果を発表").
CJK_NOT_LAUNCHED = r"(?:結果|成果|数字|数値|事例|調査|研究|受賞者|结果|数据|案例)(?:を|の)?発表"


# A heading over launches in Japanese, Chinese or Korean ("新サービス", "新功能", "3. 新产品 & 新技术", "发布会").
CJK_LAUNCH_HEADING = r"新サービス|新機能|新製品|発表された|新功能|新服务|新服務|新产品|新產品|新特性|发布|發佈|発表内容|신규 서비스|새로운 기능|새 기능|신기능|주요 발표|출시 소식|신제품"


# The columns of a schedule table, by the words of its header: "| Time | Talk | Speaker |", "| Zeit | Titel |
# Sprecher |", "| Heure | Session | Intervenant |", "| 時間 | タイトル | 登壇者 |".
TABLE_TIME_WORDS = ("time", "when", "start", "slot", "zeit", "uhrzeit", "heure", "horaire", "hora", "horario",
                    "ora", "orario", "tijd", "horário", "horas", "время", "час", "시간", "時間", "時刻", "时间",
                    "时段")
TABLE_TITLE_WORDS = ("talk", "talks", "title", "session", "sessions", "topic", "presentation", "keynote", "what",
                     "titel", "thema", "vortrag", "titre", "sujet", "conférence", "título", "titulo", "charla",
                     "ponencia", "sesión", "sesion", "tema", "titolo", "intervento", "onderwerp", "タイトル",
                     "セッション", "講演", "演題", "题目", "标题", "議題", "主题", "议题", "演讲", "演讲主题", "分享主题",
                     "palestra", "palestras", "доклад", "тема", "название", "세션", "발표", "제목", "주제",
                     "강연")
TABLE_SPEAKER_WORDS = ("speaker", "speakers", "presenter", "presenters", "who", "by", "host", "sprecher",
                       "sprecherin", "referent", "referentin", "vortragende", "intervenant", "intervenants",
                       "orateur", "conférencier", "ponente", "ponentes", "relatore", "spreker", "sprekers",
                       "登壇者", "発表者", "講演者", "スピーカー", "讲者", "演讲者", "嘉宾", "讲师", "分享嘉宾",
                       "演讲人", "分享人", "palestrante", "palestrantes", "докладчик", "спикер",
                       "спикеры", "발표자", "연사", "스피커")



# Whether a file is talk notes at all (recognise/document/kind.py). Words naming an event, in a file's title, its
# name, its tags or its headings: "PyGotham 2018 notes", "Cloud Native Kaigi", "Trip report", "参加レポート".
EVENT_WORDS = (
    r"conf|conference|conferences|konferenz|konferenzen|conférence|conférences|conferencia|conferencias"
    r"|conferência|conferencias|congress|congreso|congrès|kongress|symposium|summit|meetup|meetups|devfest"
    r"|kaigi|barcamp|unconference|fest|festival|keynote|keynotes|webinar|trip report|livestream|jornadas|tagung|eventos"
    r"|講演|登壇|カンファレンス|勉強会|参加レポート|参加記|参加してきました|大会|峰会|会议|会議|演讲|参会|技术沙龙|分享会"
    r"|ミートアップ|컨퍼런스|세미나|발표|밋업"
)
# Event words that name a gathering of many talks (not one: "webinar", "keynote"): a post whose title or file
# name names one, with no speaker, video or slides in it, is news about the event, not a talk.
GATHERING_WORDS = (
    r"conf|conference|konferenz|conférence|conferencia|conferência|congress|congreso|congrès|kongress|symposium"
    r"|summit|meetup|meetups|devfest|kaigi|barcamp|unconference|festival|jornadas|tagung"
    r"|大会|峰会|会议|会議|沙龙|勉強会|カンファレンス|컨퍼런스|밋업"
)
# The event words of Japanese, Chinese and Korean that stand glued to other words in a title ("春の会議 2025で").
EVENT_WORDS_CJK = ("講演", "登壇", "カンファレンス", "勉強会", "参加レポート", "参加記", "大会", "峰会", "会议", "会議", "演讲",
                   "컨퍼런스", "세미나")
# Words naming talks: weaker alone ("Session cookies", "Talk to the API" are how-tos).
TALK_WORDS = (
    r"talk|talks|session|sessions|presentation|presentations|lightning talks?|vortrag|vorträge|charla|charlas"
    r"|ponencia|ponencias|palestra|palestras|events?|セッション|トーク|イベント|세션"
)
# An event's name glued to its kind: "KubeCon", "PyCon", "JSConf", "DevOpsDays", "WordCamp", "Cloud-Tage".
# (CamelCase, or glued "conf": "favicon", "manifest", "outage" are no events.)
EVENT_NAME_SHAPE = r"[A-Z][A-Za-z]+(?:Con|Conf|Camp|Days|Tage|Fest|Summit)|(?i:[a-z]{2,}conf)"
# Words of a meeting's minutes (as a heading or a line's label): evidence that a file is other notes.
MEETING_WORDS = (
    "minutes", "meeting minutes", "attendees", "attendance", "participants", "present", "agenda",
    "action items", "action item", "action item review", "meeting roles", "scribe", "facilitator",
    "next meeting", "protokoll", "teilnehmer", "tagesordnung", "ordre du jour", "participantes",
    "orden del día", "議事録", "出席者", "議題", "会议纪要", "参会人员",
)
# Headings of a daily note ("## Meetings", "## Tasks") and of a how-to or help page ("## Usage").
DAILY_WORDS = (
    "tasks", "task", "todo", "todos", "to-do", "to do", "meetings", "journal", "log", "daily log", "habits",
    "gratitude", "done", "doing", "inbox", "aufgaben", "tâches", "tareas", "タスク", "日記", "任务",
)
HOWTO_WORDS = (
    "installation", "install", "installing", "usage", "setup", "configuration", "example", "examples",
    "parameters", "options", "arguments", "returns", "syntax", "troubleshooting", "requirements",
    "prerequisites", "see also", "related", "how it works", "solution", "the solution", "the problem",
)


# A blog's decoration before one talk's title: "Talk Notes: X", "My notes on X", "Notizen: X", "Apuntes: X".
TITLE_DECORATIONS = (
    r"(?:my\s+|talk\s+|session\s+|keynote\s+|conference\s+|live\s+)*(?:notes?|recap|summary|write-?up|takeaways)"
    r"(?:\s+(?:on|from|of|about|for))?"
    r"|notizen(?:\s+zu(?:m|r)?)?|mitschrift|notes\s+de(?:\s+la)?(?:\s+conf[ée]rence)?|compte[- ]rendu"
    r"|apuntes(?:\s+de)?|notas(?:\s+de)?|resumen(?:\s+de)?|メモ|まとめ|笔记|筆記|노트|정리"
)


# Launches made before the event, not at it: a heading "Pre-re:Invent launches", "pre:Invent announcements",
# "Pre-conference announcements", "Before KubeCon", "Ahead of the summit", "Vor der Konferenz", "Avant la
# conférence", "Antes del evento" (not "Pre-release", "Preview", "Pre-GA": a launch's status).
PRE_EVENT_LEAD = (
    r"pre[-:‐‑\s]\s?(?!release|releases|view|ga\b|alpha|beta|order|requisite|built|trained|processing|commit)"
    r"|before\s+|leading\s+up\s+to\s+|ahead\s+of\s+|in\s+the\s+run[- ]up\s+to\s+|vor\s+(?:der|dem|den)\s+"
    r"|avant\s+|antes\s+d[eo]l?\s+|prima\s+(?:di|del|della)\s+"
)


# A launch told in prose, the verb inside a sentence: "we announced the React 19 RC", "announcing that the React
# Compiler is now open source", "anunciamos que ya se puede probar React 18 RC", "nous avons annoncé ...",
# "kündigte Acme X an" (the verb forms of announcing, not the noun "announcement"; not "vorgestellt", which
# says a talk presented something).
PROSE_ANNOUNCE_VERBS = (
    r"announced|announcing|announces|announce|unveiled|unveiling|unveils"
    r"|anunci(?:amos|ó|aron|ado|ando|a|an)|annonc(?:é|ée|és|ées|er|ait|ent|e|ons|eons)|anunci(?:ou|aram|amos|ado|ando)"
    r"|анонсировал[аи]?|анонсирует|анонсируют|представил[аи]?|объявил[аи]?"
    r"|kündigt(?:e|en)?|annunciat[oi]|annunci(?:a|ano|amo)"
)


# A launch in Korean prose: an object then a verb of announcing or releasing ("React 19 RC를 발표했습니다",
# "... 공개되었음을", "출시했습니다"); "~에 대해 발표했습니다" (gave a talk about) is none.
KO_LAUNCH_VERBS = (
    r"[을를]\s*(?:발표|출시|공개)(?:했|하였|하고|합니다|한다|함|하며)"
    r"|(?:출시|공개)(?:되었|됐|됩니다|되어)"
)


# What is presented in Korean without being a launch: the state of things, a vision, goals, results, a case study
# ("React의 현황을 발표하며": gave a talk on the state of React).
KO_NOT_LAUNCHED = r"(?:현황|비전|목표|경험|사례|결과|연구|내용|주제|방법|소감|계획|로드맵)[을를]\s*(?:발표|공개)"


# What a sentence says after an announcing verb when no product follows: "announced that we are", "announced
# his retirement", "anunciamos que nosotros".
PROSE_NOT_SUBJECT = frozenset("""
we i our my you your he she his her they their it its this that these those there us me him them
nous notre nos je il elle ils elles nosotros nuestro nuestra yo él ella ellos nós nosso nossa eu ele ela
wir unser unsere ich er sie es
""".split())


# Places and times a name in prose may follow without being the launch: "announced at KubeCon", "on Monday",
# "en la conferencia", "dans la plénière", "auf der Keynote", "na palestra".
PROSE_PLACE_WORDS = frozenset("""
at in on during from after before by with to en dans à au aux durant lors em no na nos nas durante
auf bei im am während zur zum al
""".split())


# Words that join the words of a product's name: "Access Analyzer for Amazon S3", "Timeline Profiler de React
# DevTools", "Profiler de Linha do Tempo".
NAME_JOINERS = frozenset("of for on de du des do da dos das del für von & and".split())


# Articles and pronouns written with a capital that begin a sentence, not a name ("A la espera", "The").
CAPITAL_FUNCTION_WORDS = frozenset("""
a an the la le les el los las lo o os as un une una uno ein eine der die das il i we it this that
""".split())


# "X is a new service", "X and Y are two new features", "we introduce X, a new service": what a product is.
NEW_THING_NOUNS = (
    r"services?|features?|capabilit(?:y|ies)|products?|offerings?|tools?|apis?|instances?|instance\s+types?"
    r"|regions?|sdks?|runtimes?|engines?|databases?"
)


# What a new product is, after its name in an item: "Acme Zone, a new storage class", "Acme Q - a new AI assistant".
NEW_PRODUCT_NOUNS = (
    NEW_THING_NOUNS + r"|storage|class|assistant|chips?|models?|frameworks?|librar(?:y|ies)|languages?|platforms?"
    r"|integrations?|plugins?|plug-ins?|protocols?|formats?|devices?|phones?|processors?|accelerators?|agents?"
    r"|editors?|extensions?|versions?|operators?"
)
# Words that are no product's, leading a headline: "Nothing was announced", "When it was released".
NOT_PRODUCT_LEADS = frozenset("nothing something everything anything what when which who how why where if".split())


# A launch's status in brackets at the end of an item: "Acme Vault (preview)", "Acme Edge [GA]", "X (public beta)";
# the name keeps it, as written ("Amazon Q (preview)").
STATUS_MARKS = (
    r"(?:public\s+|private\s+|limited\s+)?(?:preview|beta)|ga|generally\s+available|now\s+available"
    r"|vista\s+previa|aperçu|versión\s+preliminar|プレビュー|预览|프리뷰"
)


# A legend's word for a mark of launches, besides NEW_LEAD_INS: "🌊 = Preview", "🧪 = Beta", "✅ = GA".
LEGEND_STATUS_WORDS = r"preview|beta|ga|generally\s+available"


# A line that opens by presenting a product: "Introducing Amazon Braket", "🌊 [Introducing X](url)",
# "Unveiling the Acme Edge".
INTRO_WORDS = r"introducing|unveiling|presentamos|présentation\s+de|wir\s+stellen\s+vor"


# Launches as table rows. A column that names launches ("| Launch | Details |", "| Announcement |", "| What's new
# |"), a column of names ("| Service |", "| Product |", "| Feature |") and one of statuses ("| Status |",
# "| Availability |") whose values are launch statuses ("GA", "Preview", "New").
LAUNCH_COLUMNS = (
    r"launch(?:es)?|launched|announcements?|announced|what[’']?s\s+new|new\s+(?:services?|features?|products?)"
    r"|neuigkeiten|ank[üu]ndigungen?|nouveaut[ée]s|annonces?|novedades|anuncios?|novidades|an[úu]ncios?"
    r"|発表|新機能|新サービス|发布|新功能|新服务|출시|신규\s*서비스|새로운\s*기능"
)
NAME_COLUMNS = (
    r"services?|products?|features?|names?|offerings?|dienst|produkt|funktion|produit|fonctionnalit[ée]s?"
    r"|servicio|producto|funci[óo]n|servi[çc]o|produto|サービス|製品|機能|名前|服务|产品|功能|名称|서비스|제품|기능|이름"
)
STATUS_COLUMNS = (
    r"status|availability|stage|state|release|statut|disponibilit[ée]|estado|disponibilidad|disponibilidade"
    r"|ステータス|状態|状态|상태"
)
# A status cell's words: "GA", "Preview", "Public preview", "New", "Launched", "Generally available".
LAUNCH_STATUS_VALUES = (
    r"(?:public\s+|private\s+|limited\s+)?(?:preview|beta)|ga|generally\s+available|now\s+available|available"
    r"|new|launched|released|announced|neu|nouveau|nuevo|novo|プレビュー|一般提供|预览|正式发布|프리뷰|출시"
)


# A link to a launch post, by its address: "/whats-new/2019/12/announcing-...", "/blogs/aws/new-...",
# ".../introducing-...", "...-now-generally-available", "/launches/", "/changelog/2024-...-ga".
LAUNCH_URL_WORDS = (
    r"whats-new|what-s-new|announc(?:ing|es|ed|ement)|introduc(?:ing|es)|launch(?:es|ed|ing)?|now-available"
    r"|generally-available|now-in-preview|public-preview|now-ga|(?<=/)new-|-ga(?=[/-]|$)|-preview(?=[/-]|$)"
)


# Headings over links that are read, not launched: "Resources", "Further reading", "Blog posts", "Videos".
REFERENCE_HEADINGS = (
    r"resources?|links?|references?|further\s+reading|reading(?:\s+list)?|blog\s+posts?|articles?|videos?"
    r"|slides|recordings?|sources?|credits|see\s+also|weiterf[üu]hrende\s+links|ressources|recursos|lectures?"
    r"|getting\s+started|learn\s+more|read\s+more|more\s+information|documentation|docs|erste\s+schritte|primeros\s+pasos"
    r"|参考|リンク|资源|链接|참고"
)


# Sections of a launch recap that hold no launches, wherever the word is in the heading ("WWDC 2018 Videos", "Apple
# Design Award Winners", "About the Foundation", "Sessions to watch", "Upcoming features", "Get involved"): their
# items are talks, winners, links, plans.
RECAP_OTHER_SECTIONS = (
    r"videos?|sessions?|talks?|keynotes?|awards?|winners?|sponsors?|schedule|agenda|speakers?|photos?|resources?"
    r"|links?|references?|further\s+reading|recordings?|slides|about|thanks|credits|vid[ée]os|vortr[äa]ge|charlas"
    r"|ressources|recursos|of\s+the\s+week|upcoming|roadmap|coming\s+soon|planned|future"
    r"|next\s+steps|what[’']?s\s+next|get\s+involved|ausblick|à\s+venir|pr[óo]ximamente"
)
RECAP_OTHER_SECTIONS_CJK = r"今後|路线图|规划|動画|セッション|视频|演讲|链接|リンク|受賞|获奖|参考"


# Words before a verb of announcing that make it a noun ("une annonce de Google", "the announce") or that a bare
# "announce" needs as its subject ("we announce X"; not "feature announce (...)", "numbered announce").
# What an event announces that is no launch: "announced the final keynotes and programming for [Node Summit]",
# "announced the schedule of X", "annonce le programme de X", "kündigt das Programm an" (the event's own news).
EVENT_NEWS_WORDS = frozenset("""
keynotes keynote speakers speaker schedule agenda program programme programming lineup line-up winners dates
venue sessions talks tracks cfp call tickets registration finalists keynoters programm programa programação
intervenants ponentes referenten sprecher
""".split())


# The first word of a heading that has a number but names no release ("Top 10", "Day 2", "Part 3").
NOT_VERSIONED_WORDS = frozenset("top day part chapter session track room week step level phase round section".split())


# Words that make an item's head a sentence rather than a name ("watchOS 5 won't support ...", "iOS 12 adds ...").
FEATURE_SENTENCE_WORDS = frozenset("""
is are was were will won't can can't could should would must has have had adds add added gets get got takes
make makes made need needs comes coming does do did no longer
""".split())


# Words of a figure or an improvement, not of a thing launched ("SDK improvements", "Faster builds", "Doubling down on
# performance", "Smaller downloads").
FIGURE_WORDS = frozenset("""
improvement improvements improved faster better smaller fewer less more bigger performance doubling statistics
stats percent
""".split())


# A possessive right after a verb of announcing: one's own news ("We announced our engagement"), no launch.
PERSONAL_POSSESSIVES = frozenset("our my his her their notre mon ma unsere unser meine mein nuestro nuestra mi".split())


# Who joins, after a name the verb's object starts with ("announced three new Silver members", "announced Gold
# sponsors"): people and organisations, no launch.
JOINING_WORDS = frozenset("""
members member partners partner sponsors sponsor committers maintainers hires employees customers mitglieder
membres miembros
""".split())


NOUN_MARKERS = frozenset("a an the une un la le les des cette ces l' una el los las esta uma o os as".split())
FIRST_PERSON_SUBJECTS = frozenset("we i they you nous".split())
