#!/usr/bin/env python3
"""The Atom feeds of baoku-search --atom, read by a real Atom parser
(python3-feedparser): well-formed, the RFC 4287 parts present, entries
newest first, each linking its article, markup in text escaped.

    atom_feedparser_test.py BAOKU_INDEX BAOKU_SEARCH SAMPLES_DIR
"""
import os
import subprocess
import sys
import tempfile

import feedparser

index, search, samples = sys.argv[1], sys.argv[2], sys.argv[3]


def feed(db, *query):
    out = subprocess.run(
        [search, "--db", db, "--atom", "--atom-base", "http://127.0.0.1:8080",
         "--limit", "50", *query], check=True, capture_output=True).stdout
    parsed = feedparser.parse(out)
    assert not parsed.bozo, f"not well-formed: {parsed.bozo_exception}"
    assert parsed.version == "atom10", parsed.version
    return parsed


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "db")
    subprocess.run([index, "index", "--db", db, "-q", "--no-report", samples],
                   check=True, capture_output=True)
    checks = 0
    for query in (["记者:高原"], ["栏目:民法典进社区·百姓身边百问百答"], ["主题:住房与物业"],
                  ["来源:本报", "维修资金"], ["类型:更正"]):
        f = feed(db, *query)
        assert f.feed.id and f.feed.title and f.feed.updated, query
        assert f.feed.get("author"), query
        assert f.entries, f"no entries for {query}"
        dates = [e.updated_parsed for e in f.entries]
        assert dates == sorted(dates, reverse=True), f"not newest first: {query}"
        assert f.feed.updated_parsed == dates[0], query
        ids = set()
        for e in f.entries:
            assert e.id.startswith("tag:baoku,") and e.id not in ids, e.id
            ids.add(e.id)
            assert e.title, e.id
            assert e.link.startswith("http://127.0.0.1:8080/article?id=yzrb-"), e.link
            assert e.link.endswith(e.id.rsplit("/", 1)[1]), (e.link, e.id)
            checks += 1
    # The correction feed holds the notice of 2026-06-17.
    corrections = feed(db, "类型:更正")
    assert corrections.entries[0].title == "更正"
    assert corrections.entries[0].updated.startswith("2026-06-17")
    # No match: a valid feed without entries.
    empty = feed(db, "没有这样的文章一二三四")
    assert empty.entries == [] and empty.feed.updated.startswith("1970")
print(f"atom feeds: {checks} entries checked")
