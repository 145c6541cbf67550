#!/usr/bin/python3
"""Known-item figures: recall@10, MRR and latency per engine and class.

    known_report.py KNOWN ENGINE=RANKS [ENGINE=RANKS ...]

KNOWN is known_items.tsv; each RANKS file has "qid rank ms error" lines
(baoku-bench-search --ranks, peers.py rank). Prints a markdown table: one
row per engine and class (plain, column_break, traditional, and all).
recall@10 is the share of queries with a relevant article in the top 10,
MRR the mean of 1/rank (0 when none is in the top 10); errors count queries
the engine rejected (they count as misses). Latency is over every query
that ran without error.
"""

import sys


def percentile(values, p):
    if not values:
        return float('nan')
    v = sorted(values)
    i = max(0, min(len(v) - 1, -(-len(v) * p // 100) - 1))
    return v[int(i)]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    classes = {}
    with open(sys.argv[1], encoding='utf-8') as f:
        next(f)
        for line in f:
            qid, cls = line.split('\t')[:2]
            classes[qid] = cls
    order = ['plain', 'column_break', 'traditional']
    print('| engine | queries | n | recall@10 | MRR | p50 ms | p99 ms | '
          'errors |')
    print('|---|---|---|---|---|---|---|---|')
    for arg in sys.argv[2:]:
        engine, path = arg.split('=', 1)
        rows = {}
        with open(path, encoding='utf-8') as f:
            next(f)
            for line in f:
                qid, rank, ms, error = line.rstrip('\n').split('\t')
                rows[qid] = (int(rank), float(ms), error)
        for cls in order + ['all']:
            sel = [r for q, r in rows.items() if cls == 'all' or
                   classes.get(q) == cls]
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
