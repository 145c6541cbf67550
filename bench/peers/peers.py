#!/usr/bin/python3
"""The peers of the benchmark (bench/peers/run runs them one at a time).

    peers.py files   ARCHIVE OUT_DIR        one .txt file per article (Omega)
    peers.py fts5    ARCHIVE DB             build an FTS5 trigram table
    peers.py tsv     ARCHIVE OUT.tsv        "id<TAB>text" a line (Lucene)
    peers.py groonga-load ARCHIVE OUT.grn   Groonga commands: schema, load,
                                            then the TokenBigram index
    peers.py sphinx-conf ARCHIVE DIR        DIR/sphinx.conf, DIR/articles.tsv
    peers.py text-bytes ARCHIVE             bytes of the text every peer gets
    peers.py rank    ENGINE DB KNOWN RANKS  ENGINE: fts5, omega, groonga,
                                            sphinx (DB: its sphinx.conf)

Every peer gets the same articles as baoku, as a newsroom without baoku's
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
- groonga: `select --match_columns body --query '"q"'` (a phrase of
  TokenBigram tokens, NormalizerAuto), best _score first, sent to one
  `groonga DB` process over a pipe, one command and one answer at a time.
- sphinx: searchd started for the run on a Unix socket (why: sphinx-conf),
  SphinxQL over the MySQL protocol (python3-pymysql), MATCH('"q"'): a phrase of single characters
  (ngram_len=1), Sphinx's default ranking (proximity_bm25).
Every engine runs in one persistent process (or connection) per run, and
the first 20 queries run once, untimed, before the timed pass.
Ranks count the first relevant article in the top 10 (0: none).
"""

import atexit
import json
import os
import re
import sqlite3
import subprocess
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


def one_line(a):
    """The printed text on one line (tabs and line breaks as spaces)."""
    return ' '.join(a['printed']).replace('\t', ' ').replace('\n', ' ')


def cmd_tsv(archive, out):
    with open(out, 'w', encoding='utf-8') as f:
        for a in articles(archive):
            f.write(a['id'] + '\t' + one_line(a) + '\n')


def cmd_text_bytes(archive):
    print(sum(len(printed_text(a).encode('utf-8')) for a in articles(archive)))


def cmd_groonga_load(archive, out):
    """Loads first and creates the index column after: Groonga's static
    index construction, its fast way to index a whole collection."""
    with open(out, 'w', encoding='utf-8') as f:
        f.write('table_create Articles TABLE_HASH_KEY ShortText\n'
                'column_create Articles body COLUMN_SCALAR LongText\n'
                'load --table Articles\n[\n')
        first = True
        for a in articles(archive):
            f.write(('' if first else ',\n') + json.dumps(
                {'_key': a['id'], 'body': printed_text(a)},
                ensure_ascii=False))
            first = False
        f.write('\n]\n'
                'table_create Terms TABLE_PAT_KEY ShortText '
                '--default_tokenizer TokenBigram --normalizer NormalizerAuto\n'
                'column_create Terms body_index COLUMN_INDEX|WITH_POSITION '
                'Articles body\n')


SPHINX_CONF = '''source articles
{
    type = tsvpipe
    tsvpipe_command = cat %(tsv)s
    tsvpipe_field = body
}
index articles
{
    source = articles
    path = %(folder)s/index/articles
    docinfo = extern
    min_word_len = 1
    ngram_len = 1
    ngram_chars = U+3000..U+2FA1F
}
indexer
{
    mem_limit = 256M
}
searchd
{
    listen = %(folder)s/searchd.sock:mysql41
    log = %(folder)s/searchd.log
    query_log = %(folder)s/query.log
    pid_file = %(folder)s/searchd.pid
    binlog_path =
}
'''


def cmd_sphinx_conf(archive, folder):
    """Sphinx 2.2 plain index from a tsvpipe source (document id: the line
    number, whose article id is the line's in ARCHIVE), ngram_len=1 over the
    CJK blocks. searchd listens on a Unix socket in DIR, not TCP: over
    loopback TCP a SELECT took 5-60 ms at the client while searchd logged
    0.000 s, since searchd writes a result in several small writes and
    Nagle's algorithm holds each until the client's delayed ACK (SHOW META,
    one write, took 0.2 ms); a Unix socket has no Nagle."""
    folder = os.path.abspath(folder)
    os.makedirs(os.path.join(folder, 'index'), exist_ok=True)
    tsv = os.path.join(folder, 'articles.tsv')
    with open(tsv, 'w', encoding='utf-8') as f, \
            open(os.path.join(folder, 'ids.txt'), 'w') as ids:
        for i, a in enumerate(articles(archive)):
            f.write('%d\t%s\n' % (i + 1, one_line(a)))
            ids.write(a['id'] + '\n')
    with open(os.path.join(folder, 'sphinx.conf'), 'w') as f:
        f.write(SPHINX_CONF % {'tsv': tsv, 'folder': folder})


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


def groonga_quote(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def groonga_searcher(db):
    proc = subprocess.Popen(['groonga', db], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, encoding='utf-8')
    atexit.register(proc.kill)

    def search(q):
        # The value of --query is itself quoted: a phrase in Groonga's query
        # syntax, inside a quoted command argument.
        proc.stdin.write('select Articles --match_columns body --query %s '
                         '--output_columns _key --limit 10 '
                         '--sort_keys -_score,_id\n' %
                         groonga_quote(groonga_quote(q)))
        proc.stdin.flush()
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError('groonga %s exited' % db)
        answer = json.loads(line)
        if answer[0][0] != 0:
            raise RuntimeError('groonga: ' + str(answer[0][3:]))
        return [row[0] for row in answer[1][0][2:]]

    return search


def sphinx_searcher(conf):
    import pymysql  # python3-pymysql, only needed for this peer.
    with open(conf) as f:
        sock = re.search(r'listen = (\S+):mysql41', f.read())[1]
    with open(os.path.join(os.path.dirname(conf), 'ids.txt')) as f:
        names = [''] + f.read().split('\n')
    subprocess.run(['searchd', '--config', conf], check=True,
                   stdout=subprocess.DEVNULL)
    atexit.register(subprocess.run, ['searchd', '--config', conf,
                                     '--stopwait'], stdout=subprocess.DEVNULL)
    for _ in range(100):
        try:
            con = pymysql.connect(unix_socket=sock)
            break
        except pymysql.err.OperationalError:
            time.sleep(0.1)
    else:
        raise RuntimeError('searchd (%s) did not answer on %s' %
                           (conf, sock))
    cur = con.cursor()
    special = set('\\()|-!@~"&/^$=<')

    def search(q):
        escaped = ''.join('\\' + c if c in special else c for c in q)
        cur.execute('SELECT id FROM articles WHERE MATCH(%s) LIMIT 10',
                    ('"' + escaped + '"',))
        return [names[row[0]] for row in cur.fetchall()]

    return search


def cmd_rank(engine, db, known, ranks):
    searchers = {'fts5': fts5_searcher, 'omega': omega_searcher,
                 'groonga': groonga_searcher, 'sphinx': sphinx_searcher}
    if engine not in searchers:
        sys.exit('peers.py rank: unknown engine %r (one of %s)' %
                 (engine, ', '.join(searchers)))
    search = searchers[engine](db)
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
    elif len(sys.argv) >= 4 and sys.argv[1] == 'tsv':
        cmd_tsv(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 4 and sys.argv[1] == 'groonga-load':
        cmd_groonga_load(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 4 and sys.argv[1] == 'sphinx-conf':
        cmd_sphinx_conf(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 3 and sys.argv[1] == 'text-bytes':
        cmd_text_bytes(sys.argv[2])
    elif len(sys.argv) >= 6 and sys.argv[1] == 'rank':
        cmd_rank(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
