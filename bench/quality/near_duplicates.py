#!/usr/bin/env python3
"""Reprint detection quality (docs/QUALITY.md, Reprints).

Makes text pairs from the public Sina news corpus at run time (never copied
into the project), scores them with baoku-near-duplicates (the same
corpus/near_duplicate.h code the indexer uses) and fits the threshold and
band layout:

  positive pairs   an article and a copy of its body made by
                     abridged  keeping the first 50-90% of its paragraphs
                               (papers cut stories from the bottom),
                     edited    a new lead (本报讯 → 据新华社电), ~2% of the
                               characters replaced, an editor's note added,
                     both      abridged and edited;
                   and the corpus' own duplicate_of pairs (identical text).
  negative pairs   two different articles of the same category and the same
                   dateline (same day, same beat: the hardest unrelated
                   pairs the corpus offers).
  limit            heavy: the first 30% of the paragraphs only (a brief),
                   reported but not a fitting target.

Articles are split by id into a fitting half and a held-out half; the
threshold maximizing F1 on the fitting half is reported with its precision
and recall on the held-out half. For each band layout (rows per band) the
share of held-out positives above the threshold that share a band (and so
are found by the index) and the share of negatives that are candidates.

Usage: bench/quality/near_duplicates.py [BUILD_DIR] [--articles N]
"""
import argparse
import collections
import hashlib
import json
import os
import random
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "..", "shared", "corpora", "sina_news_2018", "articles.jsonl")
SIGNATURE_SIZE = 64


def held_out(article_id):
    return hashlib.sha1(article_id.encode()).digest()[0] % 2 == 1


def units(text):
    """Paragraphs, or sentences when the text has fewer than four paragraphs
    (many bodies in the corpus are one paragraph); cuts fall between them."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if len(paragraphs) >= 4:
        return paragraphs
    return [s for s in re.split(r"(?<=[。！？])", text) if s.strip()]


def abridge(paragraphs, rng, low, high):
    keep = max(1, round(len(paragraphs) * rng.uniform(low, high)))
    return paragraphs[:keep]


def edit(text, rng, pool):
    chars = list(text)
    for _ in range(max(1, len(chars) // 50)):
        chars[rng.randrange(len(chars))] = rng.choice(pool)
    edited = "".join(chars)
    for lead in ("新京报讯", "中新网", "新浪娱乐讯", "新浪科技讯", "本报讯"):
        if edited.startswith(lead):
            edited = "据新华社电" + edited[len(lead):]
            break
    return edited + "\n（编者按：本文有删节。）"


def make_pairs(articles, rng):
    pool = [c for a in articles[:200] for c in a["text"] if "\u4e00" <= c <= "\u9fff"]
    pairs = []
    for a in articles:
        paragraphs = units(a["text"])
        if len(paragraphs) < 4:
            continue
        half = held_out(a["id"])
        pairs.append((half, "abridged", a["text"],
                      "\n".join(abridge(paragraphs, rng, 0.5, 0.9))))
        pairs.append((half, "edited", a["text"], edit(a["text"], rng, pool)))
        pairs.append((half, "both", a["text"],
                      edit("\n".join(abridge(paragraphs, rng, 0.5, 0.9)), rng, pool)))
        pairs.append((half, "heavy", a["text"],
                      "\n".join(abridge(paragraphs, rng, 0.25, 0.35))))
    return pairs


def negative_pairs(articles, rng, count):
    by_beat = collections.defaultdict(list)
    for a in articles:
        if a.get("dateline_hint"):
            by_beat[(a["category"], a["dateline_hint"])].append(a)
    beats = [v for v in by_beat.values() if len(v) >= 2]
    pairs = []
    while len(pairs) < count and beats:
        group = rng.choice(beats)
        x, y = rng.sample(group, 2)
        if x["text"] == y["text"] or x.get("duplicate_of") == y["id"] or \
                y.get("duplicate_of") == x["id"]:
            continue
        # Both in the same half, so the halves share no article.
        if held_out(x["id"]) != held_out(y["id"]):
            continue
        pairs.append((held_out(x["id"]), "unrelated", x["text"], y["text"]))
    return pairs


def score(tool, pairs):
    payload = "".join(json.dumps({"kind": k, "a": a, "b": b}, ensure_ascii=False) + "\n"
                      for _, k, a, b in pairs)
    out = subprocess.run([tool], input=payload, capture_output=True, text=True, check=True)
    rows = []
    for (half, kind, _, _), line in zip(pairs, out.stdout.splitlines()):
        _, exact, est, bits = line.split("\t")
        rows.append((half, kind, float(exact), float(est), bits))
    return rows


def f1(rows, threshold):
    tp = sum(1 for r in rows if r[1] in POSITIVE and r[3] >= threshold)
    fp = sum(1 for r in rows if r[1] == "unrelated" and r[3] >= threshold)
    fn = sum(1 for r in rows if r[1] in POSITIVE and r[3] < threshold)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


POSITIVE = ("abridged", "edited", "both", "duplicate_of")


def candidate(bits, rows_per_band):
    return any(bits[b:b + rows_per_band] == "1" * rows_per_band
               for b in range(0, SIGNATURE_SIZE, rows_per_band))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build_dir", nargs="?", default=os.path.join(ROOT, "build"))
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=2018)
    args = parser.parse_args()
    tool = os.path.join(args.build_dir, "bench", "quality", "baoku-near-duplicates")
    if not os.path.exists(CORPUS):
        sys.exit(f"near_duplicates.py: {CORPUS} not found (see ../shared/corpora/SOURCES.md)")
    if not os.access(tool, os.X_OK):
        sys.exit(f"near_duplicates.py: {tool} not found; build it with "
                 "BAOKU_BUILD_TARGETS=baoku-near-duplicates scripts/build")
    with open(CORPUS, encoding="utf-8") as f:
        everything = [json.loads(line) for line in f]
    by_id = {a["id"]: a for a in everything}
    rng = random.Random(args.seed)
    articles = [a for a in everything if len(a["text"]) >= 300 and not a.get("duplicate_of")]
    rng.shuffle(articles)
    articles = articles[:args.articles]
    pairs = make_pairs(articles, rng)
    pairs += negative_pairs([a for a in everything if not a.get("duplicate_of")], rng,
                            args.articles)
    pairs += [(held_out(a["id"]), "duplicate_of", by_id[a["duplicate_of"]]["text"], a["text"])
              for a in everything if a.get("duplicate_of") in by_id]
    rows = [r for r in score(tool, pairs) if r[3] >= 0]  # -1: too short to sign.

    print(f"pairs scored: {len(rows)} (of {len(pairs)}; the rest too short for a signature)\n")
    print("| pairs | half | n | exact Jaccard p10 / p50 / p90 | MinHash p10 / p50 / p90 |")
    print("|---|---|---|---|---|")
    for kind in ("abridged", "edited", "both", "duplicate_of", "heavy", "unrelated"):
        for half, name in ((False, "fit"), (True, "held-out")):
            sel = [r for r in rows if r[1] == kind and r[0] == half]
            if not sel:
                continue
            ex = sorted(r[2] for r in sel)
            es = sorted(r[3] for r in sel)
            q = lambda v, p: v[min(len(v) - 1, int(p * len(v)))]
            print(f"| {kind} | {name} | {len(sel)} | {q(ex, .1):.2f} / {q(ex, .5):.2f} / "
                  f"{q(ex, .9):.2f} | {q(es, .1):.2f} / {q(es, .5):.2f} / {q(es, .9):.2f} |")

    fit = [r for r in rows if not r[0] and r[1] != "heavy"]
    test = [r for r in rows if r[0] and r[1] != "heavy"]
    candidates = [i / SIGNATURE_SIZE for i in range(1, SIGNATURE_SIZE + 1)]
    best = max(candidates, key=lambda t: (f1(fit, t)[0], -abs(t - 0.5)))
    fit_f1, fit_p, fit_r = f1(fit, best)
    test_f1, test_p, test_r = f1(test, best)
    print(f"\nthreshold fitted on the fitting half (max F1): {best:.4f}")
    print(f"fitting half: F1 {fit_f1:.4f}, precision {fit_p:.4f}, recall {fit_r:.4f}")
    print(f"held-out half: F1 {test_f1:.4f}, precision {test_p:.4f}, recall {test_r:.4f}")
    heavy = [r for r in rows if r[1] == "heavy" and r[0]]
    if heavy:
        print(f"held-out heavy abridgement (30% kept) grouped: "
              f"{sum(r[3] >= best for r in heavy) / len(heavy):.4f}")
    copies = [r for r in rows if r[1] == "unrelated" and r[2] >= 0.5]
    print(f"'unrelated' pairs with exact Jaccard >= 0.5 (unlabeled reprints in the corpus, "
          f"which lower the measured precision): {len(copies)} of "
          f"{sum(r[1] == 'unrelated' for r in rows)}")
    above = [r for r in test if r[1] in POSITIVE and r[3] >= best]
    negatives = [r for r in test if r[1] == "unrelated"]
    print("\n| rows per band | bands | held-out positives above threshold found as candidates |"
          " held-out negatives that are candidates |")
    print("|---|---|---|---|")
    for rpb in (1, 2, 4, 8, 16):
        found = sum(candidate(r[4], rpb) for r in above) / max(1, len(above))
        false = sum(candidate(r[4], rpb) for r in negatives) / max(1, len(negatives))
        print(f"| {rpb} | {SIGNATURE_SIZE // rpb} | {found:.4f} | {false:.4f} |")


if __name__ == "__main__":
    main()
