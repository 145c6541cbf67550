#!/usr/bin/python3
"""The peers of the benchmark: Xapian Omega (omindex) and SQLite FTS5 trigram.

    peers.py files   ARCHIVE OUT_DIR        one .txt file per article
    peers.py fts5    ARCHIVE DB             build an FTS5 trigram table
    peers.py rank    fts5|omega DB KNOWN RANKS

Both peers get the same articles as baoku, as a newsroom without baoku's
page reader would have them: each article's lines as printed on the page
(headline, byline, paragraphs; a paragraph cut by a column break stays two
lines), taken from ARCHIVE/articles.jsonl. The page splitting is given to
them for free; the column-break repair is not.

`rank` searches each known item (known_items.tsv) as a user would type it
and writes "qid<TAB>rank<TAB>ms<TAB>error" like baoku-bench-search:
- fts5: MATCH of the query as one quoted phrase, best bm25 first; queries of
  fewer than 3 characters cannot use the trigram index; they run as a full
  scan with instr() (newest first), since LIKE '%q%' found nothing for them
  with SQLite 3.40.1.
- omega: Xapian QueryParser with FLAG_CJK_NGRAM (the way omindex indexed it
  under XAPIAN_CJK_NGRAM=1), default operator AND, the query as typed.
Ranks count the first relevant article in the top 10 (0: none).
"""

import json
import os
import sqlite3
import sys
import time


def articles(archive):
    with open(os.path.join(archive, 'articles.jsonl'), encoding='utf-8') as f:
        for line in f:
            yield json.loads(line)


def printed_text(a):
    return '\n\n'.join(a['printed']) + '\n'


def cmd_files(archive, out):
    n = 0
    for a in articles(archive):
        folder = os.path.join(out, a['date'][:7])
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, a['id'] + '.txt'), 'w',
                  encoding='utf-8') as f:
            f.write(printed_text(a))
        n += 1
    print('peers.py files: %d files' % n)


def cmd_fts5(archive, db):
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db)
    con.execute('PRAGMA journal_mode=OFF')
    con.execute('PRAGMA synchronous=OFF')
    con.execute("CREATE VIRTUAL TABLE a USING fts5(id UNINDEXED, body, "
                "tokenize='trigram')")
    batch = []
    for a in articles(archive):
        batch.append((a['id'], printed_text(a)))
        if len(batch) == 5000:
            con.executemany('INSERT INTO a(id, body) VALUES (?, ?)', batch)
            batch = []
    con.executemany('INSERT INTO a(id, body) VALUES (?, ?)', batch)
    con.commit()
    con.close()
    print('peers.py fts5: built ' + db)


def read_known(path):
    with open(path, encoding='utf-8') as f:
        next(f)
        for line in f:
            qid, cls, chars, query, target, relevant = line.rstrip(
                '\n').split('\t')
            yield qid, query, set(relevant.split(','))


def fts5_searcher(db):
    con = sqlite3.connect(db)

    def search(q):
        if len(q) < 3:
            # SQLite 3.40's trigram LIKE '%q%' finds no row for q < 3
            # characters (measured), so scan with instr() instead.
            rows = con.execute(
                'SELECT id FROM a WHERE instr(body, ?) > 0 ORDER BY rowid '
                'DESC LIMIT 10', (q,))
        else:
            rows = con.execute(
                'SELECT id FROM a WHERE a MATCH ? ORDER BY rank LIMIT 10',
                ('"' + q.replace('"', '""') + '"',))
        return [r[0] for r in rows]

    return search


def omega_searcher(db_path):
    import xapian  # python3-xapian, only needed for this peer.
    db = xapian.Database(db_path)
    qp = xapian.QueryParser()
    qp.set_database(db)
    qp.set_default_op(xapian.Query.OP_AND)
    flags = (xapian.QueryParser.FLAG_DEFAULT |
             xapian.QueryParser.FLAG_CJK_NGRAM)

    def search(q):
        enquire = xapian.Enquire(db)
        enquire.set_query(qp.parse_query(q, flags))
        ids = []
        for m in enquire.get_mset(0, 10):
            url = ''
            for line in m.document.get_data().decode('utf-8', 'replace').split('\n'):
                if line.startswith('url='):
                    url = line[4:]
            ids.append(os.path.splitext(os.path.basename(url))[0])
        return ids

    return search


def cmd_rank(engine, db, known, ranks):
    search = fts5_searcher(db) if engine == 'fts5' else omega_searcher(db)
    items = list(read_known(known))
    for _, q, _ in items[:20]:  # Warm-up, untimed.
        search(q)
    with open(ranks, 'w', encoding='utf-8') as out:
        out.write('qid\trank\tms\terror\n')
        for qid, q, relevant in items:
            start = time.perf_counter()
            error = '-'
            try:
                ids = search(q)
            except Exception as e:  # A peer's query error is its result.
                ids, error = [], type(e).__name__ + ': ' + str(e)
            ms = (time.perf_counter() - start) * 1000
            rank = next((i + 1 for i, x in enumerate(ids) if x in relevant),
                        0)
            out.write('%s\t%d\t%.3f\t%s\n' %
                      (qid, rank, ms, error.replace('\t', ' ')))


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == 'files':
        cmd_files(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 4 and sys.argv[1] == 'fts5':
        cmd_fts5(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 6 and sys.argv[1] == 'rank':
        cmd_rank(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
