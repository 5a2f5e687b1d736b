#!/usr/bin/env bash
# tradewatch's own figures on the same inputs as the peer scripts:
# HTML body extraction (bench-html) and the whole Reuters ingest, each run
# RUNS times (default 3) with the load average printed before each run.
# Usage: bench/peers/tradewatch.sh [RUNS]   (from anywhere in the repo)
set -euo pipefail

runs="${1:-3}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${SHARED:-$root/../shared}"
db="${TMPDIR:-/tmp}/peer.db"

cd "$root"
cargo build --release -p tw-cli
bin="$root/target/release/tradewatch"

for i in $(seq "$runs"); do
    echo "== bench-html run $i: $(uptime)"
    "$bin" bench-html "$shared/bench/article-extraction" 2>/dev/null
done
for i in $(seq "$runs"); do
    rm -f "$db" "$db"-*
    echo "== ingest run $i: $(uptime)"
    /usr/bin/time -v "$bin" --db "$db" ingest -q "$shared/corpora/reuters21578.jsonl" 2>&1 |
        grep -E 'ingested|Elapsed|User time|System time|Percent of CPU|Maximum resident'
done
rm -f "$db" "$db"-*
