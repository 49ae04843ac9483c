#!/usr/bin/env bash
# Batch on a terminal and on Ctrl-C, as a person sees it: on a pseudo-terminal the progress bar
# is redrawn in place and never glued to an output line; without a terminal there is no
# progress; SIGINT ends the run with exit 130 and one summary line, the store marks the run
# interrupted, and running again completes the sweep. Builds nothing (scripts/test.sh builds).
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="${GOUJI_BIN:-$(swift build --show-bin-path)/gouji}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
python3 scripts/make-archive.py "$TMP/archive" 300 >/dev/null

python3 - "$BIN" "$TMP" <<'PY'
import os, pty, re, signal, sqlite3, subprocess, sys, time
bin, tmp = sys.argv[1], sys.argv[2]
archive = os.path.join(tmp, "archive")
fail = []

# 1. On a terminal: output lines (one per document with findings) and the bar share the screen.
pid, fd = pty.fork()
if pid == 0:
    os.execv(bin, [bin, "batch", archive, "--db", os.path.join(tmp, "tty.sqlite"), "--jobs", "2"])
out = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
os.waitpid(pid, 0)
screen = out.decode("utf-8", "replace").replace("\r\n", "\n")   # the pty turns \n into \r\n
# What the terminal shows: each \r returns to the start of the line, \x1b[K clears the rest.
lines = []
for raw in screen.split("\n"):
    shown = raw.split("\r")[-1].replace("\x1b[K", "")
    lines.append(shown)
glued = [l for l in lines if archive in l and ("░" in l or "█" in l or "份/秒" in l)]
if glued:
    fail.append(f"progress bar glued to {len(glued)} output line(s), e.g. {glued[0][:120]!r}")
if "\r" not in screen or "份/秒" not in screen:
    fail.append("no progress bar redrawn on the terminal")
if not any(archive in l for l in lines):
    fail.append("no output line on the terminal")

# 2. Without a terminal: no progress on stderr, only the closing summary.
p = subprocess.run([bin, "batch", archive, "--db", os.path.join(tmp, "pipe.sqlite")], capture_output=True, text=True)
err = p.stderr.strip().splitlines()
if len(err) != 1 or "份/秒" in p.stderr:
    fail.append(f"without a terminal stderr should be one summary line, got {len(err)}: {err[:2]}")

# 3. Ctrl-C once some documents are committed.
db = os.path.join(tmp, "int.sqlite")
proc = subprocess.Popen([bin, "batch", archive, "--db", db, "--jobs", "1", "--batch-size", "5"],
                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
deadline = time.time() + 60
while time.time() < deadline:
    try:
        if sqlite3.connect(db).execute("select count(*) from documents").fetchone()[0] >= 5:
            break
    except sqlite3.Error:
        pass
    time.sleep(0.05)
proc.send_signal(signal.SIGINT)
_, err = proc.communicate(timeout=60)
runs = sqlite3.connect(db).execute("select finished is not null, interrupted from runs").fetchall()
stored = sqlite3.connect(db).execute("select count(*) from documents").fetchone()[0]
total = len([f for _, _, fs in os.walk(archive) for f in fs])
if proc.returncode != 130:
    fail.append(f"Ctrl-C: exit {proc.returncode}, expected 130 (stderr: {err.strip()[:200]})")
if len(err.strip().splitlines()) != 1 or "已中断" not in err:
    fail.append(f"Ctrl-C: expected one summary line saying 已中断, got {err.strip().splitlines()}")
if runs != [(1, 1)]:
    fail.append(f"Ctrl-C: the run should be finished and marked interrupted, got {runs}")
if not 0 < stored < total:
    fail.append(f"Ctrl-C: expected part of the archive stored, got {stored} of {total} files")
# 4. Running again completes the sweep.
p = subprocess.run([bin, "batch", archive, "--db", db], capture_output=True, text=True)
runs = sqlite3.connect(db).execute("select interrupted from runs order by id").fetchall()
if p.returncode != 1 or runs != [(1,), (0,)]:
    fail.append(f"resume: exit {p.returncode} (1 expected: the archive has errors), runs {runs}")

for f in fail:
    print("batch-interrupt: FAIL " + f)
if fail:
    sys.exit(1)
print(f"batch-interrupt: terminal bar in place, no progress without a terminal, Ctrl-C → 130 with {stored} of {total} files committed, resumed")
PY
