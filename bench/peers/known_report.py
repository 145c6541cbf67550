#!/usr/bin/python3
"""Known-item figures: recall@10, MRR and latency per engine and class.

    known_report.py [--truth ARCHIVE/articles.jsonl] KNOWN ENGINE=RANKS ...

KNOWN is known_items.tsv; each RANKS file has "qid rank ms error" lines
(baoku-bench-search --ranks, peers.py rank). Prints a markdown table: one
row per engine and class (plain, column_break, traditional, and all).
recall@10 is the share of queries with a relevant article in the top 10,
MRR the mean of 1/rank (0 when none is in the top 10); errors count queries
the engine rejected (they count as misses). Latency is over every query
that ran without error.

With --truth, a ranks file that lists its hits (baoku-bench-search does) is
judged again: a hit is also relevant when its date, page and headline are
those of a relevant article (the page reader may number the articles of a
page differently from the generator when it splits the page differently;
untitled photos are judged by id only). The table then has one more row per
class, "ENGINE by id", with the strict id-only figures.
"""

import json
import sys


def percentile(values, p):
    if not values:
        return float('nan')
    v = sorted(values)
    i = max(0, min(len(v) - 1, -(-len(v) * p // 100) - 1))
    return v[int(i)]


def load_truth(path):
    """id → (date, page, headline) of every generated article."""
    truth = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            a = json.loads(line)
            truth[a['id']] = (a['date'], str(a['page']), a['headline'])
    return truth


def rejudge(hits, relevant, truth):
    """1-based rank of the first hit matching a relevant article, or 0."""
    keys = {truth[r] for r in relevant if r in truth and truth[r][2]}
    for i, hit in enumerate(hits.split('\x1e') if hits else []):
        hid, date, page, headline = hit.split('\x1f')
        if hid in relevant or (headline and (date, page, headline) in keys):
            return i + 1
    return 0


def read_ranks(path, relevant, truth):
    """{qid: (rank, ms, error)}, and whether the file lists its hits."""
    rows, has_hits = {}, False
    with open(path, encoding='utf-8') as f:
        next(f)
        for line in f:
            fields = line.rstrip('\n').split('\t')
            qid, rank, ms, error = fields[:4]
            rank = int(rank)
            if truth is not None and len(fields) > 4:
                has_hits = True
                rank = rejudge(fields[4], relevant[qid], truth)
            rows[qid] = (rank, float(ms), error)
    return rows, has_hits


def main():
    args = sys.argv[1:]
    truth = None
    if args[:1] == ['--truth'] and len(args) > 1:
        truth = load_truth(args[1])
        args = args[2:]
    if len(args) < 2:
        sys.exit(__doc__)
    classes, relevant, unique = {}, {}, set()
    with open(args[0], encoding='utf-8') as f:
        next(f)
        for line in f:
            fields = line.rstrip('\n').split('\t')
            classes[fields[0]] = fields[1]
            relevant[fields[0]] = set(fields[5].split(','))
            # A column-break phrase that also occurs unbroken in another
            # relevant article can be found without the repair; the
            # "column_break, only in one article" row leaves those out.
            if fields[1] == 'column_break' and len(relevant[fields[0]]) == 1:
                unique.add(fields[0])
    order = ['plain', '2char', 'column_break', 'traditional']
    print('| engine | queries | n | recall@10 | MRR | p50 ms | p99 ms | '
          'errors |')
    print('|---|---|---|---|---|---|---|---|')
    for arg in args[1:]:
        engine, path = arg.split('=', 1)
        rows, has_hits = read_ranks(path, relevant, truth)
        print_rows(engine, rows, classes, order, unique)
        if has_hits:
            strict, _ = read_ranks(path, relevant, None)
            print_rows(engine + ' by id', strict, classes, order, unique)


def print_rows(engine, rows, classes, order, unique):
    only = 'column_break, only in one article'
    for cls in order[:2] + [only] + order[2:] + ['all']:
        sel = [r for q, r in rows.items() if cls == 'all' or
               classes.get(q) == cls or (cls == only and q in unique)]
        if not sel:
            continue
        found = sum(1 for r in sel if 0 < r[0] <= 10)
        mrr = sum(1.0 / r[0] for r in sel if r[0] > 0) / len(sel)
        ms = [r[1] for r in sel if r[2] == '-']
        errors = sum(1 for r in sel if r[2] != '-')
        print('| %s | %s | %d | %.3f | %.3f | %.2f | %.2f | %d |' %
              (engine, cls, len(sel), found / len(sel), mrr,
               percentile(ms, 50), percentile(ms, 99), errors))


if __name__ == '__main__':
    main()
