"""Benchmark control-event extraction on the control/ evaluation set.

Runs :func:`controlmap.events.extract_events` on every document, writes one JSON line of
events per document (what ``controlmap events --format json`` prints), then scores the
file with the shared scorer when it is there, and prints throughput.

Usage (from the repository root)::

    python benchmarks/events.py [--docs D] [--events E] [--not-events N] [--scorer S] [--pred OUT]

Defaults point at ``../shared/eval/control/*.dev.jsonl``; only dev sets should be used to
tune. The texts are read in place, never copied into the repository.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=SHARED / "eval/control/docs.dev.jsonl")
    parser.add_argument("--events", type=Path, default=SHARED / "eval/control/events.dev.jsonl")
    parser.add_argument("--not-events", type=Path, default=SHARED / "eval/control/not_events.dev.jsonl")
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools/score_events.py")
    parser.add_argument("--pred", type=Path, default=Path("/tmp/controlmap-events.pred.jsonl"))
    parser.add_argument("--show", action="store_true", help="print every predicted event")
    args = parser.parse_args(argv)
    if not args.docs.is_file():
        print(f"no documents at {args.docs}: nothing to benchmark", file=sys.stderr)
        return 2

    from controlmap.article import article_from_text, parse_date
    from controlmap.errors import DateError
    from controlmap.events import event_to_dict, extract_events
    from controlmap.geoparse import geoparse

    docs = [json.loads(line) for line in args.docs.open(encoding="utf-8") if line.strip()]
    # Warm the gazetteer and actor registry once so the timing below is per-document work.
    extract_events(article_from_text("Rebels captured Aleppo.", source="warm-up"))
    chars = 0
    geoparse_s = extract_s = 0.0
    n_events = 0
    undated = []
    with args.pred.open("w", encoding="utf-8") as out:
        for doc in docs:
            try:
                published = parse_date(doc.get("published"))
            except DateError:
                # a month ("2009-01") or a span is no day to resolve "on Wednesday" against
                published = None
                undated.append(f"{doc['id']}: {doc.get('published')!r}")
            article = article_from_text(doc["text"], source=doc["id"], published=published)
            chars += len(article.text)
            t0 = time.perf_counter()
            places = geoparse(article)
            t1 = time.perf_counter()
            events = extract_events(article, places)
            t2 = time.perf_counter()
            geoparse_s += t1 - t0
            extract_s += t2 - t1
            n_events += len(events)
            rows = [event_to_dict(e) for e in events]
            out.write(json.dumps(rows, ensure_ascii=False) + "\n")
            if args.show:
                for r in rows:
                    print(f"{doc['id']:<18} {r['change']:<9} {r['side']:<22} {r['place_text'][:40]!r:<44} "
                          f"{r['id'] or '-':<18} {r['date']} {r['date_precision']}")
    print(f"documents {len(docs)}, events {n_events}, predictions written to {args.pred}")
    if undated:
        print(f"read without a publication date (not a day): {'; '.join(undated)}")
    print(f"throughput: geoparse {chars / 1e3 / max(geoparse_s, 1e-9):.1f} KB/s, "
          f"event extraction {chars / 1e3 / max(extract_s, 1e-9):.1f} KB/s "
          f"({chars} characters, {geoparse_s:.2f} s + {extract_s:.2f} s)")
    if args.scorer.is_file() and args.events.is_file():
        command = [sys.executable, str(args.scorer), str(args.events), str(args.docs), str(args.pred)]
        if args.not_events.is_file():
            command.append(str(args.not_events))
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        print(result.stdout.strip() or result.stderr.strip())
        return result.returncode
    print(f"no scorer at {args.scorer} or no gold events at {args.events}: predictions written, not scored")
    return 0


if __name__ == "__main__":
    sys.exit(main())
