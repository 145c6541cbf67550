#!/usr/bin/python3
"""The page reader on pages it has never seen, made from real news text.

    bench/quality/reader_pages.py [--build build] [--stories 400]
                                  [--pages 30] [--seed 15] [--out DIR]
                                  [--keep] [--misses]

Reads ../shared/corpora/sina_news_2018/articles.jsonl at run time (never
copied into the project), takes --stories articles (deterministic choice),
cuts each text into paragraphs of 1-3 sentences, and renders --pages pages in
each of the four layouts of corpus/gold/render.py (blank, indented, packed,
export) with their gold, into a temporary folder. Headlines are kept as the
source printed them; bylines are the renderer's invented ones (about a third
of the stories get none). Then it prints, as markdown:

1. the reader with its shipped model (fitted on corpus/samples and
   corpus/gold only, so none of these pages was seen): per layout
   boundary F1, reporter F1, title block exact (baoku-reader-quality);
2. leave one layout out on these pages: the model refitted on the other
   layouts' rendered pages, scored on the held-out one
   (baoku-reader-quality --leave-one-layout-out);
3. known-item search: every page is indexed with baoku-index; for each news
   article a phrase of 6 Han characters from one of its paragraphs, held
   by no other story, is searched with baoku-search as a quoted phrase.
   Recall@10 with the headline required counts a hit only when a top-10 result is that
   story with its own headline (a split that gave the story the wrong
   headline, or merged it into another, is a miss); recall@10 with the
   headline ignored counts any result on the story's page holding it.
"""

import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rendered_pages  # noqa: E402
from rendered_pages import CORPUS, render  # noqa: E402,F401


def read_stories(n, seed):
    rows = []
    with open(CORPUS, encoding='utf-8') as f:
        for line in f:
            a = json.loads(line)
            if a.get('duplicate_of') or not a.get('title'):
                continue
            title = a['title'].strip()
            text = re.sub(r'\s+', '', a['text'])
            if len(title) > 40 or len(text) < 200:
                continue
            rows.append((title, text))
    rng = random.Random(seed)
    rng.shuffle(rows)
    stories = []
    for title, text in rows[:n]:
        sentences = [s for s in re.split(r'(?<=[。！？])', text) if s]
        paras, i = [], 0
        while i < len(sentences) and len(paras) < 6:
            k = rng.choice([1, 2, 2, 3])
            paras.append(''.join(sentences[i:i + k]))
            i += k
        # The reader needs finished paragraphs: drop a tail cut mid-sentence.
        paras = [p for p in paras if p[-1] in '。！？”']
        if paras:
            stories.append(dict(headline=title, paras=paras))
    return stories


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True,
                          **kw).stdout


def phrase_of(article, rng):
    # Within one paragraph: a phrase spanning two paragraphs is not a
    # contiguous text of the article, and no engine should find it.
    paras = [p for p in article['body'] if len(p) >= 12]
    if not paras:
        return None
    for _ in range(20):
        text = rng.choice(paras)
        start = rng.randrange(0, len(text) - 6)
        phrase = text[start:start + 6]
        # Han characters only: a cut through a Latin word or a number is
        # not a phrase anyone searches, and it measures the tokenizer.
        if all('\u4e00' <= c <= '\u9fff' for c in phrase):
            return phrase
    return None


def known_items(pages_dir, db, search, rng):
    golds = []
    for dirpath, _, files in os.walk(pages_dir):
        for name in sorted(files):
            if name.endswith('.gold.json'):
                golds.append(os.path.join(dirpath, name))
    golds.sort()
    items = []
    for g in golds:
        day = os.path.basename(os.path.dirname(g))
        page = int(os.path.basename(g)[:2])
        for a in json.load(open(g, encoding='utf-8'))['articles']:
            if a['kind'] != 'news' or not a['headline']:
                continue
            p = phrase_of(a, rng)
            if p:
                items.append((p, a['headline'], day.replace('-', ''), page))
    # Only phrases that no other story holds: a known item has one answer.
    counts = {}
    for p, headline, _, _ in items:
        counts.setdefault(p, set()).add(headline)
    items = [i for i in items if len(counts[i[0]]) == 1]
    with_headline = ignoring_headline = 0
    for phrase, headline, day, page in items:
        out = run([search, '--db', db, '--json', '--limit', '10',
                   '"%s"' % phrase])
        results = json.loads(out).get('hits', [])
        same_page = [r for r in results
                     if r.get('id', '').split('-')[1:3] ==
                     [day, '%02d' % page]]
        if any(r.get('headline') == headline for r in same_page):
            with_headline += 1
        if same_page:
            ignoring_headline += 1
    n = len(items)
    return n, with_headline / n if n else 0, ignoring_headline / n if n else 0


def article_starts(pages_dir, layout, index):
    """Where the reader's articles start and the gold's do not (false
    starts), and the reverse (missed starts), each with the printed line,
    its neighbours and the model's decision on it, for --misses."""
    rows = []
    folder = os.path.join(pages_dir, layout)
    for dirpath, _, files in sorted(os.walk(folder)):
        for name in sorted(files):
            if not name.endswith('.txt'):
                continue
            page = os.path.join(dirpath, name)
            gold = json.load(open(page[:-4] + '.gold.json',
                                  encoding='utf-8'))['articles']
            read = json.loads(run([index, 'explain', page]))
            decisions = {d['line']: d for d in read['decisions']}
            lines = open(page, encoding='utf-8').read().split('\n')
            gold_starts = {a['first_line'] for a in gold}
            read_starts = {a['first_line'] for a in read['articles']}
            for what, starts, other in (('missed', gold_starts, read_starts),
                                        ('false', read_starts, gold_starts)):
                for n in sorted(starts - other):
                    d = decisions.get(n)
                    rows.append((what, os.path.relpath(page, pages_dir), n,
                                 neighbour(lines, n, -1), lines[n - 1].strip(),
                                 neighbour(lines, n, 1),
                                 '%s %.2f' % (d['label'], d['score'])
                                 if d else ''))
    return rows


def neighbour(lines, n, step):
    k = n - 1 + step
    while 0 <= k < len(lines) and not lines[k].strip():
        k += step
    return lines[k].strip() if 0 <= k < len(lines) else ''


def print_misses(pages, index):
    print('\n### Article starts missed and false (--misses)\n')
    print('| layout | start | page:line | line before | line | line after | '
          'decision |')
    print('|---|---|---|---|---|---|---|')
    for layout in render.LAYOUTS:
        for what, page, n, before, line, after, decision in article_starts(
                pages, layout, index):
            print('| %s | %s | %s:%d | …%s | %s | %s… | %s |' % (
                layout, what, page, n, before[-16:], line, after[:16],
                decision))


def main():
    ap = rendered_pages.argument_parser(__doc__)
    ap.add_argument('--keep', action='store_true')
    ap.add_argument('--misses', action='store_true',
                    help='list every missed and false article start')
    args = ap.parse_args()
    rendered_pages.require_corpus('reader_pages.py')
    quality = os.path.join(args.build, 'tests', 'baoku-reader-quality')
    index = os.path.join(args.build, 'indexer', 'baoku-index')
    search = os.path.join(args.build, 'search', 'baoku-search')
    rendered_pages.require_tools(
        'reader_pages.py', (quality, index, search),
        'baoku-reader-quality baoku-index baoku-search')
    out = args.out or tempfile.mkdtemp(prefix='baoku-reader-pages-')
    pages = os.path.join(out, 'pages')
    shutil.rmtree(pages, ignore_errors=True)
    stories = read_stories(args.stories, args.seed)
    rendered_pages.render_pages(pages, stories, args.pages, 'reader_pages.py')
    print('## Reader on pages rendered from sina_news_2018 (%d stories, %d '
          'pages per layout)\n' % (len(stories), args.pages))
    print('### Shipped model (fitted on corpus/samples + corpus/gold)\n')
    print('| layout | pages | articles | boundary F1 | reporter F1 | '
          'title block exact | body chars |')
    print('|---|---:|---:|---:|---:|---:|---:|')
    for layout in render.LAYOUTS:
        table = run([quality, os.path.join(pages, layout)])
        v = dict(re.findall(r'\| ([A-Za-z0-9 ]+) \| ([0-9.]+) \|', table))
        print('| %s | %s | %s | %s | %s | %s | %s |' % (
            layout, v['pages'], v['gold articles'], v['boundary F1'],
            v['reporter F1'], v['title block exact'],
            v['body character accuracy']))
    if args.misses:
        print_misses(pages, index)
    print('\n### Leave one layout out on these pages\n')
    print(run([quality, '--leave-one-layout-out', pages]))
    db = os.path.join(out, 'db')
    shutil.rmtree(db, ignore_errors=True)
    run([index, '--db', db, '-q', pages])
    n, with_headline, ignoring = known_items(pages, db, search,
                                             random.Random(args.seed))
    print('### Known-item search (%d phrases of 6 characters)\n' % n)
    print('| recall@10, headline required | recall@10, headline ignored |')
    print('|---:|---:|')
    print('| %.4f | %.4f |' % (with_headline, ignoring))
    if not args.keep and not args.out:
        shutil.rmtree(out)


if __name__ == '__main__':
    main()
