#!/usr/bin/env bash
# make bench: release build, then whole-process wall time and peak memory of `silkpress build`
# on the seeds copied ×1, ×10 and ×100 under distinct names. Reports medians over RUNS runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-7}
swift build -c release --static-swift-stdlib --product silkpress >&2  # as `make site` builds it
bin=$PWD/.build/release/silkpress
work=$(mktemp -d "${TMPDIR:-/tmp}/silkpress-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "silkpress build, median of $RUNS runs ($(nproc) cores)"
printf '%-6s %6s %7s %12s %10s %12s\n' scale seeds pages "median wall" "pages/s" "peak RSS"
for scale in ${SCALES:-1 10 100}; do
  corpus=$work/x$scale
  mkdir -p "$corpus/seeds"
  for seed in seeds/*; do
    [ -f "$seed" ] || continue
    name=${seed##*/}; stem=${name%.*}; ext=${name##*.}
    if [ "$scale" -eq 1 ]; then cp "$seed" "$corpus/seeds/$name"; continue; fi
    for i in $(seq -w 1 "$scale"); do cp "$seed" "$corpus/seeds/$stem-$i.$ext"; done
  done
  # Side folders of the seeds (images) come along once.
  for d in seeds/*/; do [ -d "$d" ] && cp -r "$d" "$corpus/seeds/"; done
  walls=(); rss=()
  for run in $(seq 1 "$RUNS"); do
    # Wall time from bash's microsecond clock (time(1)'s %e has 10 ms steps); peak RSS from time(1).
    start=$EPOCHREALTIME
    /usr/bin/time -f '%M' -o "$work/time" "$bin" build --seeds "$corpus/seeds" --templates Templates \
      --output "$corpus/Output" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
    end=$EPOCHREALTIME
    walls+=("$(echo "$end - $start" | bc -l)"); rss+=("$(cat "$work/time")")
  done
  median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  wall=$(median "${walls[@]}"); kb=$(median "${rss[@]}")
  pages=$(find "$corpus/Output" -name '*.html' | wc -l)
  seedsn=$(find "$corpus/seeds" -maxdepth 1 -type f \( -name '*.md' -o -name '*.txt' \) | wc -l)
  printf '%-6s %6s %7s %9.1f ms %10.0f %9.1f MiB\n' "x$scale" "$seedsn" "$pages" \
    "$(echo "$wall*1000" | bc -l)" "$(echo "$pages/($wall+0.0005)" | bc -l)" "$(echo "$kb/1024" | bc -l)"
done
