"""Block features and labels for every WCXB dev page, cached as one .npz.

A block's label is the share of its words that the gold ``main_content`` also has *in the same
order*: a word counts as covered when one of the three word trigrams that contain it, read on
the page's whole block stream, is a trigram of the gold text. Reading across block boundaries
lets a one-word heading count when it sits next to its paragraph in the gold text, while a
lone "Home" in a menu does not.

Usage: python training/html/dataset.py [DATA_DIR] [--limit N]   (writes training/html/out/dataset.npz)
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))

from cleanpage.parse.html import walk  # noqa: E402
from cleanpage.dom.features import FEATURES, matrix  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "wcxb-dev"
OUT = REPO / "training" / "html" / "out"
_WORD = re.compile(r"\w+")


def block_labels(texts: list[str], gold: str) -> tuple[np.ndarray, np.ndarray]:
    """(covered share, word count) per block."""
    gw = _WORD.findall(gold.lower())
    grams = {(gw[i], gw[i + 1], gw[i + 2]) for i in range(len(gw) - 2)}
    if len(gw) < 3:
        grams |= {tuple(gw)}
    stream: list[str] = []
    owner: list[int] = []
    for b, t in enumerate(texts):
        ws = _WORD.findall(t.lower())
        stream.extend(ws)
        owner.extend([b] * len(ws))
    n = len(stream)
    hit = np.zeros(n, dtype=bool)
    for i in range(n - 2):
        if (stream[i], stream[i + 1], stream[i + 2]) in grams:
            hit[i:i + 3] = True
    cov = np.zeros(len(texts))
    cnt = np.zeros(len(texts))
    if n:
        ow = np.asarray(owner)
        np.add.at(cnt, ow, 1)
        np.add.at(cov, ow, hit.astype(float))
    return np.where(cnt > 0, cov / np.maximum(cnt, 1), 0.0), cnt


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    gts = sorted((args.data / "ground-truth").glob("*.json"))
    if args.limit:
        gts = gts[: args.limit]
    Xs, ys, ws, pages, texts_all = [], [], [], [], []
    meta = []
    t0 = time.time()
    gc.disable()
    for k, gt_path in enumerate(gts):
        html_path = args.data / "html" / f"{gt_path.stem}.html.gz"
        if not html_path.exists():
            continue
        doc = json.loads(gt_path.read_text(encoding="utf-8"))
        gt = doc.get("ground_truth", {})
        url = doc.get("url") or ""
        domain = url.split("/")[2].removeprefix("www.") if url.count("/") >= 2 else ""
        ptype = doc.get("_internal", {}).get("page_type", {}).get("primary", "unknown")
        dom = walk(gzip.decompress(html_path.read_bytes()))
        X = matrix(dom)
        y, w = block_labels(dom.texts, gt.get("main_content") or "")
        Xs.append(X)
        ys.append(y)
        ws.append(w)
        pages.append(np.full(len(y), len(meta), dtype=np.int32))
        texts_all.extend(dom.texts)
        meta.append({"fid": gt_path.stem, "domain": domain, "type": ptype, "url": url})
        if k % 100 == 0:
            gc.collect()
            print(f"{k}/{len(gts)} {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT / "dataset.npz", X=np.concatenate(Xs), y=np.concatenate(ys), w=np.concatenate(ws),
                        page=np.concatenate(pages), features=np.asarray(FEATURES))
    (OUT / "pages.json").write_text(json.dumps(meta))
    (OUT / "texts.json").write_text(json.dumps(texts_all))
    print(f"{len(meta)} pages, {sum(len(y) for y in ys)} blocks, {len(FEATURES)} features", file=sys.stderr)


if __name__ == "__main__":
    main()
