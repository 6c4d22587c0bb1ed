"""Shapes of event programmes and announcements that name their talks without headings (written fresh here, in
several languages): a time before a bold title over "Presented by", labelled fields ("Topic:", "演讲主题："), a
list item whose title line is over a line of people, 《Title》 after a speaker's name and role, talks linked to
their session pages, and a title over "(Org-Name time)". Near misses of each are no talks."""

from __future__ import annotations

from reinvent_cli.read.source import source_from_bytes
from reinvent_cli.recognise import parse_source


def talks_of(text: str, name: str = "programme.md") -> list[tuple[str, list[str]]]:
    doc = parse_source(source_from_bytes(text.encode(), name))
    return [(t.title, [s.name for s in t.speakers]) for t in doc.talks]


TIMED_BOLD = """---
title: Harbour Storage Day 2024
---

The second Harbour Storage Day is online on May 14-15.

## Agenda

### May 14

0900-0930: **Welcome and the road to 2.0**<br>
Presented by Olga Brant & Pieter Kaan

What the next release brings and when.

09:30-10:15: **Snapshots without downtime**<br>
Presented by Ravi Menon

How copy-on-write snapshots work under load.

10:15-10:45: **Break**

10:45-11:30: **Erasure coding in practice**<br>
Presented by Lena Fisch

### May 15

0900-0945: **Operating at petabyte scale**<br>
Presented by Jonas Wirth and Mei Tan
"""


def test_a_time_before_a_bold_title_over_presented_by() -> None:
    assert talks_of(TIMED_BOLD) == [
        ("Welcome and the road to 2.0", ["Olga Brant", "Pieter Kaan"]),
        ("Snapshots without downtime", ["Ravi Menon"]),
        ("Erasure coding in practice", ["Lena Fisch"]),
        ("Operating at petabyte scale", ["Jonas Wirth", "Mei Tan"]),
    ]


LABELLED_ZH = """---
title: 星河调度社区线上 Meetup 来了
---

本次 Meetup 邀请了三位用户分享经验。

## 分享嘉宾

周晓峰/星河科技/数据平台工程师

演讲主题：星河调度在金融风控中的实践
演讲概要：从定时脚本迁移到工作流调度的过程与收益。

韩雪/北辰数据/大数据架构师

演讲主题：任务依赖与补数的设计
演讲概要：如何在上千个任务之间管理依赖与补数。

欢迎大家报名参加！
"""


LABELLED_EN = """# Spring Data Meetup, Lisbon

Three talks this time.

Speaker: Ana Pires (Datalake Co)
Topic: Streaming joins that do not fall over

Speaker: Bruno Reis
Topic: A year of running our own Postgres operator

Pizza afterwards.
"""


def test_labelled_fields_name_the_talk_and_its_speaker() -> None:
    assert talks_of(LABELLED_ZH) == [
        ("星河调度在金融风控中的实践", ["周晓峰"]),
        ("任务依赖与补数的设计", ["韩雪"]),
    ]
    assert talks_of(LABELLED_EN) == [
        ("Streaming joins that do not fall over", ["Ana Pires"]),
        ("A year of running our own Postgres operator", ["Bruno Reis"]),
    ]


ONE_TOPIC = """# Weekly sync

Topic: migrating the build to the new runners
Attendees: Ana, Bruno, Carla

- Runners are ready
"""


def test_one_labelled_topic_in_other_notes_is_no_talk() -> None:
    assert talks_of(ONE_TOPIC, "2024-03-21.md") == []


TITLE_OVER_PEOPLE = """---
title: Meet the Tracing SIG at CloudFest Europe 2025
---

Here is every talk by members of our SIG.

## Talks

- **[Sampling that keeps the interesting traces](https://sched.co/aaa1)** (a deep dive)<br>
  Nora Lind (Acme Cloud) & Felix Rao (Tracewise)<br> Tue 17 June • 11:00 - 11:30

- **[Tail latency from the collector's point of view](https://sched.co/aaa2)**<br>
  Ida Sommer (Northwind)<br> Tue 17 June • 14:10 - 14:40

- **[Profiles meet traces](https://sched.co/aaa3)**<br>
  Omar Haddad (Blue Owl) & Sven Ek (Student)<br> Wed 18 June • 10:00 - 10:30
"""


def test_a_list_item_s_title_line_over_its_people() -> None:
    assert talks_of(TITLE_OVER_PEOPLE) == [
        ("Sampling that keeps the interesting traces", ["Nora Lind", "Felix Rao"]),
        ("Tail latency from the collector's point of view", ["Ida Sommer"]),
        ("Profiles meet traces", ["Omar Haddad", "Sven Ek"]),
    ]


BOOK_QUOTES = """---
title: 云原生开发者大会 2024 回顾
---

本届大会的分论坛有八位讲师分享。

![photo](/img/a.jpg)

陆明远，星河社区 PMC 成员，某科技公司中间件专家，《服务网格在生产中的十个坑》

![photo](/img/b.jpg)

沈佳琪，开源数据库贡献者，《向量检索的工程实践》

![photo](/img/c.jpg)

付长青，某银行架构师，《核心系统分布式改造之路》
"""


def test_book_quoted_titles_after_the_speaker_s_name() -> None:
    assert talks_of(BOOK_QUOTES) == [
        ("服务网格在生产中的十个坑", ["陆明远"]),
        ("向量检索的工程实践", ["沈佳琪"]),
        ("核心系统分布式改造之路", ["付长青"]),
    ]


BOOK_PROSE = """# 读书笔记

最近读了《深入理解分布式系统》，其中第三章讲得很好。

我也推荐《数据密集型应用系统设计》，值得反复读。
"""


def test_book_titles_in_prose_are_no_talks() -> None:
    assert talks_of(BOOK_PROSE, "reading.md") == []


SESSION_PAGES = """---
title: The programme of MetricsConf 2024 is out
---

The programme committee picked 20 talks. Sessions from the community include:

- [Native histograms in the real world](https://metricsconf.example/2024/talks/native-histograms)
- [Scraping ten thousand clusters](https://metricsconf.example/2024/talks/scraping-ten-thousand)
- [Client library 2.0](https://metricsconf.example/2024/talks/client-2)

See the full [schedule](https://metricsconf.example/2024/schedule/).
"""


def test_links_to_session_pages_are_talks() -> None:
    assert talks_of(SESSION_PAGES) == [
        ("Native histograms in the real world", []),
        ("Scraping ten thousand clusters", []),
        ("Client library 2.0", []),
    ]


DOC_LINKS = """# Useful links

- [Installing the agent](https://docs.example/agent/install)
- [Configuring talks to the API](https://docs.example/api/talks)
- [Release notes](https://docs.example/releases)
"""


def test_links_to_docs_pages_are_no_talks() -> None:
    assert talks_of(DOC_LINKS, "links.md") == []


PAREN_TIME_ZH = """星河调度将于2024年6月8日在杭州举办 Meetup，欢迎报名。

议程如下：

* 星河调度简介（北辰数据CTO-周晓峰 14:00-14:20）
* 调度内核的架构设计（北辰数据-韩雪 14:20-15:00）
* 从用户到贡献者（陆明远 15:10-15:50）
* 自由讨论
"""


def test_a_title_over_org_name_and_time_in_parentheses() -> None:
    assert talks_of(PAREN_TIME_ZH, "meetup-2024-hangzhou.md") == [
        ("星河调度简介", ["周晓峰"]),
        ("调度内核的架构设计", ["韩雪"]),
        ("从用户到贡献者", ["陆明远"]),
    ]


CJK_GROUP = """---
title: 春のクラウドネイティブ会議 2025 で私たちのトークを聞こう
---

私たちのメンバーが登壇します。

## 会議トーク一覧

- **[Sampling in the collector](https://sched.co/bbb1)**（コレクターでのサンプリング）<br>
  Mika Sato（Acme）<br> 6月17日 • 11:00 - 11:30

- **[Metrics without cardinality pain](https://sched.co/bbb2)**（カーディナリティの悩み）<br>
  Jonas Berg（Northwind）& Aiko Mori（Blue Owl）<br> 6月17日 • 14:10 - 14:40

## お待ちしています
"""


def test_a_cjk_heading_naming_talks_groups_its_session_links() -> None:
    assert talks_of(CJK_GROUP) == [
        ("Sampling in the collector", ["Mika Sato"]),
        ("Metrics without cardinality pain", ["Jonas Berg", "Aiko Mori"]),
    ]


TITLE_AGAIN = """---
title: Storage Folk at DataConf 2019
---

## Storage Folk at DataConf 2019

We have three sessions this year.

## Snapshots for everyone (10:10am - 10:40am)

How snapshots work.

## Quotas that hold (1:00pm - 1:30pm)

Quotas.

## Backups you can restore (2:00pm - 2:45pm)

Restores.
"""


def test_the_post_s_title_repeated_as_a_heading_is_no_talk() -> None:
    assert [t for t, _ in talks_of(TITLE_AGAIN)] == [
        "Snapshots for everyone", "Quotas that hold", "Backups you can restore"]


ABSTRACTS = """# Systems Day 2026, day one

### Checking unsafe code across the FFI / Ana Ruiz

* notes from the talk

### Scheduling on small machines

This talk shows how a cooperative scheduler fits in 64 KB, and what it costs.

* it fits

### Building a regional user group

In this session the organisers explain how a group grew across four countries.

* four countries

### Faster builds in CI

Attendees will learn three ways to cache a build between runs.

### Lunch

Sandwiches.
"""


def test_abstracts_that_speak_of_the_talk_are_evidence() -> None:
    assert [t for t, _ in talks_of(ABSTRACTS)] == [
        "Checking unsafe code across the FFI", "Scheduling on small machines", "Building a regional user group",
        "Faster builds in CI"]


SPEAKER_SUBHEADINGS = """---
title: Gateway Meetup in Porto, come along!
---

## Schedule

### Rate limiting at the edge

#### Sharing Guests

Rui Costa / Engineer, Acme

#### Topic Details

How we rate limit ten million calls a day.

### Auth in one place

#### Sharing Guests

Marta Lobo / Maintainer, Gateway Project

#### Topic Details

Central authentication with plugins.
"""


def test_a_speaker_subheading_over_a_name_line_marks_the_talk() -> None:
    assert talks_of(SPEAKER_SUBHEADINGS) == [
        ("Rate limiting at the edge", ["Rui Costa"]),
        ("Auth in one place", ["Marta Lobo"]),
    ]


MEETUP_NEWS = """---
title: "The third Gateway developer salon was held in Porto"
---

![photo](/img/all-hands.jpg)

## In-depth exchange with users

In the morning, users from four companies met the maintainers face to face.

## About the meetup

The meetup was full again: 300 people came, 9000 watched online.
"""


def test_news_of_a_meetup_with_no_talk_in_it_is_no_talk() -> None:
    assert talks_of(MEETUP_NEWS, "gateway-meetup2018-porto-news.md") == []


WEBINAR_POST = """# Be faster with the command line

https://example.org/on-demand-webinar-command-line/

## Top use cases

- Set up sites quickly
"""


def test_a_webinar_post_is_still_one_talk() -> None:
    assert [t for t, _ in talks_of(WEBINAR_POST, "jdoe-cli-webinar.md")] == ["Be faster with the command line"]


CJK_AGENDA = """星河调度与数据湖联合 Meetup。

**议程如下**

* 14:00 - 14:40 调度与容器化的融合（ 某游戏公司 & Committer   刘小春）[PPT](https://example.org/a.pptx)
* 14:40 - 15:20 代理层原理解析（某数科 & PPMC  张永伦 ）[PPT](https://example.org/b.pptx)
* 16:40 - 17:20 圆桌讨论 - 如何成为 Committer
"""


def test_who_gave_it_last_in_the_parentheses_and_a_roundtable_is_nobody() -> None:
    assert talks_of(CJK_AGENDA, "xinghe-meetup2019-beijing.md") == [
        ("调度与容器化的融合", ["刘小春"]),
        ("代理层原理解析", ["张永伦"]),
        ("圆桌讨论 - 如何成为 Committer", []),
    ]


NUMBERED = """## 소개

항구 개발자 축제 2023에서 들은 모바일 발표들을 정리했습니다.

## 1. 단방향 아키텍처

**발표자료**: https://example.org/slides-1

* 상태와 뷰를 나눈다

## 2. 함수형 테스트

이 발표는 로컬 테스트를 다룬다.

## 3. 크로스 플랫폼 101

* 한 번 작성

## 4. 모듈과 데이터 바인딩

* 모듈을 나눈다
"""


def test_a_numbered_series_with_a_third_backed_is_talks() -> None:
    assert [t for t, _ in talks_of(NUMBERED, "harbour-devfest-2023-ko.md")] == [
        "1. 단방향 아키텍처", "2. 함수형 테스트", "3. 크로스 플랫폼 101", "4. 모듈과 데이터 바인딩"]


ANCHORED = """Back from the Harbour Summit, where a keynote opened the day.

<a name="3"></a>
## Opening keynote

Speaker: Jane Roe

<a name="4"></a>
## Machine learning

Notes on what was shown.

<a name="5"></a>
## Generative design

More notes.

<a name="6"></a>
## Virtual reality

And more.
"""


def test_anchors_on_every_heading_tell_none_apart() -> None:
    titles = [t for t, _ in talks_of(ANCHORED)]
    assert not {"Machine learning", "Generative design", "Virtual reality"} & set(titles)
