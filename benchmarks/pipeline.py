"""Throughput of the whole pipeline: geoparsing, distance claims and control events.

Usage::

    python benchmarks/pipeline.py [CORPUS.jsonl ...] [--rounds N]

Defaults to the texts of the four geoparsing dev sets in ``../shared/eval/geoparse/`` (1.72
MiB of news; any JSONL with a ``text`` field will do). The stages run article by article in
one process, as :func:`controlmap.analyse` runs them, and each is timed on its own.

Two figures, because they answer different questions:

- the first pass: a fresh process, every name asked of the index for the first time (a
  one-off ``controlmap map`` over a batch of articles);
- ``--rounds`` further passes: a long-running process (a notebook, a service), which has
  the index's answers in memory. The best and the median pass are printed: the machine's
  load varies by a third from run to run, and the best is the one least disturbed by it.

Each line gives the whole pipeline's KB/s, then each stage's CPU seconds and its own KB/s
(the rate that stage alone would run at). Times are CPU seconds of this process
(``time.process_time``), not wall time: on a shared machine the wall clock also counts the
other processes' turns. One core is used.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from controlmap.article import article_from_text
from controlmap.distances import verify_distances
from controlmap.events import extract_events
from controlmap.gazetteer import open_gazetteer
from controlmap.geoparse import geoparse

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = sorted((ROOT.parent / "shared" / "eval" / "geoparse").glob("*.dev.jsonl"))
STAGES = ("geoparse", "distances", "events")


def one_pass(articles: list, gazetteer) -> dict[str, float]:
    """CPU seconds spent in each stage over all ``articles``."""
    spent = dict.fromkeys(STAGES, 0.0)
    for article in articles:
        started = time.process_time()
        places = geoparse(article, gazetteer=gazetteer)
        geoparsed = time.process_time()
        verify_distances(article, places, gazetteer=gazetteer)
        checked = time.process_time()
        extract_events(article, places)
        spent["geoparse"] += geoparsed - started
        spent["distances"] += checked - geoparsed
        spent["events"] += time.process_time() - checked
    return spent


def report(label: str, spent: dict[str, float], kb: float) -> str:
    """One line: the pipeline's KB/s, then each stage's seconds and KB/s."""
    stages = "  ".join(f"{stage} {seconds:.2f} s ({kb / seconds:.0f} KB/s)" for stage, seconds in spent.items())
    return f"{label:<22} {kb / sum(spent.values()):7.0f} KB/s   {sum(spent.values()):.2f} s = {stages}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=3, help="warm passes; the best and the median are reported")
    args = parser.parse_args()
    if not args.corpora:
        parser.error("no corpus given and ../shared/eval/geoparse/ is not there")
    texts = [json.loads(line)["text"] for path in args.corpora
             for line in path.open(encoding="utf-8") if line.strip()]
    if not any(texts):
        parser.error("the corpora hold no text")
    # A publication date, so that the event stage dates what it reads as it would for a user.
    articles = [article_from_text(text, source=f"doc{i}", published="2024-11-30") for i, text in enumerate(texts)]
    kb = sum(len(text.encode()) for text in texts) / 1024
    gazetteer = open_gazetteer()
    print(f"{len(texts)} articles, {kb / 1024:.2f} MiB, CPU time of one core")
    print(report("first pass", one_pass(articles, gazetteer), kb))
    warm = sorted((one_pass(articles, gazetteer) for _ in range(max(1, args.rounds))), key=lambda s: sum(s.values()))
    print(report(f"warm (best of {len(warm)})", warm[0], kb))
    if len(warm) > 2:
        # (the median pass of an even count is the slower middle one: no averaged stage times)
        median = warm[len(warm) // 2]
        print(report(f"warm (median of {len(warm)})", median, kb))


if __name__ == "__main__":
    main()
