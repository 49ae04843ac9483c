#!/usr/bin/env python3
"""Measures Gouji on Corpus/real: real reports nobody here wrote, each with a hand-checked
NAME.expected.yaml (see Corpus/real/README.md).

    python3 scripts/corpus/real_eval.py [--gouji .build/release/gouji] [--half tune|holdout|all] [--verbose]

A finding at warning level or above is *true* when it touches the line of a listed inconsistency
(one of its figures or locations is on that line); a finding on the line of a `doubtful` relation
is neither true nor false; every other one is false. Prints, per half: error precision, errors on
clean reports, warnings per clean report, recall of the definite inconsistencies (caught at warning
or above), and each false finding with its message when --verbose.
"""
import argparse
import json
import os
import subprocess
import sys

import yaml

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))


def lines_of(finding):
    out = set()
    for f in finding.get("figures", []):
        if "line" in f:
            out.add(f["line"])
    for loc in finding.get("locations", []):
        if "line" in loc:
            out.add(loc["line"])
    return out


def evaluate(gouji, half, verbose):
    folder = os.path.join(ROOT, "Corpus", "real", half)
    names = sorted(n[:-4] for n in os.listdir(folder) if n.endswith(".txt"))
    stats = dict(reports=0, clean=0, errors=0, true_errors=0, clean_errors=0, clean_warnings=0,
                 warnings=0, true_warnings=0, definite=0, caught=0)
    falses, misses = [], []
    for name in names:
        expected = yaml.safe_load(open(os.path.join(folder, name + ".expected.yaml"), encoding="utf-8"))
        path = os.path.join(folder, name + ".txt")
        run = subprocess.run([gouji, "check", "--format", "json", path], capture_output=True, text=True)
        doc = json.loads(run.stdout)["documents"][0]
        incons = expected.get("inconsistencies") or []
        doubtful = {d["line"] for d in (expected.get("doubtful") or []) if "line" in d}
        true_lines = {x["line"] for x in incons}
        clean = not incons
        stats["reports"] += 1
        stats["clean"] += clean
        stats["definite"] += len(incons)
        loud = [f for f in doc.get("findings", []) if f["severity"] in ("error", "warning")]
        for x in incons:
            if any(x["line"] in lines_of(f) for f in loud):
                stats["caught"] += 1
            else:
                misses.append(f"{half}/{name}:{x['line']} {x.get('rule')} {x.get('figure')} — {x.get('arithmetic', '')}")
        for f in loud:
            ls = lines_of(f)
            true = bool(ls & true_lines)
            if not true and ls & doubtful:
                continue
            key = "errors" if f["severity"] == "error" else "warnings"
            stats[key] += 1
            if true:
                stats["true_" + key] += 1
            else:
                falses.append(f"{half}/{name}:{min(ls) if ls else 0} {f['rule']} {f['severity']}: {f['message']}")
                if clean:
                    stats["clean_errors" if key == "errors" else "clean_warnings"] += 1
    return stats, falses, misses


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gouji", default=os.path.join(ROOT, ".build", "release", "gouji"))
    ap.add_argument("--half", default="all", help="tune, holdout, fresh (any folder of Corpus/real) or all")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    halves = ["tune", "holdout"] if args.half == "all" else [args.half]
    results = {}
    for half in halves:
        s, falses, misses = evaluate(args.gouji, half, args.verbose)
        precision = s["true_errors"] / s["errors"] if s["errors"] else 1.0
        recall = s["caught"] / s["definite"] if s["definite"] else 1.0
        per_clean = s["clean_warnings"] / s["clean"] if s["clean"] else 0.0
        results[half] = dict(s, error_precision=round(precision, 3), recall=round(recall, 3),
                             warnings_per_clean=round(per_clean, 3))
        if not args.json:
            print(f"{half}: {s['reports']} reports ({s['clean']} clean), {s['definite']} definite inconsistencies")
            print(f"  error precision {s['true_errors']}/{s['errors']} = {precision:.3f}; errors on clean reports {s['clean_errors']}")
            print(f"  warnings {s['true_warnings']}/{s['warnings']} true; on clean reports {s['clean_warnings']} = {per_clean:.2f} per clean report")
            print(f"  recall {s['caught']}/{s['definite']} = {recall:.3f}")
            if args.verbose:
                for line in falses:
                    print("  FALSE " + line)
                for line in misses:
                    print("  MISS  " + line)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    sys.exit(main())
