#!/usr/bin/python3
"""Generates a deterministic benchmark archive of a fictional city daily.

    bench/archive/make_archive.py OUT [--articles 200000] [--seed 8]

Writes, under OUT:

  pages/YYYY-MM-DD/NN.txt   the e-paper pages, in the layout of corpus/samples
  pages/YYYY-MM-DD/issue.json
  new_issue/YYYY-MM-DD/...  one more issue, the day after the last (re-index)
  articles.jsonl            ground truth, one article a line: id, date, page,
                            ordinal, headline, reporters, photographers,
                            printed (the article's lines as on the page, column
                            breaks included) and text (breaks repaired)
  known_items.tsv           qid, class, chars, query, target id, relevant ids
                            (every article whose headline or text holds the
                            query; at most --max-relevant of them)
  queries.tsv               the search query mix (bench/search/query_mix.tsv
                            with its placeholders filled from this archive)
  summary.json              counts and sizes

Sentences and headlines are real news text read at run time from
../shared/corpora/sina_news_2018 (never copied into the project); without it,
the project's own corpus/samples pages are the source. Sentences are drawn
with a Zipf-like preference for some of them (news repeats its stock
phrases), and the digits in each copy are redrawn, so term statistics look
like news while most 4+ character passages stay rare. Reporters are invented
names, used with Zipf-like frequencies. Everything follows from --seed: the
same arguments give the same bytes.

Each issue has --pages pages of 5-9 articles (7 on average). An article is a
headline (sometimes a kicker above it), a byline (本报记者 X / 本报记者 X Y /
本报讯(记者X) / 本报讯(记者 X 通讯员 Y)), 2-7 paragraphs; about 15% have
one paragraph cut by a column break mid-word; some are photos (caption +
本报记者 X 摄).

Known items: --known phrases of 2-8 characters, each from one article, kept
only when at most --max-relevant articles hold them: 'plain' phrases,
'column_break' phrases that straddle a column break (joined only in the
repaired text; kept only when no other article holds them), and 'traditional' (a plain phrase converted by OpenCC s2t,
when the opencc command is installed; otherwise none, reported).
"""

import argparse
import bisect
import datetime
import json
import os
import random
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
DEFAULT_CORPUS = os.path.normpath(
    os.path.join(os.environ.get('BAOKU_SHARED_DIR',
                                os.path.join(ROOT, '..', 'shared')),
                 'corpora', 'sina_news_2018', 'articles.jsonl'))
DEFAULT_MIX = os.path.join(ROOT, 'bench', 'search', 'query_mix.tsv')

PAPER = {'paper': '江岸日报', 'paper_code': 'jarb'}
SECTIONS = ['要闻', '经济', '城市', '社会', '文体', '区县', '民生', '周刊']
# Invented reporter names (surname + given name), none from a real byline.
SURNAMES = '林周沈陆许顾宋韩唐方叶程罗蒋邵钱苏秦温纪柯严贺孔郁岑谢魏常潘'
GIVEN = ['晓岚', '柏言', '一禾', '明川', '青萍', '远舟', '知微', '景行', '若溪',
         '亦凡', '书桐', '砚秋', '清波', '念初', '启航', '雨桥', '望', '朗月',
         '以宁', '南星', '时雨', '修竹', '听澜', '维舟', '青', '立夏', '迟',
         '思齐', '怀瑾', '予安']
KICKERS = ['一线调研', '民生关注', '走基层', '聚焦两会', '城市更新进行时',
           '乡村振兴看江岸', '记者观察', '新春走基层']
SENTENCE_END = re.compile(r'(?<=[。！？!?])')
CJK = re.compile(r'[\u4e00-\u9fff]')
DIGITS = re.compile(r'[0-9]+')
HTML_NOISE = re.compile(r'[\[\]【】<>{}|#\\]')
NOT_BODY = re.compile(r'讯|记者\s|（记者|\(记者|编辑|来源|\s')
HEADLINE_END = '。！？!?，,；;：:…”"）)'


def reporters_pool(rng, n):
    names = set()
    while len(names) < n:
        names.add(rng.choice(SURNAMES) + rng.choice(GIVEN))
    return sorted(names)


def zipf_index(rng, n, s=1.05):
    """An index in [0, n) with P(i) ~ 1/(i+1)^s (inverse CDF on a table)."""
    return bisect.bisect_left(_zipf_table(n, s), rng.random())


_ZIPF = {}


def _zipf_table(n, s):
    key = (n, s)
    if key not in _ZIPF:
        weights = [1.0 / (i + 1)**s for i in range(n)]
        total = sum(weights)
        acc, table = 0.0, []
        for w in weights:
            acc += w / total
            table.append(acc)
        table[-1] = 1.0
        _ZIPF[key] = table
    return _ZIPF[key]


def load_sources(corpus):
    """(sentences, headlines) from the public corpus, else corpus/samples."""
    sentences, headlines = [], []
    if os.path.isfile(corpus):
        with open(corpus, encoding='utf-8') as f:
            for line in f:
                rec = json.loads(line)
                title = rec['title'].strip()
                # Printed headlines carry no spaces and no final stop.
                if (8 <= len(title) <= 26 and not HTML_NOISE.search(title) and
                        not re.search(r'\s', title) and
                        not any(c in HEADLINE_END for c in title) and
                        len(CJK.findall(title)) * 2 > len(title)):
                    headlines.append(title)
                for para in re.split(r'\n|\u3000\u3000', rec['text']):
                    for s in SENTENCE_END.split(para.strip()):
                        s = s.strip()
                        # Whole sentences of running text: no byline-like
                        # leads (新京报讯, （记者 X）), no odd spaces.
                        if (8 <= len(s) <= 90 and s[-1] in '。！？' and
                                len(CJK.findall(s)) * 2 > len(s) and
                                not HTML_NOISE.search(s) and
                                not NOT_BODY.search(s)):
                            sentences.append(s)
        source = corpus
    else:
        samples = os.path.join(ROOT, 'corpus', 'samples')
        for dirpath, _, files in sorted(os.walk(samples)):
            for name in sorted(files):
                if not name.endswith('.txt'):
                    continue
                try:
                    with open(os.path.join(dirpath, name),
                              encoding='utf-8') as f:
                        lines = f.read().split('\n')
                except UnicodeDecodeError:
                    continue  # The samples' GB18030 test pages.
                for line in lines:
                    line = line.strip()
                    if not line or line.startswith('本报'):
                        continue
                    if 6 <= len(line) <= 30 and line[-1] not in '。！？':
                        headlines.append(line)
                    for s in SENTENCE_END.split(line):
                        if 8 <= len(s) <= 90 and s[-1] in '。！？':
                            sentences.append(s)
        source = samples
    if not sentences or not headlines:
        sys.exit('make_archive.py: no text found in ' + source)
    return sentences, headlines, source


class Generator:

    def __init__(self, args, sentences, headlines):
        self.rng = random.Random(args.seed)
        # A fixed shuffle so that the Zipf head is not the corpus's first
        # article.
        self.sentences = list(sentences)
        self.rng.shuffle(self.sentences)
        self.headlines = list(headlines)
        self.rng.shuffle(self.headlines)
        self.reporters = reporters_pool(self.rng, args.reporters)
        self.rng.shuffle(self.reporters)
        self.column_break_rate = 0.15

    def reporter(self):
        return self.reporters[zipf_index(self.rng, len(self.reporters), 0.9)]

    def sentence(self):
        # Half the draws favour stock sentences (Zipf), half are uniform.
        n = len(self.sentences)
        if self.rng.random() < 0.5:
            s = self.sentences[zipf_index(self.rng, n, 1.0)]
        else:
            s = self.sentences[self.rng.randrange(n)]
        return DIGITS.sub(
            lambda m: str(self.rng.randrange(10**(len(m.group()) - 1),
                                             10**len(m.group()))), s)

    def paragraph(self):
        return ''.join(self.sentence() for _ in range(self.rng.randint(1, 4)))

    def article(self):
        """A dict with the printed lines, the repaired text and metadata."""
        rng = self.rng
        a = {'reporters': [], 'photographers': [], 'breaks': []}
        if rng.random() < 0.08:  # A photo: caption and 摄 line.
            who = self.reporter()
            caption = self.paragraph()
            a.update(kind='photo', headline='', body=[caption],
                     printed=[caption, '本报记者 %s 摄' % who],
                     photographers=[who])
            return a
        headline = self.headlines[rng.randrange(len(self.headlines))]
        lines = []
        if rng.random() < 0.1:
            lines.append(rng.choice(KICKERS))
        lines.append(headline)
        body = [self.paragraph() for _ in range(rng.randint(2, 7))]
        style = rng.random()
        first = self.reporter()
        if style < 0.45:
            lines.append('本报记者 ' + first)
            a['reporters'] = [first]
        elif style < 0.6:
            second = self.reporter()
            if second != first:
                lines.append('本报记者 %s %s' % (first, second))
                a['reporters'] = [first, second]
            else:
                lines.append('本报记者 ' + first)
                a['reporters'] = [first]
        elif style < 0.85:
            body[0] = body[0]
            lines.append(None)  # Marks: byline inside the first paragraph.
            a['lead'] = '本报讯(记者%s)' % first
            a['reporters'] = [first]
        else:
            helper = self.reporter()
            a['lead'] = '本报讯(记者 %s 通讯员 %s)' % (first, helper)
            lines.append(None)
            a['reporters'] = [first]
        lines = [l for l in lines if l is not None]
        printed_body = []
        for i, p in enumerate(body):
            text = (a.get('lead', '') + p) if i == 0 else p
            cut = None
            if (rng.random() < self.column_break_rate / len(body) * 2 and
                    len(p) >= 24):
                # Cut between two CJK characters, not after punctuation.
                # The first part is a long line, as a column would hold.
                for _ in range(8):
                    k = rng.randrange(min(20, len(p) - 9), len(p) - 8)
                    if CJK.match(p[k - 1]) and CJK.match(p[k]):
                        cut = k
                        break
            if cut is None:
                printed_body.append(text)
            else:
                offset = len(text) - len(p)
                printed_body.append(text[:offset + cut])
                printed_body.append(text[offset + cut:])
                a['breaks'].append((i, cut))
        a.update(kind='news', headline=headline, body=body,
                 printed=lines + printed_body)
        return a


def render_page(articles, rng):
    """Two empty lines, every line followed by one blank line; about a third
    of the article boundaries have three blank lines."""
    parts = ['\n\n']
    for i, a in enumerate(articles):
        if i > 0 and rng.random() < 0.33:
            parts.append('\n\n')
        for line in a['printed']:
            parts.append(line + '\n\n')
    return ''.join(parts)


def write_issue(gen, folder, day, pages, articles_left, out_articles):
    os.makedirs(folder, exist_ok=True)
    rng = gen.rng
    manifest = dict(PAPER)
    manifest['date'] = day.isoformat()
    manifest['sections'] = {
        '%02d' % (p + 1): SECTIONS[p % len(SECTIONS)] for p in range(pages)
    }
    with open(os.path.join(folder, 'issue.json'), 'w', encoding='utf-8') as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write('\n')
    written = page_bytes = 0
    for p in range(pages):
        if written >= articles_left:
            break
        n = min(rng.randint(5, 9), articles_left - written)
        arts = []
        for o in range(n):
            a = gen.article()
            a['id'] = '%s-%s-%02d-%02d' % (PAPER['paper_code'],
                                         day.strftime('%Y%m%d'), p + 1, o + 1)
            a['date'] = day.isoformat()
            a['page'] = p + 1
            a['ordinal'] = o + 1
            arts.append(a)
        data = render_page(arts, rng).encode('utf-8')
        with open(os.path.join(folder, '%02d.txt' % (p + 1)), 'wb') as f:
            f.write(data)
        page_bytes += len(data)
        written += n
        out_articles.extend(arts)
    return written, page_bytes


class TextIndex:
    """All articles' searchable text in one string, for exact counts."""

    def __init__(self, articles):
        parts, self.starts, pos = [], [], 0
        for a in articles:
            t = a['headline'] + '\n' + '\n'.join(a['body']) + '\x00'
            self.starts.append(pos)
            parts.append(t)
            pos += len(t)
        self.text = ''.join(parts)
        self.ids = [a['id'] for a in articles]

    def holders(self, phrase, cap):
        """Ids of the articles holding `phrase`; None when more than cap."""
        found, pos = [], 0
        while True:
            pos = self.text.find(phrase, pos)
            if pos < 0:
                return found
            i = bisect.bisect_right(self.starts, pos) - 1
            if not found or found[-1] != self.ids[i]:
                found.append(self.ids[i])
                if len(found) > cap:
                    return None
            pos = self.starts[i + 1] if i + 1 < len(self.starts) else len(
                self.text)


def phrase_at(text, start, length):
    s = text[start:start + length]
    if len(s) != length or not all(CJK.match(c) for c in s):
        return None
    return s


def known_items(articles, index, args, rng):
    """[(class, query, target, relevant)]: plain, column_break, traditional."""
    news = [a for a in articles if a['kind'] == 'news']
    broken = [a for a in news if a['breaks']]
    lengths = [2, 3, 4, 4, 5, 6, 6, 7, 8]
    items = []
    n_break = args.known // 5 if broken else 0
    n_trad = args.known // 5
    n_plain = args.known - n_break
    tries = 0
    while len([i for i in items if i[0] == 'plain']) < n_plain:
        tries += 1
        if tries > n_plain * 400:
            break
        a = news[rng.randrange(len(news))]
        pi = rng.randrange(len(a['body']))
        para = a['body'][pi]
        length = lengths[rng.randrange(len(lengths))]
        if len(para) <= length:
            continue
        start = rng.randrange(len(para) - length)
        q = phrase_at(para, start, length)
        if not q or any(i == pi and start < cut < start + length
                        for i, cut in a['breaks']):
            continue  # Straddling a column break: not a plain phrase.
        rel = index.holders(q, args.max_relevant)
        if rel and a['id'] in rel:
            items.append(('plain', q, a['id'], rel))
    tries = 0
    while len([i for i in items if i[0] == 'column_break']) < n_break:
        tries += 1
        if tries > n_break * 400:
            break
        a = broken[rng.randrange(len(broken))]
        pi, cut = a['breaks'][rng.randrange(len(a['breaks']))]
        para = a['body'][pi]
        length = lengths[rng.randrange(len(lengths))]
        start = cut - rng.randint(1, length - 1)
        q = phrase_at(para, max(start, 0), length) if start >= 0 else None
        if not q:
            continue
        # Only phrases that no other article holds: one that also occurs
        # unbroken elsewhere could be found without the repair.
        rel = index.holders(q, 1)
        if rel == [a['id']]:
            items.append(('column_break', q, a['id'], rel))
    # Traditional: plain phrases converted by OpenCC that actually change.
    opencc = shutil.which('opencc')
    if opencc and n_trad:
        plain = [i for i in items if i[0] == 'plain']
        src = '\n'.join(i[1] for i in plain) + '\n'
        out = subprocess.run([opencc, '-c', 's2t.json'], input=src,
                             capture_output=True, text=True, check=True)
        converted = out.stdout.split('\n')
        trad = []
        for item, t in zip(plain, converted):
            if t and t != item[1]:
                trad.append(('traditional', t, item[2], item[3]))
        items.extend(trad[:n_trad])
    return items, bool(opencc)


def load_words():
    path = os.path.join(os.path.dirname(DEFAULT_CORPUS), '..', 'sighan2005',
                        'pku_training_words.utf8')
    if not os.path.isfile(path):
        return set()
    with open(path, encoding='utf-8') as f:
        return {w.strip() for w in f if 2 <= len(w.strip()) <= 4}


def fill_mix(mix_path, articles, index, gen, rng):
    """The query mix with {placeholders} filled from this archive."""
    news = [a for a in articles if a['kind'] == 'news']
    dates = sorted({a['date'] for a in articles})
    counts = {}
    for a in articles:
        for r in a['reporters']:
            counts[r] = counts.get(r, 0) + 1
    by_use = sorted(counts, key=lambda r: (-counts[r], r))

    vocabulary = load_words()

    def words(k):
        # k words of 2-4 characters from random sentences of the archive:
        # words of the SIGHAN PKU word list when it is there, else any run.
        out = []
        tries = 0
        while len(out) < k:
            a = news[rng.randrange(len(news))]
            p = a['body'][rng.randrange(len(a['body']))]
            n = rng.randint(2, 4)
            if len(p) > n:
                q = phrase_at(p, rng.randrange(len(p) - n), n)
                tries += 1
                if q and (not vocabulary or q in vocabulary or tries > 500):
                    out.append(q)
                    tries = 0
        return out

    def rare_word():
        while True:
            w = words(1)[0]
            rel = index.holders(w, 3)
            if rel:
                return w

    def sentence_part(n):
        while True:
            a = news[rng.randrange(len(news))]
            p = a['body'][rng.randrange(len(a['body']))]
            if len(p) > n + 2:
                s = rng.randrange(len(p) - n)
                return p[s:s + n]

    fillers = {
        'w1': lambda: ' '.join(words(1)),
        'w2': lambda: ' '.join(words(2)),
        'w3': lambda: ' '.join(words(3)),
        'w4': lambda: ' '.join(words(4)),
        'phrase': lambda: sentence_part(rng.randint(6, 12)),
        'long': lambda: sentence_part(rng.randint(30, 60)),
        'rare': rare_word,
        'reporter': lambda: by_use[rng.randrange(min(10, len(by_use)))],
        'rare_reporter': lambda: by_use[-1 - rng.randrange(
            min(5, len(by_use)))],
        'month': lambda: dates[rng.randrange(len(dates))][:7],
        'year': lambda: dates[rng.randrange(len(dates))][:4],
        'day': lambda: dates[rng.randrange(len(dates))],
    }
    placeholder = re.compile(r'\{(\w+)\}')
    out = []
    with open(mix_path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            cls, count, facets, template = line.split('\t')
            for _ in range(int(count)):
                q = placeholder.sub(lambda m: fillers[m.group(1)](), template)
                out.append((cls, facets, q))
    return out


def write_known_items(path, items):
    """Writes (class, query, target id, relevant ids) rows as known_items.tsv."""
    with open(path, 'w', encoding='utf-8') as f:
        f.write('qid\tclass\tchars\tquery\ttarget\trelevant\n')
        for i, (cls, q, target, rel) in enumerate(items):
            f.write('%d\t%s\t%d\t%s\t%s\t%s\n' %
                    (i + 1, cls, len(q), q, target, ','.join(rel)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('out', help='output directory (created, must be new)')
    parser.add_argument('--articles', type=int, default=200000)
    parser.add_argument('--seed', type=int, default=8)
    parser.add_argument('--pages', type=int, default=4,
                        help='pages per issue (default: %(default)s)')
    parser.add_argument('--start-date', default='2006-01-01')
    parser.add_argument('--reporters', type=int, default=80)
    parser.add_argument('--known', type=int, default=1000,
                        help='known-item phrases (default: %(default)s)')
    parser.add_argument('--max-relevant', type=int, default=10)
    parser.add_argument('--corpus', default=DEFAULT_CORPUS)
    parser.add_argument('--mix', default=DEFAULT_MIX)
    args = parser.parse_args()
    if args.articles < 1 or args.pages < 1:
        parser.error('--articles and --pages must be positive')
    if os.path.exists(args.out) and os.listdir(args.out):
        parser.error(args.out + ' exists and is not empty')

    sentences, headlines, source = load_sources(args.corpus)
    gen = Generator(args, sentences, headlines)
    day = datetime.date.fromisoformat(args.start_date)
    articles, page_bytes, issues, pages = [], 0, 0, 0
    while len(articles) < args.articles:
        folder = os.path.join(args.out, 'pages', day.isoformat())
        n, b = write_issue(gen, folder, day, args.pages,
                           args.articles - len(articles), articles)
        page_bytes += b
        pages += len([x for x in os.listdir(folder) if x.endswith('.txt')])
        issues += 1
        day += datetime.timedelta(days=1)
    new_articles = []
    new_bytes = write_issue(gen, os.path.join(args.out, 'new_issue',
                                              day.isoformat()), day,
                            args.pages, 10**9, new_articles)[1]

    with open(os.path.join(args.out, 'articles.jsonl'), 'w',
              encoding='utf-8') as f:
        for a in articles:
            rec = {k: a[k] for k in ('id', 'date', 'page', 'ordinal', 'kind',
                                     'headline', 'reporters', 'photographers',
                                     'printed')}
            rec['text'] = '\n'.join(a['body'])
            f.write(json.dumps(rec, ensure_ascii=False) + '\n')

    index = TextIndex(articles)
    krng = random.Random(args.seed * 7919 + 1)
    items, has_opencc = known_items(articles, index, args, krng)
    write_known_items(os.path.join(args.out, 'known_items.tsv'), items)
    mix = fill_mix(args.mix, articles, index, gen, krng)
    with open(os.path.join(args.out, 'queries.tsv'), 'w',
              encoding='utf-8') as f:
        f.write('class\tfacets\tquery\n')
        for cls, facets, q in mix:
            f.write('%s\t%s\t%s\n' % (cls, facets, q))

    classes = {}
    for cls, *_ in items:
        classes[cls] = classes.get(cls, 0) + 1
    summary = {
        'articles': len(articles),
        'issues': issues,
        'pages': pages,
        'page_bytes': page_bytes,
        'first_date': args.start_date,
        'last_date': (day - datetime.timedelta(days=1)).isoformat(),
        'new_issue': {'date': day.isoformat(), 'articles': len(new_articles),
                      'bytes': new_bytes},
        'column_breaks': sum(len(a['breaks']) for a in articles),
        'photos': sum(a['kind'] == 'photo' for a in articles),
        'known_items': classes,
        'opencc': has_opencc,
        'queries': len(mix),
        'seed': args.seed,
        'source': os.path.relpath(source, ROOT),
        'source_sentences': len(sentences),
    }
    with open(os.path.join(args.out, 'summary.json'), 'w',
              encoding='utf-8') as f:
        json.dump(summary, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print('make_archive.py: ' + json.dumps(summary, ensure_ascii=False))


if __name__ == '__main__':
    main()
