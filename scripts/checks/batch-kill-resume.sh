#!/usr/bin/env bash
# Kills a real `gouji batch` with SIGKILL at random moments, restarts it, and checks with Python's
# sqlite3 that the store ends up exactly as after one uninterrupted run: every report once, the
# same figures and findings, content hashes equal to hashlib's SHA-256, and the skip-on-rerun.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build >/dev/null
BIN="$(swift build --show-bin-path)/gouji"
N="${BATCH_CHECK_REPORTS:-150}"  # ~2 min budget in scripts/test.sh on a loaded 2-core machine
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

python3 scripts/make-archive.py "$TMP/archive" "$N" >/dev/null

run() { # run DB [extra args…] → prints the exit code
  local db="$1"; shift
  set +e; "$BIN" batch "$TMP/archive" --db "$db" --quiet --format jsonl "$@" >"$TMP/out.jsonl"; local rc=$?; set -e
  echo "$rc"
}

# The reference: one uninterrupted run, timed (the kills below fall within its duration).
started=$(date +%s.%N)
rc=$(run "$TMP/clean.sqlite")
duration=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$started" "$(date +%s.%N)")
[ "$rc" = 1 ] || { echo "batch-kill-resume: expected exit 1 (the archive has unreadable files, recorded), got $rc"; exit 1; }
lines=$(wc -l <"$TMP/out.jsonl")

# Three runs killed with SIGKILL after a random delay each, then one run to the end. The delays
# are drawn from 15–75 % of the uninterrupted run's duration, so that a faster build or machine
# still gets killed in the middle of its work; at least one run must be.
killed=0
for attempt in 1 2 3; do
  delay=$(python3 -c 'import random, sys; print(round(random.uniform(0.15, 0.75) * float(sys.argv[1]), 2))' "$duration")
  "$BIN" batch "$TMP/archive" --db "$TMP/killed.sqlite" --quiet >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then state=killed; killed=$((killed + 1)); else state="had finished"; fi
  wait "$pid" 2>/dev/null || true
  stored=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from documents").fetchone()[0])' "$TMP/killed.sqlite" 2>/dev/null || echo 0)
  echo "batch-kill-resume: attempt $attempt $state after ${delay}s with $stored documents stored"
done
[ "$killed" -ge 1 ] || { echo "batch-kill-resume: no run was killed before it finished (uninterrupted run: ${duration}s)"; exit 1; }
rc=$(run "$TMP/killed.sqlite")
[ "$rc" = 1 ] || { echo "batch-kill-resume: resumed run exited $rc, expected 1"; exit 1; }

python3 - "$TMP" "$N" "$lines" <<'PY'
import hashlib, json, os, sqlite3, sys
tmp, n, clean_lines = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
archive = os.path.join(tmp, "archive")
manifest = json.load(open(os.path.join(archive, ".manifest.json"), encoding="utf-8"))
expected = sorted(os.path.join(archive, f["path"]) for f in manifest["files"])
assert len(expected) == n + manifest["unreadable"] + manifest.get("hostile", 0), (len(expected), n)
assert clean_lines == len(expected), f"jsonl lines {clean_lines} != files {len(expected)}"

def contents(db):
    c = sqlite3.connect(db)
    assert c.execute("pragma integrity_check").fetchone()[0] == "ok"
    docs = c.execute("select path, content_hash, size, family, template_confidence, status, error, rules_version,"
                     " errors, warnings, infos from documents order by path").fetchall()
    figures = c.execute('select d.path, f.seq, f.text, f.value, f.unit, f.kind, f.line, f."column", f."start", f."end",'
                        ' f.subject, f.in_table from figures f join documents d on d.id = f.document_id order by d.path, f.seq').fetchall()
    findings = c.execute("select d.path, f.seq, f.rule, f.severity, f.message, f.figures, f.suggestions"
                         " from findings f join documents d on d.id = f.document_id order by d.path, f.seq").fetchall()
    runs = c.execute("select id, finished, checked, skipped from runs order by id").fetchall()
    return docs, figures, findings, runs

clean, killed = contents(os.path.join(tmp, "clean.sqlite")), contents(os.path.join(tmp, "killed.sqlite"))
paths = [d[0] for d in killed[0]]
assert len(paths) == len(set(paths)), "a document is stored twice"
assert paths == expected, f"stored {len(paths)} documents, archive has {len(expected)}; missing {sorted(set(expected) - set(paths))[:3]}"
for path, digest, size, *_ in killed[0]:
    data = open(path, "rb").read()
    assert digest == hashlib.sha256(data).hexdigest() and size == len(data), path
assert killed[0] == clean[0], "document rows differ from the uninterrupted run"
assert len(killed[1]) == len(clean[1]) and killed[1] == clean[1], f"figures: {len(killed[1])} vs {len(clean[1])}"
assert len(killed[2]) == len(clean[2]) and killed[2] == clean[2], f"findings: {len(killed[2])} vs {len(clean[2])}"
# Each document was checked exactly once overall: the killed runs never finished, so the final
# run checked exactly what they had not committed, and skipped the rest.
final = killed[3][-1]
assert final[1] is not None
print(f"batch-kill-resume: ok — {len(paths)} documents once each, {len(killed[1])} figures and {len(killed[2])} findings "
      f"as in the uninterrupted run; the resumed run checked {final[2]} and skipped {final[3]}")
PY

# A rerun of a complete store checks nothing.
rc=$(run "$TMP/killed.sqlite")
[ "$rc" = 1 ] || { echo "batch-kill-resume: rerun exited $rc, expected 1"; exit 1; }
[ ! -s "$TMP/out.jsonl" ] || { echo "batch-kill-resume: the rerun re-checked documents"; exit 1; }
echo "batch-kill-resume: rerun skipped everything"
