#!/usr/bin/env python3
"""Topic assignment measured on labelled public Chinese news, held out.

Runs baoku-topic-classify (the classifier the indexer uses: corpus/topics.json
and the fitted corpus/topic_weights.tsv) over
  - sina_news_2018/articles.jsonl: full articles, 6 Sina channel labels;
  - tnews/dev.json + test.json: Toutiao headlines only, 15 labels;
from ../shared/corpora (read at run time, never copied). By default only the
held-out 20% is scored: the articles whose FNV-1a 64 hash of
"<corpus>:<id>" is 0 mod 5, which baoku-topic-train (bench/quality/
topic_train.cc) never fits on; --all scores every article (80% of them were
fitted on). MAPPING is the trainer's kMappings (labels without a
counterpart, e.g. fashion, military, world news, are left out). Prints per
label and overall:
  hit rate (= recall): share of articles whose mapped topic was assigned;
  precision: of the evaluated topics (those the corpus's labels map to) the
      classifier assigned to these articles, the share that was the mapped
      one (topics outside the evaluated set, e.g. employment on an education
      story, are not counted);
  F1 of the two (= micro F1 over the evaluated topics); "none": share of
  articles that got no topic at all.

Usage: bench/quality/topics_public.py [--build build] [--limit N] [--all]
"""
import argparse
import collections
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPORA = os.path.join(ROOT, "..", "shared", "corpora")

# corpus label -> baoku topic id; the same as kMappings in topic_train.cc.
MAPPING = {
    "sina": {
        "sports": ["sports"],
        "tech": ["tech"],
        "education": ["education"],
        "health": ["health"],
        "entertainment": ["culture"],
    },
    "tnews": {
        "news_culture": ["culture"],
        "news_entertainment": ["culture"],
        "news_travel": ["culture"],
        "news_sports": ["sports"],
        "news_finance": ["economy"],
        "news_stock": ["finance"],
        "news_house": ["housing"],
        "news_car": ["transport"],
        "news_edu": ["education"],
        "news_tech": ["tech"],
        "news_agriculture": ["agriculture"],
    },
}


def held_out(key):
    """The trainer's split: FNV-1a 64 of the key, 0 mod 5."""
    h = 1469598103934665603
    for b in key.encode("utf-8"):
        h ^= b
        h = (h * 1099511628211) % (1 << 64)
    return h % 5 == 0


def load(corpus, limit, everything):
    items = []
    if corpus == "sina":
        with open(os.path.join(CORPORA, "sina_news_2018", "articles.jsonl"),
                  encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if r.get("duplicate_of") or r["category"] not in MAPPING["sina"]:
                    continue
                if everything or held_out("sina_news_2018:" + r["id"]):
                    items.append((r["id"], r["category"], r["title"], r["text"]))
    else:
        for name in ("dev.json", "test.json"):
            with open(os.path.join(CORPORA, "tnews", name), encoding="utf-8") as f:
                for i, line in enumerate(f):
                    r = json.loads(line)
                    if r["label_desc"] not in MAPPING["tnews"]:
                        continue
                    if everything or held_out(f"tnews:{name}:{i}"):
                        items.append((f"{name}:{i}", r["label_desc"], r["sentence"], ""))
    if limit:
        items = items[:limit]
    return items


def classify(tool, items):
    data = "".join(json.dumps({"id": i, "title": t, "text": x}, ensure_ascii=False) + "\n"
                   for i, _, t, x in items)
    out = subprocess.run([tool], input=data.encode("utf-8"), capture_output=True, check=True)
    return [json.loads(l)["topics"] for l in out.stdout.decode("utf-8").splitlines()]


def score(corpus, items, assigned):
    evaluated = {t for ts in MAPPING[corpus].values() for t in ts}
    rows = collections.OrderedDict()
    for (_, label, _, _), topics in zip(items, assigned):
        gold = set(MAPPING[corpus][label])
        got = [t for t in topics if t in evaluated]
        hit = 1 if gold & set(got) else 0
        fp = len([t for t in got if t not in gold])
        for key in (label, "overall"):
            r = rows.setdefault(key, [0, 0, 0, 0])  # n, hits, false pos, none
            r[0] += 1
            r[1] += hit
            r[2] += fp
            r[3] += 0 if topics else 1
    rows.move_to_end("overall")
    print(f"| {corpus} label | baoku topic | articles | hit rate (R) | P | F1 | no topic |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for label, (n, hits, fp, none) in rows.items():
        p = hits / (hits + fp) if hits + fp else 0
        r = hits / n
        f1 = 2 * p * r / (p + r) if p + r else 0
        topic = "/".join(MAPPING[corpus].get(label, ["(all)"]))
        print(f"| {label} | {topic} | {n} | {r:.3f} | {p:.3f} | {f1:.3f} | {none / n:.3f} |")
    print()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--limit", type=int, default=0, help="first N articles per corpus")
    ap.add_argument("--all", action="store_true",
                    help="every article, not only the held-out 20%%")
    args = ap.parse_args()
    tool = os.path.join(args.build, "bench", "quality", "baoku-topic-classify")
    if not os.path.exists(tool):
        sys.exit(f"{tool} not built (cmake --build {args.build} --target baoku-topic-classify)")
    if not os.path.isdir(CORPORA):
        sys.exit(f"{CORPORA} not found")
    for corpus in ("sina", "tnews"):
        items = load(corpus, args.limit, args.all)
        score(corpus, items, classify(tool, items))


if __name__ == "__main__":
    main()
