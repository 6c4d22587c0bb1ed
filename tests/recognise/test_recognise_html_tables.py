"""Programmes written as raw HTML tables inside markdown (written fresh here): a grid of tracks with a title over
its speaker in each cell, a table whose header names its columns (in Japanese, glued words), rows split by blank
lines and indented (markdown ends an HTML block there), and near misses: a layout table of links, a price table."""

from __future__ import annotations

from reinvent_cli.read.source import source_from_bytes
from reinvent_cli.recognise import parse_source


def doc_of(text: str, name: str = "programme.md"):
    return parse_source(source_from_bytes(text.encode(), name))


def talks_of(text: str, name: str = "programme.md") -> list[tuple[str, list[str], int]]:
    return [(t.title, [s.name for s in t.speakers], t.line) for t in doc_of(text, name).talks]


GRID = """Title: Programme
URL: 2024/programme.html

Workshops need a laptop.

#### Monday 2/09 - Workshop day


<table class='grid'>
    <tr>
        <td></td> <th>Beginner</th> <th>Advanced</th>
    </tr>

    <tr class='break'>
        <td>08:30</td>
        <td colspan=2><i>registration</i></td>
    </tr>
    <tr>
        <td>9:00</td>
        <td><a href='talks/1.html'>Array basics</a><br> <i>Lena Fisch</i></td>
        <td><a href='talks/2.html'>Fast dataframes</a><br><i>Ravi Menon &amp; Mei Tan</i></td>
    </tr>

    <tr>
        <td>11:00</td>
        <td>Plotting first steps<br><i>Jonas Wirth</i></td>
        <td>Parallel loops<br><i>Ana Pires</i></td>
    </tr>
</table>
"""


def test_a_programme_grid_in_html() -> None:
    assert talks_of(GRID) == [
        ("Array basics", ["Lena Fisch"], 20),
        ("Fast dataframes", ["Ravi Menon", "Mei Tan"], 21),
        ("Plotting first steps", ["Jonas Wirth"], 26),
        ("Parallel loops", ["Ana Pires"], 27),
    ]
    assert [d.number for d in doc_of(GRID).days] == [1]


HEADED_JA = """---
title: 港町テックカンファレンス 2024 プログラム
---

### プログラム詳細

<table><thead>
    <tr>
      <th>開始時刻</th>
      <th>登壇者</th>
      <th>トラックタイトル</th>
    </tr>
  </thead><tbody>
    <tr>
      <td>10:00-</td>
      <td>-</td>
      <td>オープニング</td>
    </tr>
    <tr>
      <td>10:05-</td>
      <td>株式会社サンプル<br>代表取締役<br><a href="https://example.org/yamada">山田 太郎</a></td>
      <td><a href="https://example.org/a.pdf">小さなクラウドを作ろう</a></td>
    </tr>
    <tr>
      <td>10:45-</td>
      <td>一般社団法人<br>佐藤 花子</td>
      <td>データ分析のこれから</td>
    </tr>
  </tbody>
</table>
"""


def test_a_headed_html_table_with_glued_japanese_header_words() -> None:
    assert talks_of(HEADED_JA) == [
        ("小さなクラウドを作ろう", ["山田 太郎"], 22),
        ("データ分析のこれから", ["佐藤 花子"], 27),
    ]


LAYOUT_TABLE = """# Links

<table>
  <tr><td><a href="https://example.org/docs">Docs</a></td><td>Read these first</td></tr>
  <tr><td><a href="https://example.org/faq">FAQ</a></td><td>Questions</td></tr>
</table>

<table>
  <tr><th>Plan</th><th>Price</th></tr>
  <tr><td>Basic</td><td>10:00 a month</td></tr>
  <tr><td>Team</td><td>20:00 a month</td></tr>
</table>
"""


def test_layout_and_price_tables_are_no_programmes() -> None:
    assert talks_of(LAYOUT_TABLE, "links.md") == []


def test_html_table_rows_are_searchable_entries() -> None:
    doc = doc_of(GRID)
    texts = [e.text for e in doc.entries if e.kind == "paragraph"]
    assert any("Array basics" in t and "Lena Fisch" in t for t in texts)


REPEATED_SLOT = """#### Monday - Workshops

<table>
  <tr><td></td><th>Room A</th></tr>
  <tr><td>9:00</td><td>Array basics<br><i>Lena Fisch</i></td></tr>
  <tr><td>10:30</td><td><i>break</i></td></tr>
  <tr><td>11:00</td><td>Array basics<br><i>Lena Fisch</i></td></tr>
  <tr><td>14:00</td><td>Plotting<br><i>Jonas Wirth</i></td></tr>
</table>
"""


def test_a_workshop_s_second_slot_is_the_same_talk() -> None:
    assert [(t, s) for t, s, _ in talks_of(REPEATED_SLOT, "workshops-2024.md")] == [
        ("Array basics", ["Lena Fisch"]), ("Plotting", ["Jonas Wirth"])]


ROLE_LINES = """### プログラム

<table><thead>
    <tr><th>開始時刻</th><th>登壇者</th><th>タイトル</th></tr>
  </thead><tbody>
    <tr>
      <td>16:00-</td>
      <td>株式会社サンプル<br>企画課<br>ディレクター<br>髙﨑 奈美</td>
      <td>ものづくりを続ける</td>
    </tr>
    <tr>
      <td>16:45-</td>
      <td>株式会社サンプル<br>ディレクター</td>
      <td>長く作るために</td>
    </tr>
  </tbody>
</table>
"""


def test_a_speaker_cell_s_name_line_not_its_role() -> None:
    assert [(t, s) for t, s, _ in talks_of(ROLE_LINES, "conf-2014.md")] == [
        ("ものづくりを続ける", ["髙﨑 奈美"]), ("長く作るために", [])]


UNCLOSED = """# Notes

<table>
  <tr><td>9:00</td><td>Opening</td></tr>

## Day 1

- a bullet under day 1
"""


def test_an_unclosed_table_leaves_the_markdown_after_it_as_it_was() -> None:
    doc = doc_of(UNCLOSED, "unclosed.md")
    assert any(e.kind == "section" and e.text == "Day 1" for e in doc.entries) or [d.number for d in doc.days] == [1]
    assert any("a bullet under day 1" in e.text for e in doc.entries)
