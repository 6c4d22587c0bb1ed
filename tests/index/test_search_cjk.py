"""Words inside runs of CJK characters are found (character pairs, as search engines' CJK analysers index them)."""

import pytest

NOTES = """# 勉強会メモ

## 機械学習入門

- 今日は機械学習の話でした
- 次回はクラウドの話です
- 데이터베이스 발표가 좋았다
"""


@pytest.fixture(params=[True, False], ids=["store", "memory"])
def notes(request, tmp_path, monkeypatch):
    from reinvent_cli.notes.load import load

    monkeypatch.setenv("REINVENT_CACHE_DIR", str(tmp_path / "cache"))
    f = tmp_path / "memo.md"
    f.write_text(NOTES, encoding="utf-8")
    return load([str(f)], set(), use_cache=request.param, progress=False)


def _texts(notes, query, **kw):
    return [h.entry.text for h in notes.search(query, **kw)]


def test_a_word_inside_a_sentence_is_found(notes):
    assert "今日は機械学習の話でした" in _texts(notes, "機械学習", kinds=["bullet"])
    assert _texts(notes, "クラウド") == ["次回はクラウドの話です"]
    assert _texts(notes, "데이터베이스") == ["데이터베이스 발표가 좋았다"]


def test_a_word_that_is_not_there_is_not_found(notes):
    assert _texts(notes, "機械翻訳") == []
    assert _texts(notes, "深層学習") == []


def test_terms_are_pairs_of_characters():
    from reinvent_cli.index.terms import query_terms, text_terms

    assert query_terms("機械学習") == ["機械", "械学", "学習"]
    assert {"機械", "械学", "学習"} <= text_terms("今日は機械学習の話でした")
    assert query_terms("AWS新機能") == ["aws", "新機", "機能"]
