#!/bin/sh
# baoku-bench-xapian-floor (bench/indexing/xapian_floor.cc) on two articles
# of tokens written here: both are indexed, with positions or without, and
# a line whose position is not a number stops it naming the file and line.
set -eu
tool="$1"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
printf 'a-1\t春雨\t1\t雨后\t2\t后山\t3\na-2\t山路\t1\t7\t2\n' >"$dir/tokens.tsv"
"$tool" --tokens "$dir/tokens.tsv" --db "$dir/db" --text-bytes 30 >"$dir/out"
grep -qx 'articles 2' "$dir/out"
grep -qx 'postings 5' "$dir/out"
grep -qx 'positions yes' "$dir/out"
grep -q '^mb_per_cpu_s ' "$dir/out"
"$tool" --tokens "$dir/tokens.tsv" --db "$dir/db2" --text-bytes 30 \
  --no-positions --flush 1 >"$dir/out2"
grep -qx 'positions no' "$dir/out2"
grep -qx 'flush_threshold 1' "$dir/out2"
printf 'a-1\t春雨\t1\na-2\t山路\tx\n' >"$dir/bad.tsv"
if "$tool" --tokens "$dir/bad.tsv" --db "$dir/db3" --text-bytes 30 \
  2>"$dir/err"; then
  echo "a bad position was accepted" >&2
  exit 1
fi
grep -q "bad.tsv:2: position 'x'" "$dir/err"
