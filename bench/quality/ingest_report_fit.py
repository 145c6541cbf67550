#!/usr/bin/python3
"""Fits the ingest report's thresholds on gold pages and, for volume, pages
rendered at run time from real news text.

    bench/quality/ingest_report_fit.py [--build build] [--stories 400]
                                       [--pages 30] [--out DIR]

Renders --pages pages in each layout of corpus/gold/render.py from
../shared/corpora/sina_news_2018 (as bench/quality/reader_pages.py does;
the text is read at run time, never copied into the project) into a
temporary folder, then runs

    baoku-fit-ingest-report corpus/samples corpus/gold/* TMP/pages/*

which glues adjacent stories on every page, prints the leave-one-layout-out
table (the rendered pages of a layout join the gold pages of the same
name) and the thresholds fitted on everything, in the form of
corpus/ingest_thresholds.txt, which this script prints after the table.
"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
sys.path.insert(0, HERE)
import reader_pages  # noqa: E402
import rendered_pages  # noqa: E402


def main():
    args = rendered_pages.argument_parser(__doc__).parse_args()
    rendered_pages.require_corpus('ingest_report_fit.py')
    fit = os.path.join(args.build, 'tests', 'baoku-fit-ingest-report')
    rendered_pages.require_tools('ingest_report_fit.py', (fit,),
                                 'baoku-fit-ingest-report')
    out = args.out or tempfile.mkdtemp(prefix='baoku-ingest-fit-')
    pages = os.path.join(out, 'pages')
    shutil.rmtree(pages, ignore_errors=True)
    stories = reader_pages.read_stories(args.stories, args.seed)
    rendered_pages.render_pages(pages, stories, args.pages,
                                'ingest_report_fit.py')
    layouts = ([os.path.join(ROOT, 'corpus', 'samples')] +
               sorted(glob.glob(os.path.join(ROOT, 'corpus', 'gold', '*'))) +
               sorted(glob.glob(os.path.join(pages, '*'))))
    result = subprocess.run([fit] + layouts, check=True, capture_output=True,
                            text=True)
    print('## Ingest report thresholds, leave one layout out (gold pages + '
          '%d rendered pages per layout)\n' % args.pages)
    print(result.stderr)
    print('Fitted on all layouts (corpus/ingest_thresholds.txt):\n')
    print(result.stdout)
    if not args.out:
        shutil.rmtree(out)


if __name__ == '__main__':
    main()
