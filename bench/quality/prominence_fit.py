#!/usr/bin/env python3
"""Fits the strength of the prominence prior (docs/SEARCH.md, 头版头条).

Indexes corpus/samples, then runs every judged query of
bench/quality/prominence_judged.tsv with `baoku-search --sort prominence
--prior-strength S` for each strength S of a grid (0 is plain relevance),
and scores each ranking by the reciprocal rank of the wanted article (0 when
it is not in the top 10). The fitted strength is the one with the best mean
reciprocal rank (the smallest of equals). Held-out: leave-one-query-out,
each query ranked at the strength fitted on the others. Also counts, at the
fitted strength, how many of the top-10 positions change from plain
relevance, over the judged queries.

Usage: bench/quality/prominence_fit.py [BUILD_DIR]
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GRID = [0, 0.25, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12, 16, 24, 32]


def judged(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            query, wanted, lead = line.rstrip("\n").split("\t")
            rows.append((query, wanted, lead == "lead"))
    return rows


def ranking(search, db, query, strength):
    out = subprocess.run(
        [search, "--db", db, "--json", "--limit", "10", "--sort", "prominence",
         "--prior-strength", str(strength), query],
        check=True, capture_output=True, text=True).stdout
    return [h["id"] for h in json.loads(out)["hits"]]


def rr(ids, wanted):
    return 1.0 / (ids.index(wanted) + 1) if wanted in ids else 0.0


def best(scores):
    """The strength with the highest mean, the smallest of equals."""
    return max(GRID, key=lambda s: (round(sum(scores[s]) / len(scores[s]), 9), -s))


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
    index = os.path.join(build, "indexer", "baoku-index")
    search = os.path.join(build, "search", "baoku-search")
    rows = judged(os.path.join(ROOT, "bench", "quality", "prominence_judged.tsv"))
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "db")
        subprocess.run([index, "index", "--no-report", "--db", db,
                        os.path.join(ROOT, "corpus", "samples")],
                       check=True, capture_output=True)
        runs = {s: [ranking(search, db, q, s) for q, _, _ in rows] for s in GRID}
    scores = {s: [rr(ids, w) for ids, (_, w, _) in zip(runs[s], rows)] for s in GRID}
    informative = sum(1 for ids in runs[0] if len(ids) > 1)
    print(f"{len(rows)} judged queries ({sum(r[2] for r in rows)} want a lead), "
          f"{informative} with more than one hit")
    print("| strength | MRR | MRR, lead wanted | MRR, other wanted |")
    print("|---|---|---|---|")
    for s in GRID:
        lead = [x for x, r in zip(scores[s], rows) if r[2]]
        other = [x for x, r in zip(scores[s], rows) if not r[2]]
        print(f"| {s} | {sum(scores[s]) / len(rows):.3f} | "
              f"{sum(lead) / len(lead):.3f} | {sum(other) / len(other):.3f} |")
    fitted = best(scores)
    held_out = []
    for i in range(len(rows)):
        rest = {s: scores[s][:i] + scores[s][i + 1:] for s in GRID}
        held_out.append(scores[best(rest)][i])
    print(f"fitted strength: {fitted}")
    print(f"MRR: relevance {sum(scores[0]) / len(rows):.3f}, "
          f"prior at {fitted} {sum(scores[fitted]) / len(rows):.3f}, "
          f"leave-one-query-out {sum(held_out) / len(rows):.3f}")
    changed = total = 0
    for plain, prior in zip(runs[0], runs[fitted]):
        for i in range(max(len(plain), len(prior))):
            total += 1
            changed += (plain[i] if i < len(plain) else None) != (
                prior[i] if i < len(prior) else None)
    print(f"top-10 positions changed at {fitted}: {changed} of {total}")


if __name__ == "__main__":
    main()
