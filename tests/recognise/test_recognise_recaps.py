"""Shapes of conference recaps the rules read since the blind set's misses (written fresh here, in several
languages): a reading list of recorded talks ("[Title](video) _by_ Name - what it was about"), "Name: [Title](url)"
lists, a recap whose sections each end in the talk's video (an embed component, an iframe, a link in prose),
closing thanks, and a bold line that introduces a list with a full-width colon."""

from __future__ import annotations

import pytest

from reinvent_cli.read.source import source_from_bytes
from reinvent_cli.recognise import parse_source


def doc_of(text: str, name: str = "recap.md"):
    return parse_source(source_from_bytes(text.encode(), name))


def talks_of(text: str, name: str = "recap.md") -> list[tuple[str, list[str]]]:
    return [(t.title, [s.name for s in t.speakers]) for t in doc_of(text, name).talks]


READING_LIST = """---
title: "Harbour Go Day: a look back"
summary: Our first Go conference in the harbour city.
---

All the talks were recorded:

- [Starting with Go](https://vimeo.com/1001) _by Mara Quist_ -
  a contributor shows where to begin.
- [Errors as values](https://vimeo.com/1002) _by_ [_Tomas Reyl_](https://example.org/tr) -
  patterns for wrapping and inspecting errors.
- [Profiling a slow service](https://vimeo.com/1003) _by_ [_Ines Varga_](https://example.org/iv) - flame graphs,
  pprof and a surprise in the allocator.
"""


def test_a_reading_list_of_recorded_talks() -> None:
    assert talks_of(READING_LIST, "harbour-go-day-2019.md") == [
        ("Starting with Go", ["Mara Quist"]),
        ("Errors as values", ["Tomas Reyl"]),
        ("Profiling a slow service", ["Ines Varga"]),
    ]


NAME_FIRST = """# Resumen de la Conferencia Web 2023

## Día 1

Charlas de la comunidad:

- [Lucía Ferrer](https://example.org/lf): [Formularios sin dolor](https://www.youtube.com/watch?v=aaa)
- Pablo Ortega y Ana Ruiz: [Accesibilidad desde el diseño](https://www.youtube.com/watch?v=bbb).
- [Marta Gil](https://example.org/mg): [Servidores en el borde](https://www.youtube.com/watch?v=ccc)
"""


def test_name_then_a_linked_title() -> None:
    assert talks_of(NAME_FIRST) == [
        ("Formularios sin dolor", ["Lucía Ferrer"]),
        ("Accesibilidad desde el diseño", ["Pablo Ortega", "Ana Ruiz"]),
        ("Servidores en el borde", ["Marta Gil"]),
    ]


def test_a_colon_list_of_people_and_plain_words_is_no_talk_list() -> None:
    text = ("# DevDays 2023 notes\n\n## Keynote: Platforms\n\nSpeaker: Jane Roe\n\n"
            "- Pro: [faster builds](https://example.org/a)\n- Con: [more YAML](https://example.org/b)\n"
            "- Jane Roe: asked about [caching](https://example.org/c) and more\n")
    assert [t.title for t in doc_of(text).talks] == ["Keynote: Platforms"]


EMBEDS = """---
title: "Rückblick: Frontend Konferenz 2022"
---

Hier eine Zusammenfassung der Vorträge.

## Die Zukunft der Formulare

Wir haben gezeigt, wie Formulare ohne Zustand auskommen.

Das war der Kern des Vortrags.

Mehr im Video von [Lena Brandt](https://example.org/lb):

<VideoEmbed src="https://www.youtube.com/embed/abc123" />

## Server-Komponenten im Alltag

Ein Erfahrungsbericht aus zwei Jahren Produktion.

<iframe width="560" src="https://www.youtube.com/embed/def456"></iframe>

## Barrierefreiheit testen

Werkzeuge und Abläufe im Team, [hier das Video](https://youtu.be/ghi789).

## Danke

Danke an alle Sponsoren und Helfer.
"""


def test_sections_ending_in_their_video_are_talks_and_thanks_is_none() -> None:
    assert talks_of(EMBEDS, "frontend-konferenz-2022.md") == [
        ("Die Zukunft der Formulare", ["Lena Brandt"]),  # (linked by name where the video is)
        ("Server-Komponenten im Alltag", []), ("Barrierefreiheit testen", [])]


def test_one_video_shared_by_sections_is_still_one_talk_s_sections() -> None:
    text = ("# Notes: Frugal architecture\n\n## Costs\n\nA paragraph.\n\nMore.\n\n[at 5:00](https://www.youtube.com/watch?v=zz&t=300)\n\n"
            "## Trade-offs\n\nA paragraph.\n\n[at 15:00](https://www.youtube.com/watch?v=zz&t=900)\n")
    assert [t.title for t in doc_of(text).talks] in ([], ["Notes: Frugal architecture"])


def test_thanks_headings_are_no_talks() -> None:
    for word in ("Thank you!", "Merci", "Agradecimientos", "Obrigado", "謝辞", "감사드립니다"):
        text = (f"# Conf 2024 recap\n\n## Talk one\n\nSpeaker: Jane Roe\n\n## Talk two\n\nSpeaker: John Doe\n\n"
                f"## {word}\n\nTo everyone who came.\n")
        assert [t.title for t in doc_of(text).talks] == ["Talk one", "Talk two"], word


def test_a_bold_line_ending_in_a_full_width_colon_introduces() -> None:
    text = ("# React Conf 2021 まとめ\n\n**コミュニティからの発表：**\n\n"
            "- [山田 太郎](https://example.org/y): [フォームの未来](https://www.youtube.com/watch?v=a1)\n"
            "- [佐藤 花子](https://example.org/s): [サーバの話](https://www.youtube.com/watch?v=a2)\n")
    talks = talks_of(text)
    assert "コミュニティからの発表：" not in [t for t, _ in talks]
    assert talks == [("フォームの未来", ["山田 太郎"]), ("サーバの話", ["佐藤 花子"])]


def test_a_list_of_videos_or_posts_is_no_talk() -> None:
    text = ("# DevConf 2024 recap\n\n## Scaling Postgres\n\nSpeaker: Jane Roe\n\n## Rust at work\n\nSpeaker: John Doe\n\n"
            "## Videos\n\n* [All talks](https://www.youtube.com/playlist?list=PL123)\n\n"
            "## Blog posts\n\n- [Jane Roe](https://example.org/jr)\n- [A recap](https://example.org/r)\n")
    assert [t.title for t in doc_of(text).talks] == ["Scaling Postgres", "Rust at work"]


def test_launches_by_day_are_conference_notes() -> None:
    text = ("# Cloud Week 2019\n\n## Launches before the week\n\n- Amazon Foo launches bars\n- Amazon Baz adds quux\n\n"
            "## Day 1\n\n- Announcing Amazon Widget, a new service\n\n## Day 2\n\n- Announcing Amazon Gadget\n")
    doc = doc_of(text, "cloud-week-2019.md")
    assert doc.talks == [] and len(doc.days) == 2 and len(doc.announcements) >= 2


# Talk lists as people write them (each under a heading or lead-in that expects talks).
SHAPES = {
    'a-ja-head': ('# Go Conference 2023 参加レポート\n\n## 講演1: Go のメモリモデル（山田 太郎）\n\nメモ。\n\n## 講演2: 並行処理のパターン（佐藤 花子）\n\nメモ。\n',
        [('講演1: Go のメモリモデル', ['山田 太郎']), ('講演2: 並行処理のパターン', ['佐藤 花子'])]),
    'e-plain': ('# PyData Berlin 2023 — talks I saw\n\nBuilding a lakehouse\nPriya Raman (Acme)\n\nNotes about it.\n\nStreaming joins at scale\nDiego Alvarez (Initech)\n\nMore notes.\n\nMetrics layers\nHannah Cho\n\nEven more.\n',
        [('Building a lakehouse', ['Priya Raman']), ('Streaming joins at scale', ['Diego Alvarez']), ('Metrics layers', ['Hannah Cho'])]),
    'k-zh-head': ('# QCon 上海 2023 参会笔记\n\n## 《大模型推理优化》- 王磊\n\n笔记。\n\n## 《云原生数据库实践》- 李明\n\n笔记。\n',
        [('大模型推理优化', ['王磊']), ('云原生数据库实践', ['李明'])]),
    'b-linkhead': ('# Strange Loop 2022\n\n## [Programming with types](https://www.youtube.com/watch?v=x1) – Jane Roe\n\nNotes.\n\n## [The art of the REPL](https://www.youtube.com/watch?v=x2) – John Doe\n\nNotes.\n',
        [('Programming with types', ['Jane Roe']), ('The art of the REPL', ['John Doe'])]),
    'd-byline': ('# Write the Docs Portland 2023\n\n## Docs as code at scale\n\nBy Jane Roe\n\nNotes.\n\n## Writing for translation\n\nPresented by John Doe\n\nNotes.\n\n## Measuring docs\n\n👤 Ann Lee\n\nNotes.\n',
        [('Docs as code at scale', ['Jane Roe']), ('Writing for translation', ['John Doe']), ('Measuring docs', ['Ann Lee'])]),
    'f-boldline': ('# Devoxx Belgium 2023\n\n**Java 21 in practice**\nJane Roe, Acme\n\nNotes.\n\n**Virtual threads deep dive**\nJohn Doe, Initech\n\nNotes.\n',
        [('Java 21 in practice', ['Jane Roe']), ('Virtual threads deep dive', ['John Doe'])]),
    'i-fr': ('# Compte rendu du DevFest Nantes 2023\n\n## Conférence : Les microfrontends en production\n\nPar Julie Martin\n\nNotes.\n\n## Conférence : Kotlin côté serveur\n\nPar Paul Durand\n\nNotes.\n',
        [('Les microfrontends en production', ['Julie Martin']), ('Kotlin côté serveur', ['Paul Durand'])]),
    'a-paren': ('# PyCon Nordics 2023 notes\n\n## Day 1\n\n- Async all the way down (Maria Holm)\n- Packaging in 2023 (Lars Eriksen, Acme)\n- Typing at scale (Ingrid Berg)\n',
        [('Async all the way down', ['Maria Holm']), ('Packaging in 2023', ['Lars Eriksen']), ('Typing at scale', ['Ingrid Berg'])]),
    'b-slash': ('# JSConf Lisboa 2022\n\nTalks I attended:\n\n- Building a bundler / Rui Santos\n- State machines in practice / Ana Costa\n- Edge rendering explained / Pedro Lima\n',
        [('Building a bundler', ['Rui Santos']), ('State machines in practice', ['Ana Costa']), ('Edge rendering explained', ['Pedro Lima'])]),
    'c-pipe': ('# DevOpsDays Kraków 2023 — my notes\n\n## Sessions\n\n- Observability on a budget | Jan Kowalski\n- Chaos engineering for the rest of us | Ewa Nowak\n- Platform teams that work | Piotr Zieliński\n',
        [('Observability on a budget', ['Jan Kowalski']), ('Chaos engineering for the rest of us', ['Ewa Nowak']), ('Platform teams that work', ['Piotr Zieliński'])]),
    'd-zh': ('# 2023 云原生技术大会 参会笔记\n\n## 主题演讲\n\n- 《云原生可观测性实践》—— 讲师：张伟\n- 《服务网格的下一步》—— 讲师：李娜\n- 《Serverless 落地经验》—— 讲师：王强\n',
        [('云原生可观测性实践', ['张伟']), ('服务网格的下一步', ['李娜']), ('Serverless 落地经验', ['王强'])]),
    'e-ja': ('# Kotlin Fest 2023 参加レポート\n\n## セッション\n\n- Kotlin コルーチン入門 / 山田 太郎\n- Compose Multiplatform の現在 / 佐藤 花子\n- 型安全なビルド設定 / 鈴木 一郎\n',
        [('Kotlin コルーチン入門', ['山田 太郎']), ('Compose Multiplatform の現在', ['佐藤 花子']), ('型安全なビルド設定', ['鈴木 一郎'])]),
    'f-boldname': ('# RustFest Zürich 2023\n\n**Anna Keller**: Zero-cost abstractions revisited\n\nNotes on the talk.\n\n**Marco Rossi**: Async Rust in embedded\n\nMore notes.\n\n**Julia Meier**: Error handling patterns\n\nEven more notes.\n',
        [('Zero-cost abstractions revisited', ['Anna Keller']), ('Async Rust in embedded', ['Marco Rossi']), ('Error handling patterns', ['Julia Meier'])]),
    'i-ko': ('# FEConf 2023 후기\n\n## 세션\n\n- 리액트 서버 컴포넌트 톺아보기 - 김민수\n- 디자인 시스템 운영기 - 이지은\n- 웹 성능 최적화 사례 - 박준호\n',
        [('리액트 서버 컴포넌트 톺아보기', ['김민수']), ('디자인 시스템 운영기', ['이지은']), ('웹 성능 최적화 사례', ['박준호'])]),
    'j-es': ('# Resumen de la PyConES 2023\n\n## Charlas\n\n### Python en producción, por Laura Gómez\n\nNotas.\n\n### Datos abiertos con pandas, por Carlos Pérez\n\nNotas.\n',
        [('Python en producción', ['Laura Gómez']), ('Datos abiertos con pandas', ['Carlos Pérez'])]),
    'k-table': ('# Meetup Cloud Native Berlin #12\n\n| Time | Talk | Speaker |\n|---|---|---|\n| 18:30 | GitOps with Flux | Lena Wolf |\n| 19:15 | eBPF for humans | Max Braun |\n',
        [('GitOps with Flux', ['Lena Wolf']), ('eBPF for humans', ['Max Braun'])]),
    'm-dash-first': ('# SREcon23 Americas\n\n## Talks\n\n- Alice Johnson — Incident reviews that teach\n- Bob Smith — SLOs without tears\n- Carol White — Toil budgets\n',
        [('Incident reviews that teach', ['Alice Johnson']), ('SLOs without tears', ['Bob Smith']), ('Toil budgets', ['Carol White'])]),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_talk_list_shapes(name: str) -> None:
    text, want = SHAPES[name]
    assert talks_of(text, name + ".md") == want


def test_weak_shapes_count_only_where_talks_are_expected() -> None:
    text = ("# KubeCon EU 2023 notes\n\n## Keynote: The state of Kubernetes\n\nSpeaker: Jane Roe\n\n"
            "- Install the CLI (optional)\n- Use pandas (Wes McKinney's library)\n- Read the docs / Getting Started\n\n"
            "## Tools I saw\n\n- Docker Desktop (Mac Mini)\n- Visual Studio Code / GitHub Copilot\n"
            "- Open Telemetry (Grafana Labs)\n")
    titles = [t for t, _ in talks_of(text)]
    assert "Docker Desktop" not in titles and "Visual Studio Code" not in titles and titles[0].startswith("Keynote")


def test_cjk_words_are_no_names() -> None:
    from reinvent_cli.recognise.talk.names import is_person, surely_person
    assert [surely_person(x) for x in ("张伟", "王磊", "김민수", "山田 太郎", "リー・ウェイ")] == [True] * 5
    assert [surely_person(x) for x in ("个人介绍", "视频回顾", "데이터")] == [False] * 3
    assert [is_person(x) for x in ("세션", "セッション", "主题演讲")] == [False] * 3
    text = ("# 2021 上海 Meetup 回顾\n\n## 分享一\n\n**个人介绍**：高级研发工程师，负责网关开发。\n\n"
            "**议题详情**：身份认证是零信任架构中非常重要的一环。\n\n**视频回顾**：[链接](https://example.org/v)\n")
    assert all(not t.startswith(("高级", "身份")) for t, _ in talks_of(text))


def test_a_quoted_line_over_its_author_is_no_talk() -> None:
    text = ("# Universe 2015 notes\n\n## Pixar\n\nSpeaker: Jane Roe\n\n"
            "Reality is a measure of complexity.\nAlvy Ray Smith\n\n“It is about being believable”\nJohn Lasseter\n")
    assert [t for t, _ in talks_of(text)] == ["Pixar"]


def test_a_talk_s_title_is_no_launch() -> None:
    doc = doc_of(READING_LIST.replace("Starting with Go", "Launching into Go"), "harbour-go-day-2019.md")
    assert "Launching into Go" in [t.title for t in doc.talks]
    assert doc.announcements == [] and not any(e.kind == "announcement" for e in doc.entries)
