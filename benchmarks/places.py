"""Geoparsing accuracy and speed on news gold sets.

Usage::

    python benchmarks/places.py [CORPUS.jsonl ...] [--scorer PATH] [--out DIR] [--ner MODE]

Defaults to the four dev sets in ``../shared/eval/geoparse/`` (when that folder exists).
For each corpus it runs :func:`controlmap.geoparse` in this one process, writes the
predictions as JSONL (one line per document, as ``controlmap places --format json`` prints
them), scores them with the shared scorer (``score_places.py``: recognition
precision/recall/F1, accuracy@161 km, found_within_161km, median error, AUC), and prints
throughput (KB of text per second: per corpus on its first pass, then over all corpora again
with warm caches) and the cold-start time of ``controlmap places``
on the seed (one process, index already built).

``--ner veto|recover|both`` revises the mentions with the spaCy model of the ``spacy`` extra
(:mod:`controlmap.ner`); the CLI cold start is not timed then (the CLI does not use it).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from controlmap.article import article_from_text
from controlmap.gazetteer import open_gazetteer
from controlmap.geoparse import geoparse
from controlmap.records import place_to_dict

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT = sorted((SHARED / "eval" / "geoparse").glob("*.dev.jsonl"))
SCORER = SHARED / "tools" / "score_places.py"


def run_corpus(path: Path, out_dir: Path, ner=None) -> tuple[Path, float, float]:
    docs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    gazetteer = open_gazetteer()
    pred = out_dir / (path.stem + ".pred.jsonl")
    started = time.perf_counter()
    with pred.open("w", encoding="utf-8") as handle:
        for doc in docs:
            article = article_from_text(doc["text"], source=doc["id"])
            rows = [place_to_dict(p) for p in geoparse(article, gazetteer=gazetteer, ner=ner)]
            handle.write(json.dumps(rows) + "\n")
    seconds = time.perf_counter() - started
    kb = sum(len(d["text"].encode()) for d in docs) / 1024
    return pred, seconds, kb


def warm_throughput(paths: list[Path], ner=None) -> float:
    """KB/s over all the corpora once the process has parsed them before.

    The per-corpus figures include the first queries of each name (SQLite pages, the name
    cache); a long-running process (a notebook, a batch over many articles) runs at this rate.
    """
    texts = [json.loads(line)["text"] for path in paths for line in path.open(encoding="utf-8") if line.strip()]
    gazetteer = open_gazetteer()
    started = time.perf_counter()
    for text in texts:
        geoparse(article_from_text(text, source="bench"), gazetteer=gazetteer, ner=ner)
    return sum(len(t.encode()) for t in texts) / 1024 / (time.perf_counter() - started)


def cold_start_seconds(runs: int = 3) -> float:
    seed = ROOT / "seeds" / "aleppo-2024-11-30.txt"
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(["controlmap", "places", str(seed), "--format", "json"], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--scorer", type=Path, default=SCORER)
    parser.add_argument("--out", type=Path, default=None, help="keep predictions in this folder")
    parser.add_argument("--ner", choices=["veto", "recover", "both"], default=None,
                        help="revise the mentions with the spaCy model (controlmap[spacy])")
    args = parser.parse_args()
    if not args.corpora:
        sys.exit("no corpus given and ../shared/eval/geoparse/ is not there")
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="controlmap-bench-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    open_gazetteer()  # build outside the timings
    ner = None
    if args.ner:
        from controlmap.errors import NERError
        from controlmap.ner import spacy_recogniser
        try:
            ner = spacy_recogniser(args.ner)  # the model loads outside the timings
        except NERError as exc:
            sys.exit(str(exc))
    print(f"{'corpus':<22} {'P':>6} {'R':>6} {'F1':>6} {'acc161':>7} {'found161':>9} {'median_km':>9} {'AUC':>6} {'KB/s':>8}")
    first_kb = first_seconds = 0.0
    for corpus in args.corpora:
        pred, seconds, kb = run_corpus(corpus, out_dir, ner)
        first_kb, first_seconds = first_kb + kb, first_seconds + seconds
        if args.scorer.exists():
            score = json.loads(subprocess.run([sys.executable, str(args.scorer), str(corpus), str(pred)],
                                              capture_output=True, text=True, check=True).stdout)
        else:
            score = {}
        print(f"{corpus.stem:<22} {score.get('precision', float('nan')):>6.3f} {score.get('recall', float('nan')):>6.3f} "
              f"{score.get('f1', float('nan')):>6.3f} {score.get('acc@161km', float('nan')):>7.3f} "
              f"{score.get('found_within_161km', float('nan')):>9.3f} {score.get('median_error_km', float('nan')):>9.1f} "
              f"{score.get('auc', float('nan')):>6.3f} {kb / seconds:>8.1f}")
    print(f"first pass, all sets in one fresh process: {first_kb / first_seconds:.0f} KB/s")
    print(f"warm throughput, all sets again in this process: {warm_throughput(args.corpora, ner):.0f} KB/s")
    if ner is None:
        print(f"cold start, `controlmap places` on the seed (median of 3): {cold_start_seconds():.2f} s")
    print(f"predictions in {out_dir}")


if __name__ == "__main__":
    main()
