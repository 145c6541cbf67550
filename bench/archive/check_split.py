#!/usr/bin/python3
"""How many generated articles baoku's page reader splits back exactly.

    baoku-index --explain ARCHIVE/pages | check_split.py ARCHIVE [--show N]

Reads the --explain JSON documents on stdin and compares each article with
ARCHIVE/articles.jsonl by id: same headline and same repaired text. Prints
"split found F generated G exact E" and, with --show, the first N misses.
The benchmark reports this figure because known-item ranks are judged by
article id.
"""

import argparse
import json
import os
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('archive')
    parser.add_argument('--show', type=int, default=0)
    args = parser.parse_args()
    truth = {}
    with open(os.path.join(args.archive, 'articles.jsonl'),
              encoding='utf-8') as f:
        for line in f:
            a = json.loads(line)
            truth[a['id']] = a
    text = sys.stdin.read()
    decoder, pos, found = json.JSONDecoder(), 0, []
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            break
        doc, pos = decoder.raw_decode(text, pos)
        found.extend(doc.get('articles', []))
    exact, misses = 0, []
    for a in found:
        g = truth.get(a['id'])
        if (g and g['headline'] == a['headline'] and
                '\n'.join(a['paragraphs']) == g['text']):
            exact += 1
        else:
            misses.append((a, g))
    print('%d of %d articles found by the reader are exact' %
          (exact, len(found)))
    for a, g in misses[:args.show]:
        print('--- %s reader: %r | %r' %
              (a['id'], a['headline'][:40], a['paragraphs'][:1]))
        print('    generated: %r | %r' %
              ((g or {}).get('headline', '')[:40],
               (g or {}).get('text', '')[:60]))


if __name__ == '__main__':
    main()
