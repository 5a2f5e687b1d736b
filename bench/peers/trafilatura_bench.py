#!/usr/bin/env python3
"""trafilatura on the article-extraction benchmark (peer figure for tradewatch).

BENCH_DIR holds html/<id>.html.gz and ground-truth.json
({id: {"articleBody": ..., "url": ...}}). Every page is extracted with
`trafilatura.extract(html)` at default settings (plain text output, no
comments) and scored with the benchmark's metric (METRIC.md; same rules as
the benchmark's own evaluate.py):

- tokens are runs of word characters (`\\w+`, Unicode), case kept;
- a text is the multiset of its 4-token shingles (a text of 1-3 tokens is
  one shorter shingle, an empty text has none);
- per page tp = shared shingles (min of counts), fp = extra predicted,
  fn = missing, each divided by tp+fp+fn;
- per page precision tp/(tp+fp), recall tp/(tp+fn); 1.0 when fp and fn are
  both 0, 0.0 when tp and the denominator's other term are both 0;
- precision and recall are means over pages; evaluate.py leaves a page out
  of the precision mean when tp+fp = 0 (nothing predicted) and out of the
  recall mean when tp+fn = 0; F1 = 2PR/(P+R) of the two means.

Because tradewatch's `bench-html` keeps every page in both means (an empty
prediction then counts as precision 0), the "all pages" line prints that
variant too; the two differ only when some page yields no text.

Timing: wall time of `trafilatura.extract` alone (decompressing and reading
the files happen before), summed over pages, per page; the benchmark is run
`--runs` times (default 3) and the median is reported.

Usage: trafilatura_bench.py BENCH_DIR [--runs 3]
"""

import argparse
import gzip
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

TOKEN = re.compile(r"\w+", re.UNICODE)
N = 4


def shingles(text: str) -> Counter:
    tokens = TOKEN.findall(text or "")
    # As evaluate.py: range(max(1, len - n + 1)) slices, dropping empty ones.
    return Counter(
        s for s in (tuple(tokens[i:i + N]) for i in range(max(1, len(tokens) - N + 1))) if s
    )


def tp_fp_fn(truth: str, pred: str) -> tuple[float, float, float]:
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def ratio(tp: float, miss: float, other: float) -> float:
    if miss == 0 and other == 0:
        return 1.0
    if tp == 0 and miss == 0:
        return 0.0
    return tp / (tp + miss)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(triples):
    """(precision, recall) per evaluate.py and with every page counted."""
    precs = [ratio(tp, fp, fn) for tp, fp, fn in triples]
    recs = [ratio(tp, fn, fp) for tp, fp, fn in triples]
    p_ref = statistics.mean(p for p, (tp, fp, _) in zip(precs, triples) if tp + fp > 0)
    r_ref = statistics.mean(r for r, (tp, _, fn) in zip(recs, triples) if tp + fn > 0)
    return (p_ref, r_ref), (statistics.mean(precs), statistics.mean(recs))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("bench_dir", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    truth = json.loads((args.bench_dir / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    # The pages are UTF-8 (METRIC.md); they are decoded here and passed as
    # str, as the benchmark's own run_trafilatura.py does.
    pages = {i: gzip.decompress((args.bench_dir / "html" / f"{i}.html.gz").read_bytes())
             .decode("utf-8") for i in ids}

    per_run_ms, outputs = [], None
    for run in range(args.runs):
        load = os.getloadavg()[0]
        elapsed, preds = 0.0, {}
        for i in ids:
            start = time.perf_counter()
            text = trafilatura.extract(pages[i], include_comments=False, output_format="txt")
            elapsed += time.perf_counter() - start
            preds[i] = text or ""
        if outputs is not None and preds != outputs:
            print("warning: output differs between runs", file=sys.stderr)
        outputs = preds
        ms = elapsed * 1000 / len(ids)
        per_run_ms.append(ms)
        print(f"run {run + 1}: {ms:.2f} ms/page (load avg 1 min {load:.2f})")

    triples = [tp_fp_fn(truth[i].get("articleBody", ""), outputs[i]) for i in ids]
    (p, r), (p_all, r_all) = score(triples)
    empty = sum(1 for i in ids if not outputs[i])
    ms = statistics.median(per_run_ms)
    print(f"trafilatura {trafilatura.__version__}")
    print(f"pages       {len(ids)} ({empty} with no extracted text)")
    print(f"precision   {p:.4f}")
    print(f"recall      {r:.4f}")
    print(f"f1          {f1(p, r):.4f}")
    print(f"all pages   precision {p_all:.4f} recall {r_all:.4f} f1 {f1(p_all, r_all):.4f}")
    print(f"ms/page     {ms:.2f} (median of {args.runs})")
    print(json.dumps({
        "tool": "trafilatura", "version": trafilatura.__version__, "pages": len(ids),
        "empty": empty, "precision": round(p, 4), "recall": round(r, 4),
        "f1": round(f1(p, r), 4), "precision_all": round(p_all, 4),
        "recall_all": round(r_all, 4), "f1_all": round(f1(p_all, r_all), 4),
        "ms_per_page_runs": [round(m, 3) for m in per_run_ms], "ms_per_page": round(ms, 3),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
