"""Evaluate distance-claim checking on the dev set: claim recall, verdict accuracy, speed.

Usage::

    python benchmarks/distances.py [DOCS.jsonl] [--claims CLAIMS.jsonl] [--pred OUT.jsonl]
                                   [--oracle-places] [--show-errors]

Runs :func:`controlmap.distances.verify_distances` on every document (one JSON object a
line with ``id`` and ``text``), writes one JSON line per document (the list of claim dicts,
as ``controlmap verify --format json`` would print them) and, when the shared scorer exists,
prints its figures. Defaults point at ``../shared/eval/distances/`` beside the repository;
the texts are read from there and never copied.

``--oracle-places`` replaces the geoparser by the gold endpoints (located in the claim's
sentence by their text), to measure the claim parser and verdict logic on their own. That
figure reads the gold and is a diagnostic only, never the headline.

``--show-errors`` lists every gold claim whose verdict differs (matched by span overlap as
the scorer does): the gold verdict and endpoints beside the predicted ones and the reason,
to tell geoparser misses (a wrong or missing endpoint) from claim-logic errors.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from controlmap.article import Article
from controlmap.distances import claim_to_dict, find_claims, check_claim, verify_distances
from controlmap.gazetteer import GazetteerEntry, open_gazetteer
from controlmap.geoparse import Place
from controlmap.text import split_sentences

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval" / "distances"
SCORER = REPO.parent / "shared" / "tools" / "score_distances.py"


def oracle_places(doc: dict, gold: list[dict]) -> list[Place]:
    """Places built from the gold endpoints of ``doc``'s claims (diagnostic mode only)."""
    text = doc["text"]
    sentences = split_sentences(text)
    out: list[Place] = []
    for claim in gold:
        for role in ("from", "to"):
            end = claim.get(role)
            if not end or not end.get("accept") or end.get("lat") is None:
                continue
            at = text.find(end["text"], claim["start"], claim["end"])
            if at < 0:  # nearest occurrence around the claim
                near = [i for i in range(max(0, claim["start"] - 300), min(len(text), claim["end"] + 300))
                        if text.startswith(end["text"], i)]
                at = min(near, key=lambda i: abs(i - claim["start"])) if near else -1
            if at < 0:
                continue
            sentence = next((s for s in sentences if s.start <= at < s.end), sentences[0])
            entry = GazetteerEntry(id=end["accept"][0], name=end.get("gazetteer_name") or end["text"], kind="city",
                                   country=None, admin1=None, lat=end["lat"], lon=end["lon"])
            out.append(Place(at, at + len(end["text"]), end["text"], entry, sentence, doc["id"], 1.0))
    unique = {(p.start, p.end): p for p in out}
    return sorted(unique.values(), key=lambda p: p.start)


def _endpoint(d: dict | None) -> str:
    """``text -> id`` of a predicted endpoint dict, or ``-``."""
    return f"{d['text']!r} -> {d['id']} {d['name']} ({d['kind']}, {d['country']})" if d else "-"


def show_errors(gold: list[dict], docs: list[dict], predictions: list[list[dict]]) -> None:
    """Print each gold claim whose predicted verdict differs, with both readings side by side."""
    by_doc = {doc["id"]: claims for doc, claims in zip(docs, predictions)}
    used: dict[str, set[int]] = {}
    for g in gold:
        taken = used.setdefault(g["doc_id"], set())
        cands = by_doc.get(g["doc_id"], [])
        hit = next((i for i, p in enumerate(cands)
                    if i not in taken and p["start"] < g["end"] and g["start"] < p["end"]), None)
        if hit is not None:
            taken.add(hit)
        p = cands[hit] if hit is not None else None
        if p is not None and p["verdict"] == g["verdict"]:
            continue
        gold_ends = " / ".join(f"{(g.get(r) or {}).get('text')!r} {((g.get(r) or {}).get('accept') or ['-'])[0]}"
                               for r in ("from", "to"))
        print(f"- {g['doc_id']}: {' '.join(g['claim_text'].split())!r}")
        print(f"    gold {g['verdict']} ({g['kind']}, {g.get('geodesic_km')} km): {gold_ends}")
        if p is None:
            print("    predicted: (missed)")
            continue
        print(f"    predicted {p['verdict']} ({p['kind']}, {p['geodesic_km']} km): {p['reason']}")
        print(f"    from {_endpoint(p['from_place'])}; to {_endpoint(p['to_place'])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("docs", nargs="?", default=str(EVAL / "docs.dev.jsonl"))
    parser.add_argument("--claims", default=None, help="gold claims (default: claims.dev.jsonl beside DOCS)")
    parser.add_argument("--pred", default=None, help="where to write predictions (default: /tmp/...)")
    parser.add_argument("--oracle-places", action="store_true", help="use gold endpoints instead of geoparse")
    parser.add_argument("--show-errors", action="store_true", help="list the gold claims whose verdict differs")
    args = parser.parse_args(argv)

    docs_path = Path(args.docs)
    if not docs_path.exists():
        print(f"{docs_path}: not found (the shared eval data is absent)", file=sys.stderr)
        return 2
    claims_path = Path(args.claims) if args.claims else docs_path.with_name(docs_path.name.replace("docs", "claims"))
    if "holdout" in str(docs_path) and args.oracle_places:
        print("refusing --oracle-places on holdout texts", file=sys.stderr)
        return 2
    pred_path = Path(args.pred or f"/tmp/controlmap-distances-{'oracle' if args.oracle_places else 'pred'}.jsonl")
    docs = [json.loads(line) for line in docs_path.open(encoding="utf-8") if line.strip()]
    gold: list[dict] = []
    if claims_path.exists():
        gold = [json.loads(line) for line in claims_path.open(encoding="utf-8") if line.strip()]

    gazetteer = open_gazetteer()  # opened (and built) before the clock starts
    verdicts: Counter[str] = Counter()
    predictions: list[list[dict]] = []
    total_bytes = 0
    started = time.perf_counter()
    with pred_path.open("w", encoding="utf-8") as out:
        for doc in docs:
            article = Article(text=doc["text"], source=doc["id"])
            total_bytes += len(doc["text"].encode("utf-8"))
            if args.oracle_places:
                places = oracle_places(doc, [g for g in gold if g["doc_id"] == doc["id"]])
                found = find_claims(article, places, gazetteer=gazetteer)
                claims = [check_claim(c, gazetteer=gazetteer) for c in found]
            else:
                claims = verify_distances(article, gazetteer=gazetteer)
            verdicts.update(c.verdict for c in claims)
            predictions.append([claim_to_dict(c) for c in claims])
            out.write(json.dumps(predictions[-1], sort_keys=True) + "\n")
    elapsed = time.perf_counter() - started

    mode = "oracle places (diagnostic)" if args.oracle_places else "geoparse"
    print(f"docs: {len(docs)}  claims predicted: {sum(verdicts.values())}  mode: {mode}")
    print(f"verdicts predicted: {dict(sorted(verdicts.items()))}")
    print(f"throughput: {total_bytes / 1024 / elapsed:.1f} KB/s ({total_bytes / 1024:.0f} KB in {elapsed:.2f} s)")
    print(f"predictions: {pred_path}")
    if gold and SCORER.exists():
        result = subprocess.run([sys.executable, str(SCORER), str(claims_path), str(docs_path), str(pred_path)],
                                capture_output=True, text=True, check=False)
        if result.returncode != 0:
            print(result.stderr.strip(), file=sys.stderr)
            return 1
        scores = json.loads(result.stdout)
        print(f"claim recall: {scores['recall']}  ({scores['found']}/{scores['gold_claims']})")
        print(f"verdict accuracy (found): {scores['verdict_accuracy']}  of all gold: {scores['verdict_right_of_all']}")
        print(f"geodesic agreement: {scores['geodesic_agreement']}  unlisted predictions: {scores['unlisted_predictions']}")
        print("confusion (gold -> predicted):")
        for key, n in scores["confusion"].items():
            print(f"  {key}: {n}")
    elif not SCORER.exists():
        print(f"scorer {SCORER} not found: no scores", file=sys.stderr)
    if args.show_errors and gold:
        print("verdicts that differ from the gold:")
        show_errors(gold, docs, predictions)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
