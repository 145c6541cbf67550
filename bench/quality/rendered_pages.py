"""What bench/quality/reader_pages.py and bench/quality/ingest_report_fit.py
share: their command line and the pages they render at run time from
../shared/corpora/sina_news_2018 (never copied into the project) in the
layouts of corpus/gold/render.py.
"""

import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
sys.path.insert(0, os.path.join(ROOT, 'corpus', 'gold'))
import render  # noqa: E402  (corpus/gold/render.py)

CORPUS = os.path.join(
    os.environ.get('BAOKU_SHARED_DIR', os.path.join(ROOT, '..', 'shared')),
    'corpora', 'sina_news_2018', 'articles.jsonl')


def argument_parser(doc):
    """The options both scripts take; `doc` is the script's docstring."""
    ap = argparse.ArgumentParser(description=doc.split('\n')[0])
    ap.add_argument('--build', default=os.path.join(ROOT, 'build'))
    ap.add_argument('--stories', type=int, default=400)
    ap.add_argument('--pages', type=int, default=30)
    ap.add_argument('--seed', type=int, default=15)
    ap.add_argument('--out')
    return ap


def require_corpus(script):
    if not os.path.exists(CORPUS):
        sys.exit('%s: %s not found (set BAOKU_SHARED_DIR)' % (script, CORPUS))


def require_tools(script, tools, targets):
    for tool in tools:
        if not os.access(tool, os.X_OK):
            sys.exit('%s: %s is not built (BAOKU_BUILD_TARGETS="%s" '
                     'scripts/build)' % (script, tool, targets))


def render_pages(pages, stories, pages_per_layout, script):
    """Renders `stories` into pages/<layout>/ with their gold, in years and
    under a paper name no gold page uses."""
    render.render_all(pages, stories, render.PHOTOS, pages_per_layout,
                      "Rendered at run time by bench/quality/" + script +
                      " from sina_news_2018 text in the '%s' layout.",
                      year=lambda li: 2031 + li, paper=("测试晚报", "cswb"))
