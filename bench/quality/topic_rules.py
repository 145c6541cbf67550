#!/usr/bin/env python3
"""Compares rules for assigning second topics on the probabilities that
`baoku-topic-train --dump FILE` wrote, without fitting the model again.

Every rule's parameters are fitted on the fold's calibration rows ("cal":
articles held back from the first fit) and scored on the fold's test rows
(the samples of that cross-validation fold), as the trainer does; the
"bound" line instead picks the rule's parameters on the test rows
themselves: it is no quality figure, only how far any such rule could go
with these probabilities.

Usage: bench/quality/topic_rules.py DUMP
"""
import collections
import sys

GRID = [s * 0.05 for s in range(1, 20)]
SAMPLE_WEIGHT = 8  # As in the trainer: an archive article counts 8 times.
ARCHIVE = ("samples", "gold")  # The samples and corpus/topic_gold.ndjson.


def read(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 7:
                sys.exit(f"{path}:{n}: expected 7 tab-separated fields")
            kind, fold, source, _, known, labels, probs = parts
            p = [float(x) for x in probs.split()]
            rows.append({
                "kind": kind, "fold": fold, "source": source,
                "known": [c == "1" for c in known],
                "labels": {int(x) for x in labels.split(",") if x},
                "p": p, "order": sorted(range(len(p)), key=lambda t: -p[t]),
            })
    return rows


def assign(row, thresholds, ratio=0.0, max_topics=3):
    """The best topic, then others at P >= their threshold and >= ratio × P
    of the best, at most max_topics."""
    p, order = row["p"], row["order"]
    out = [order[0]]
    for t in order[1:max_topics]:
        if p[t] < thresholds[t] or p[t] < ratio * p[order[0]]:
            break
        out.append(t)
    return out


def weighted_f1(rows, thresholds, ratio=0.0, max_topics=3, topics=None):
    tp = assigned = gold = 0
    for r in rows:
        w = SAMPLE_WEIGHT if r["source"] in ARCHIVE else 1
        got = assign(r, thresholds, ratio, max_topics)
        for t in topics if topics is not None else range(len(r["p"])):
            if not r["known"][t]:
                continue
            has, want = t in got, t in r["labels"]
            assigned += has * w
            gold += want * w
            tp += (has and want) * w
    return 2 * tp / (assigned + gold) if tp else 0


def trainer_thresholds(cal):
    """The trainer's calibration: one threshold for all topics, then per
    topic with at least 5 gold articles."""
    n = len(cal[0]["p"])

    def best(topics, thresholds):
        chosen, score = 0.5, -1
        for v in GRID:
            trial = list(thresholds)
            for t in topics:
                trial[t] = v
            s = weighted_f1(cal, trial, topics=topics)
            if s > score + 1e-9:
                chosen, score = v, s
        return chosen

    thresholds = [best(range(n), [0.5] * n)] * n
    for t in range(n):
        if sum(t in r["labels"] for r in cal) >= 5:
            thresholds[t] = best([t], thresholds)
    return thresholds


def rule_trainer(cal):
    return trainer_thresholds(cal), 0.0, 3


def rule_ratio(cal):
    """Trainer thresholds, plus a ratio to the best topic fitted on the
    calibration rows of the samples (public labels are single)."""
    thresholds = trainer_thresholds(cal)
    samples = [r for r in cal if r["source"] in ARCHIVE]
    ratio = max([0.0] + [x * 0.05 for x in range(1, 20)],
                key=lambda q: (weighted_f1(samples, thresholds, q), -q))
    return thresholds, ratio, 3


def rule_two(cal):
    return trainer_thresholds(cal), 0.0, 2


def rule_count_ratio(cal):
    """Trainer thresholds, then the most topics (2 or 3) and the ratio to
    the best fitted together on the calibration rows of the archive, as
    baoku-topic-train fits the "rule" line of the weights file."""
    thresholds = trainer_thresholds(cal)
    archive = [r for r in cal if r["source"] in ARCHIVE]
    ratio, count = max(((q, m) for m in (3, 2)
                        for q in [0.0] + [x * 0.05 for x in range(1, 20)]),
                       key=lambda rule: (weighted_f1(archive, thresholds,
                                                     rule[0], rule[1]),
                                         rule[1], -rule[0]))
    return thresholds, ratio, count


def score(pairs):
    per = collections.defaultdict(lambda: [0, 0, 0])  # correct, assigned, gold
    for r, (thresholds, ratio, max_topics) in pairs:
        got = set(assign(r, thresholds, ratio, max_topics))
        for t in got:
            per[t][0] += t in r["labels"]
            per[t][1] += 1
        for t in r["labels"]:
            per[t][2] += 1
    c = sum(v[0] for v in per.values())
    a = sum(v[1] for v in per.values())
    g = sum(v[2] for v in per.values())
    macro = sum(2 * v[0] / (v[1] + v[2]) for v in per.values()) / len(per)
    return f"P {c / a:.3f} R {c / g:.3f} micro F1 {2 * c / (a + g):.3f} " \
           f"macro F1 {macro:.3f}"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    rows = read(sys.argv[1])
    folds = sorted({r["fold"] for r in rows if r["fold"] != "final"})
    tests = [r for r in rows if r["kind"] == "test" and r["fold"] in folds]
    print(f"{len(tests)} sample articles in {len(folds)} folds")
    for name, rule in [("best topic only", lambda cal: ([2.0] * len(
            cal[0]["p"]), 0.0, 1)),
                       ("trainer's thresholds", rule_trainer),
                       ("+ ratio to the best, fitted", rule_ratio),
                       ("at most 2 topics", rule_two),
                       ("+ count and ratio, fitted", rule_count_ratio)]:
        pairs = []
        for k in folds:
            cal = [r for r in rows if r["kind"] == "cal" and r["fold"] == k]
            fitted = rule(cal)
            pairs += [(r, fitted) for r in tests if r["fold"] == k]
        print(f"{name}: {score(pairs)}")
    n = len(tests[0]["p"])
    bound = max(((v, q, m) for v in GRID for q in [0.0] +
                 [x * 0.1 for x in range(1, 10)] for m in (2, 3)),
                key=lambda rule: weighted_f1(tests, [rule[0]] * n, rule[1],
                                             rule[2]))
    print(f"bound (one threshold {bound[0]:.2f}, ratio {bound[1]:.1f}, at "
          f"most {bound[2]}, picked on the test rows): "
          f"{score([(r, ([bound[0]] * n, bound[1], bound[2])) for r in tests])}")


if __name__ == "__main__":
    main()
