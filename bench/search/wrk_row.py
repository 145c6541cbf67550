#!/usr/bin/python3
"""One markdown row from `wrk --latency` output.

    wrk_row.py WRK_OUTPUT CONNECTIONS LOAD

Prints "| connections | requests/s | p50 ms | p90 ms | p99 ms | errors |
load |". Errors add wrk's socket errors and non-2xx responses; a missing
figure is printed as "?" rather than guessed.
"""

import re
import sys


def ms(text):
    m = re.match(r'([\d.]+)(us|ms|s)$', text)
    if not m:
        return '?'
    v = float(m.group(1)) * {'us': 0.001, 'ms': 1.0, 's': 1000.0}[m.group(2)]
    return '%.2f' % v


def main():
    text = open(sys.argv[1], encoding='utf-8', errors='replace').read()
    pct = dict(re.findall(r'^\s+(50|90|99)%\s+(\S+)', text, re.M))
    rps = re.search(r'Requests/sec:\s+([\d.]+)', text)
    errors = 0
    for m in re.finditer(r'Socket errors: connect (\d+), read (\d+), '
                         r'write (\d+), timeout (\d+)', text):
        errors += sum(int(x) for x in m.groups())
    non2xx = re.search(r'Non-2xx or 3xx responses: (\d+)', text)
    if non2xx:
        errors += int(non2xx.group(1))
    print('| %s | %s | %s | %s | %s | %d | %s |' %
          (sys.argv[2], rps.group(1) if rps else '?', ms(pct.get('50', '')),
           ms(pct.get('90', '')), ms(pct.get('99', '')), errors, sys.argv[3]))


if __name__ == '__main__':
    main()
