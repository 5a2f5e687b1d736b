#!/bin/sh
# Regenerate the expected outputs of tests/fixtures/*/ with the reference
# scorer. Run from anywhere in dev: TW_SHARED=/work/shared scripts/refresh_fixtures.sh
# expected.json        = score.py GOLD PRED --json
# expected_errors.txt  = the error lines score.py GOLD PRED --verbose prints after its JSON
set -eu
shared=${TW_SHARED:?set TW_SHARED to the shared/ folder}
here=$(cd "$(dirname "$0")/.." && pwd)
for case in "$here"/tests/fixtures/*/; do
    python3 "$shared/tools/score.py" "$case/gold" "$case/pred.jsonl" --json > "$case/expected.json"
    python3 "$shared/tools/score.py" "$case/gold" "$case/pred.jsonl" --verbose \
        | awk 'f { print } /^}$/ { f = 1 }' | sed '/^$/d' > "$case/expected_errors.txt"
    echo "refreshed $case"
done
