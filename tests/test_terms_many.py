"""terms.many_text_terms (a file's texts tokenised in one go, for the index rows) gives, text for text, what
text_terms gives: compounds with every separator, runs of separators, camelCase, digits, NUL, non-ASCII and
CJK texts among ASCII ones, and any text hypothesis makes of those characters."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from reinvent_cli.index.terms import many_text_terms, text_terms

TRICKY = [
    "", " ", "a", "A", "well-architected x509 sync_binlog it's e.g. 3.5 a/b c+d k8s:v1",
    "a--b a..b -lead trail- .x. 'quoted' a-.b a:::b ::: ... -- __init__",
    "ElastiCache DynamoDB IPv6 AWSLambda EC2Instance iPhone HTTPServer myVar_name camel-CaseWord",
    "http://www.slideshare.net/aws/DAT407-deep-dive?x=1&y=2#frag",
    "Día 2 — Jérôme's ElastiCache", "今日は機械学習の話でした AWS_Lambda", "Ünïcödé ﬁ ＦＵＬＬ",
    "a\x00b NUL", "\x00", "tab\tnew\nline\r\x0b\x0c\x1c\x1f\x7f end", "MixedCASE123abc ABCdef abcDEF",
    "x" * 300, " ".join(f"w{i}" for i in range(300)),
]


def test_tricky_texts() -> None:
    assert many_text_terms(TRICKY) == [text_terms(t) for t in TRICKY]
    ascii_only = [t for t in TRICKY if t.isascii() and "\x00" not in t]
    assert many_text_terms(ascii_only) == [text_terms(t) for t in ascii_only]
    assert many_text_terms([]) == []
    for t in TRICKY:
        assert many_text_terms([t]) == [text_terms(t)]


_CHARS = st.sampled_from(list("aZz09 _-.'/+:,;!?()[]\"\t\nAbCdEfXyé\x00") + ["機械", "ｱ", "ß"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_CHARS, max_size=24).map("".join), max_size=8))
def test_any_texts(texts: list[str]) -> None:
    assert many_text_terms(texts) == [text_terms(t) for t in texts]
