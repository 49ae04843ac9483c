#!/usr/bin/env bash
# Every exit code README promises, for every command: 0 clean, 1 findings at or above --fail-on
# (batch: findings or unreadable files recorded), 2 a usage mistake, a configuration error or an
# unreadable input (batch: only a run that could not be done). A mistake is one line on stderr,
# never a dump. Builds nothing: run `swift build` first (scripts/test.sh does).
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
gouji=${GOUJI_BIN:-$root/.build/debug/gouji}
[ -x "$gouji" ] || { echo "exit-codes: $gouji is not built (run swift build)" >&2; exit 1; }
tmp=$(mktemp -d)
# Reasons are matched in English (GOUJI_LANG=en); one line checks the Chinese default.
export GOUJI_LANG=en
trap 'rm -rf "$tmp"' EXIT

seed=$root/Corpus/seed/yueyang-2021-keji.txt
seed_docx=$root/Corpus/seed/yueyang-2021-keji.docx
clean=$tmp/clean.txt
printf '本项目年度预算资金100万元，实际支出100万元，预算执行率100%%。\n' > "$clean"
mkdir -p "$tmp/archive/ok" "$tmp/archive/bad" "$tmp/cleanarchive" "$tmp/cfg" "$tmp/unwritable"
cp "$seed" "$tmp/archive/ok/seed.txt"
printf '\x89PNG\r\n\x1a\n' > "$tmp/archive/bad/image.txt"
cp "$clean" "$tmp/cleanarchive/clean.txt"
cp "$seed" "$tmp/cfg/report.txt"
printf 'rules:\n  N09: of\n' > "$tmp/cfg/.gouji.yaml"
chmod 500 "$tmp/unwritable"

failed=0 checked=0
# expect CODE STDERR-PATTERN (a grep -E pattern on the whole stderr, or - for any) -- command…
expect() {
  local want=$1 pattern=$2; shift 3
  local err=$tmp/stderr out=$tmp/stdout
  "$gouji" "$@" >"$out" 2>"$err" <"${STDIN:-/dev/null}"
  local rc=$?
  checked=$((checked + 1))
  local why=""
  [ "$rc" = "$want" ] || why="exit $rc, expected $want"
  if [ -z "$why" ] && [ "$pattern" != - ] && ! grep -Eq "$pattern" "$err"; then why="stderr does not match /$pattern/"; fi
  if [ -z "$why" ] && grep -q "Fatal error\|Stack dump\|DecodingError\|Swift.Error" "$err"; then why="stderr holds a dump"; fi
  if [ -n "$why" ]; then
    failed=$((failed + 1))
    echo "FAIL gouji $*: $why"; sed 's/^/    stderr: /' "$err" | head -5
  else
    echo "ok   $want gouji $*"
  fi
}

# check
expect 0 - -- check "$clean"
expect 1 - -- check "$seed"
expect 1 - -- check "$seed" --fail-on error --config /dev/null --format json -o "$tmp/o.json" --lang en --lexicons "$root/Lexicons"
expect 1 - -- check "$seed_docx" --fail-on warning
expect 2 '^gouji: .*: no such file$' -- check "$tmp/missing.txt" --lang en
GOUJI_LANG=zh expect 2 '^gouji: .*: 文件不存在$' -- check "$tmp/missing.txt"
expect 2 '^gouji: .*image.txt: not a text report' -- check "$tmp/archive/bad/image.txt"
expect 2 'format' -- check --format yaml "$seed"
expect 2 'fail-on' -- check --fail-on warn "$seed"
expect 2 'no input files' -- check
expect 2 'no such directory' -- check --lexicons "$tmp/nonexistent" "$seed"
expect 2 '\.gouji\.yaml:2: level for N09 must be .*did you mean off' -- check "$tmp/cfg/report.txt"
expect 2 'no such configuration file' -- check --config "$tmp/none.yaml" "$seed"
# standard input and folders
STDIN=$seed expect 1 - -- check - --stdin-name seed.txt
STDIN=$clean expect 0 - -- check -
expect 1 - -- check "$tmp/archive/ok"
expect 2 'no reports in this folder' -- check "$tmp/unwritable"
# baselines: recorded findings are not reported, so the seed passes against its own baseline
expect 0 'recorded in|记入基线' -- baseline "$seed" -o "$tmp/baseline.json"
expect 0 - -- check "$seed" --baseline "$tmp/baseline.json"
expect 1 - -- check "$seed_docx" --baseline "$tmp/baseline.json"
expect 2 'no such baseline file' -- check "$seed" --baseline "$tmp/none.json"
expect 2 'not a gouji baseline' -- check "$seed" --baseline "$clean"
expect 2 '^gouji: .*: no such file$' -- baseline "$tmp/missing.txt" -o "$tmp/b2.json"
# a misspelt subcommand and an unknown option
expect 2 - -- chek "$seed"
expect 2 - -- check --colour "$seed"
# extract, facts, dump
for cmd in extract facts dump; do
  expect 0 - -- "$cmd" "$seed"
  expect 2 '^gouji: .*: no such file$' -- "$cmd" "$tmp/missing.txt"
  expect 2 - -- "$cmd" --format yaml "$seed"
done
# fix: findings do not make it fail; it writes the fixed copy
expect 0 - -- fix "$seed" -o "$tmp/fixed.txt"
expect 2 '^gouji: .*: no such file$' -- fix "$tmp/missing.txt"
GOUJI_LANG=zh expect 0 '修订' -- fix "$seed_docx" -o "$tmp/fixed.docx"
expect 2 'needs -o|需用 -o' -- fix "$seed_docx"
# annotate
expect 0 - -- annotate "$seed_docx" -o "$tmp/annotated.docx"
expect 2 '^gouji: .*: no such file$' -- annotate "$tmp/missing.docx" -o "$tmp/a.docx"
expect 2 - -- annotate "$seed_docx"
# rules
expect 0 - -- rules
expect 0 - -- rules --lang en --format markdown
expect 2 - -- rules --format yaml
# batch: 0 clean, 1 findings or unreadable files recorded, 2 the run could not be done
expect 0 - -- batch "$tmp/cleanarchive" --db "$tmp/clean.sqlite" --quiet
expect 1 - -- batch "$tmp/archive" --db "$tmp/audit.sqlite" --quiet
expect 1 - -- batch "$tmp/archive" --db "$tmp/audit.sqlite" --quiet
expect 2 'cannot (open|write) the audit store' -- batch "$tmp/archive" --db "$tmp/unwritable/sub/audit.sqlite" --quiet
expect 2 - -- batch --db "$tmp/x.sqlite"
expect 2 '\.gouji\.yaml:2: level for N09' -- batch "$tmp/cleanarchive" --db "$tmp/c2.sqlite" --config "$tmp/cfg/.gouji.yaml" --quiet
# report
expect 0 - -- report --db "$tmp/audit.sqlite" --format csv -o "$tmp/report.csv"
expect 2 - -- report --db "$tmp/audit.sqlite" --format yaml

echo "exit-codes: $checked checked, $failed failed"
[ "$failed" = 0 ]
