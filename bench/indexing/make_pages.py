#!/usr/bin/python3
"""Turns sina_news_2018 articles into baoku page files for the indexing benchmark.

Writes OUT/YYYY-MM-DD/NN.txt in the layout of corpus/samples (see
corpus/samples/README.md): about 5 articles per page, 8 pages per issue, one
issue a day from --start-date (2018-10-01). Each article is printed as

    headline
    <blank>
    本报记者 NAME
    <blank>
    paragraph
    <blank>
    ...

with three blank lines between articles; a page starts with two empty lines
and ends with its last line plus one empty line. NAME comes from a fixed list
of invented names, chosen by a CRC of the article id (deterministic, no
randomness). Each issue folder gets an issue.json naming an invented paper.

The corpus is third-party text for internal evaluation only: write the pages
to a temporary directory, never into the project.

Prints the number of issues, pages, articles and bytes (page files, and the
UTF-8 body text alone).
"""

import argparse
import datetime
import json
import os
import re
import sys
import zlib

DEFAULT_CORPUS = os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..',
                 'shared', 'corpora', 'sina_news_2018', 'articles.jsonl'))

# Invented names (2-3 characters), not taken from any real byline.
REPORTERS = [
    '林晓岚', '周柏言', '沈一禾', '陆明川', '许青萍', '顾远舟', '宋知微', '韩景行',
    '唐若溪', '方亦凡', '叶书桐', '程砚秋', '罗清波', '蒋念初', '邵启航', '钱雨桥',
    '苏望', '秦朗月', '温以宁', '纪南星', '柯时雨', '严修竹', '贺听澜', '孔维舟',
    '郁青', '岑立夏', '谢迟', '魏思齐', '常怀瑾', '潘予安',
]

PAPER = {'paper': '基准晨报', 'paper_code': 'bench'}
SECTIONS = ['要闻', '综合新闻', '体育', '科技', '教育', '文娱', '时尚', '健康']

# Paragraph separators in the corpus text: newlines and the ideographic
# double space that opens a paragraph in some scraped articles.
PARAGRAPH_SPLIT = re.compile(r'\n|\u3000\u3000')


def paragraphs(text):
    out = []
    for part in PARAGRAPH_SPLIT.split(text):
        part = part.strip()
        if part:
            out.append(part)
    return out


def headline(title):
    # A headline is one line; titles never hold newlines in this corpus, but
    # be safe.
    return ' '.join(title.split())


def render_article(record):
    name = REPORTERS[zlib.crc32(record['id'].encode('utf-8')) % len(REPORTERS)]
    paras = paragraphs(record['text'])
    lines = [headline(record['title']), '本报记者 ' + name] + paras
    body_bytes = sum(len(p.encode('utf-8')) for p in paras)
    return lines, body_bytes


def render_page(articles):
    """Page text: two empty lines, then every line followed by one blank
    line, and two extra blank lines (three in all) between articles."""
    parts = ['\n\n']
    for i, lines in enumerate(articles):
        if i > 0:
            parts.append('\n\n')  # Two more blank lines: three in all.
        for line in lines:
            parts.append(line + '\n\n')
    return ''.join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('out', help='output directory (created)')
    parser.add_argument('--corpus', default=DEFAULT_CORPUS,
                        help='articles.jsonl (default: %(default)s)')
    parser.add_argument('--articles', type=int, default=0,
                        help='use only the first N articles (default: all)')
    parser.add_argument('--skip', type=int, default=0,
                        help='start at the article with this 0-based index')
    parser.add_argument('--start-date', default='2018-10-01',
                        help='date of the first issue (default: %(default)s)')
    parser.add_argument('--per-page', type=int, default=5,
                        help='articles per page (default: %(default)s)')
    parser.add_argument('--pages-per-issue', type=int, default=8,
                        help='pages per issue (default: %(default)s)')
    args = parser.parse_args()
    if args.per_page < 1 or args.pages_per_issue < 1 or args.articles < 0:
        parser.error('counts must be positive')
    start = datetime.date.fromisoformat(args.start_date)

    records = []
    with open(args.corpus, encoding='utf-8') as f:
        for i, line in enumerate(f):
            if i < args.skip:
                continue
            if args.articles and len(records) >= args.articles:
                break
            records.append(json.loads(line))
    if not records:
        sys.exit('make_pages.py: no articles read from ' + args.corpus)

    os.makedirs(args.out, exist_ok=True)
    per_issue = args.per_page * args.pages_per_issue
    pages = issues = page_bytes = body_bytes = 0
    for issue_start in range(0, len(records), per_issue):
        day = start + datetime.timedelta(days=issues)
        folder = os.path.join(args.out, day.isoformat())
        os.makedirs(folder, exist_ok=True)
        issue = records[issue_start:issue_start + per_issue]
        page_count = (len(issue) + args.per_page - 1) // args.per_page
        manifest = dict(PAPER)
        manifest['date'] = day.isoformat()
        manifest['sections'] = {
            '%02d' % (p + 1): SECTIONS[p % len(SECTIONS)]
            for p in range(page_count)
        }
        with open(os.path.join(folder, 'issue.json'), 'w',
                  encoding='utf-8') as f:
            json.dump(manifest, f, ensure_ascii=False, indent=1)
            f.write('\n')
        for p in range(page_count):
            rendered = []
            for record in issue[p * args.per_page:(p + 1) * args.per_page]:
                lines, n = render_article(record)
                rendered.append(lines)
                body_bytes += n
            data = render_page(rendered).encode('utf-8')
            with open(os.path.join(folder, '%02d.txt' % (p + 1)), 'wb') as f:
                f.write(data)
            page_bytes += len(data)
            pages += 1
        issues += 1

    last = start + datetime.timedelta(days=issues - 1)
    print('make_pages.py: %d issues (%s .. %s), %d pages, %d articles, '
          '%d bytes of page files, %d bytes of body text' %
          (issues, start.isoformat(), last.isoformat(), pages, len(records),
           page_bytes, body_bytes))


if __name__ == '__main__':
    main()
