#!/usr/bin/python3
"""Gives sina_news_2018 articles to baoku as NDJSON, with known items.

    bench/indexing/sina_ndjson.py OUT [--articles N] [--known N] [--seed S]

Writes, under OUT (a temporary directory, never the project: the corpus is
third-party text for internal evaluation only):

  articles.ndjson    one baoku article a line (article_json.h): headline,
                     paragraphs (the text split at its line breaks, else at
                     sentence ends into pieces of about 200 characters),
                     an invented paper, 40 articles an issue, 5 a page
  articles.txt       the same text as plain UTF-8 (title, blank, paragraphs),
                     one article after another: what every engine indexes,
                     and the byte count "text" in size ÷ text
  known_items.tsv    qid, class, chars, query, target id, relevant ids, in
                     the format of bench/archive/make_archive.py:
                     'plain' substrings of 2-8 characters of one article's
                     text, '2char' substrings of exactly 2 characters, and
                     'traditional' plain ones converted by `opencc -c
                     s2t.json` (none when opencc is missing, reported).
                     Relevant: every article whose title or text holds the
                     query. A query held by more than --max-relevant
                     articles is drawn again.
  articles.jsonl     id, date, printed (title, then paragraphs): the same
                     articles for bench/peers/peers.py (OUT as its ARCHIVE)

Prints a JSON summary: articles, text bytes, known items per class.
"""

import argparse
import datetime
import json
import os
import random
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                '..', 'archive'))
from make_archive import DEFAULT_CORPUS, write_known_items  # noqa: E402

HAN = re.compile('[\u3400-\u9fff]')
SENTENCE_END = re.compile('(?<=[。！？])')


def paragraphs_of(text):
    lines = [line.strip() for line in text.split('\n') if line.strip()]
    if len(lines) > 1:
        return lines
    out, piece = [], ''
    for sentence in SENTENCE_END.split(text):
        piece += sentence
        if len(piece) >= 200:
            out.append(piece.strip())
            piece = ''
    if piece.strip():
        out.append(piece.strip())
    return out


def load(corpus, limit):
    records = []
    with open(corpus, encoding='utf-8') as f:
        for line in f:
            r = json.loads(line)
            if r.get('duplicate_of') or not r.get('text', '').strip():
                continue
            records.append(r)
            if len(records) >= limit:
                break
    return records


def to_traditional(queries):
    if not shutil.which('opencc') or not queries:
        return None
    result = subprocess.run(['opencc', '-c', 's2t.json'],
                            input='\n'.join(queries) + '\n',
                            capture_output=True, text=True, check=True)
    out = result.stdout.split('\n')[:len(queries)]
    return out if len(out) == len(queries) else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('out')
    parser.add_argument('--corpus', default=DEFAULT_CORPUS)
    parser.add_argument('--articles', type=int, default=10**9)
    parser.add_argument('--known', type=int, default=1000,
                        help='known items per class')
    parser.add_argument('--max-relevant', type=int, default=5)
    parser.add_argument('--seed', type=int, default=16)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    records = load(args.corpus, args.articles)
    start = datetime.date(2018, 10, 1)
    articles = []
    text_bytes = 0
    with open(os.path.join(args.out, 'articles.ndjson'), 'w',
              encoding='utf-8') as nd, \
            open(os.path.join(args.out, 'articles.txt'), 'w',
                 encoding='utf-8') as txt, \
            open(os.path.join(args.out, 'articles.jsonl'), 'w',
                 encoding='utf-8') as peers:
        for i, r in enumerate(records):
            title = r.get('title', '').strip()
            paras = paragraphs_of(r['text'])
            day = start + datetime.timedelta(days=i // 40)
            a = {'id': r['id'], 'paper': '测试晚报', 'paper_code': 'cswb',
                 'date': day.isoformat(), 'page': (i % 40) // 5 + 1,
                 'ordinal': i % 5 + 1, 'headline': title,
                 'paragraphs': paras}
            nd.write(json.dumps(a, ensure_ascii=False) + '\n')
            body = '\n'.join(paras)
            plain = title + '\n\n' + body + '\n\n'
            txt.write(plain)
            text_bytes += len(plain.encode('utf-8'))
            peers.write(json.dumps({'id': r['id'], 'date': a['date'],
                                    'printed': [title] + paras},
                                   ensure_ascii=False) + '\n')
            articles.append((r['id'], title + '\n' + body))

    rng = random.Random(args.seed)
    items = []

    def draw(lengths, cls, want):
        tries = 0
        got = []
        while len(got) < want and tries < want * 50:
            tries += 1
            aid, text = articles[rng.randrange(len(articles))]
            n = rng.choice(lengths)
            if len(text) < n:
                continue
            s = rng.randrange(len(text) - n + 1)
            q = text[s:s + n]
            if not all(HAN.match(c) for c in q):
                continue
            relevant = [b for b, t in articles if q in t]
            if len(relevant) > args.max_relevant:
                continue
            got.append((cls, q, aid, relevant))
        return got

    plain = draw(list(range(2, 9)), 'plain', args.known)
    two = draw([2], '2char', args.known)
    items += plain + two
    trad = to_traditional([q for _, q, _, _ in plain])
    if trad:
        for (cls, q, aid, rel), t in zip(plain, trad):
            if t != q:
                items.append(('traditional', t, aid, rel))
    write_known_items(os.path.join(args.out, 'known_items.tsv'), items)
    counts = {}
    for cls, *_ in items:
        counts[cls] = counts.get(cls, 0) + 1
    json.dump({'articles': len(articles), 'text_bytes': text_bytes,
               'known_items': counts,
               'traditional': 'opencc s2t' if trad else 'opencc missing'},
              sys.stdout, ensure_ascii=False)
    print()


if __name__ == '__main__':
    main()
