#!/usr/bin/python3
"""Scores jieba (Debian's python3-jieba), the peer of baoku's segmentation,
against a SIGHAN 2005 gold file, the same way baoku-segmentation-f1 scores
TextAnalyzer::Segment: each gold line is segmented with its spaces removed; a
predicted word is correct when its character span equals a gold word's span;
word precision, recall, F1 and recall of out-of-vocabulary gold words.

Systems: jieba default mode (jieba.tokenize, HMM on) with its own dictionary,
and the same with the training word list loaded by jieba.load_userdict.
Speed is characters per CPU second of jieba.tokenize in this run (thread
CPU time, best of --repeat passes, dictionaries loaded before timing).

Run it with /usr/bin/python3 (Debian's python, where python3-jieba lives):
  /usr/bin/python3 bench/quality/jieba_f1.py --gold pku_test_gold.utf8 \\
      --words pku_training_words.utf8 --name PKU [--tsv]
"""

import argparse
import logging
import sys
import time

try:
    import jieba
except ImportError:
    sys.exit("jieba not found: apt-get install python3-jieba "
             "(and run this with /usr/bin/python3)")


def read_text(path):
    with open(path, encoding="utf-8-sig") as f:
        return f.read()


def parse_gold(data):
    """Lines as (text without spaces, set of (begin, end) word spans)."""
    out = []
    for line in data.splitlines():
        words = line.split()  # Any white space, including U+3000.
        if not words:
            continue
        spans, pos = [], 0
        for w in words:
            spans.append((pos, pos + len(w)))
            pos += len(w)
        out.append(("".join(words), spans))
    return out


def segment_all(tokenizer, gold):
    return [[(b, e) for _, b, e in tokenizer.tokenize(text, HMM=True)]
            for text, _ in gold]


def evaluate(system, tokenizer, gold, vocabulary, repeat):
    best = None
    for _ in range(repeat):
        start = time.thread_time()
        predicted = segment_all(tokenizer, gold)
        took = time.thread_time() - start
        best = took if best is None else min(best, took)
    s = dict(system=system, gold=0, predicted=0, correct=0, oov_gold=0,
             oov_correct=0, chars=0, seconds=best)
    for (text, spans), pred in zip(gold, predicted):
        s["chars"] += len(text)
        s["gold"] += len(spans)
        s["predicted"] += len(pred)
        pred_set = set(pred)
        for b, e in spans:
            found = (b, e) in pred_set
            s["correct"] += found
            if vocabulary is not None and text[b:e] not in vocabulary:
                s["oov_gold"] += 1
                s["oov_correct"] += found
    p = s["correct"] / s["predicted"] if s["predicted"] else 0.0
    r = s["correct"] / s["gold"] if s["gold"] else 0.0
    s["p"], s["r"] = p, r
    s["f1"] = 2 * p * r / (p + r) if p + r else 0.0
    s["r_oov"] = s["oov_correct"] / s["oov_gold"] if s["oov_gold"] else 0.0
    s["speed"] = s["chars"] / best if best else 0.0
    return s


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", required=True, help="gold segmentation")
    parser.add_argument("--words", help="training word list (one per line)")
    parser.add_argument("--name", help="corpus name for the output")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tsv", action="store_true",
                        help="tab-separated output, one line per system")
    args = parser.parse_args()
    jieba.setLogLevel(logging.WARNING)
    name = args.name or args.gold.rsplit("/", 1)[-1].split(".")[0]
    gold = parse_gold(read_text(args.gold))

    vocabulary = None
    if args.words:
        vocabulary = {w.strip() for w in read_text(args.words).splitlines()
                      if w.strip()}

    scores = []
    plain = jieba.Tokenizer()
    plain.initialize()
    scores.append(evaluate("jieba", plain, gold, vocabulary, args.repeat))
    if args.words:
        with_words = jieba.Tokenizer()
        with_words.initialize()
        with_words.load_userdict(args.words)
        scores.append(evaluate("jieba + training words", with_words, gold,
                               vocabulary, args.repeat))

    if args.tsv:
        # As baoku-segmentation-f1 --tsv: corpus, system, P, R, F1, R(OOV),
        # chars/s, gold words, predicted, correct, lexicon words, characters.
        for s in scores:
            print("\t".join([
                name, s["system"], "%.4f" % s["p"], "%.4f" % s["r"],
                "%.4f" % s["f1"], "%.4f" % s["r_oov"], "%.0f" % s["speed"],
                str(s["gold"]), str(s["predicted"]), str(s["correct"]),
                str(len(vocabulary) if s["system"] != "jieba" else 0),
                str(s["chars"])]))
        return
    print("| %s | P | R | F1 |%s chars/s |" %
          (name, " R(OOV) |" if vocabulary is not None else ""))
    print("|---|---:|---:|---:|%s---:|" % ("---:|" if vocabulary else ""))
    for s in scores:
        oov = " %.1f |" % (100 * s["r_oov"]) if vocabulary is not None else ""
        print("| %s | %.1f | %.1f | %.1f |%s %.0f |" %
              (s["system"], 100 * s["p"], 100 * s["r"], 100 * s["f1"], oov,
               s["speed"]))


if __name__ == "__main__":
    main()
