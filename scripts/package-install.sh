#!/usr/bin/env bash
# The package as a user gets it: builds the .deb (scripts/package.sh), installs it with apt-get,
# and runs the installed `gouji` on a copy of the seed outside the build tree (no Swift toolchain
# paths involved: the runtime is static, the lexicons embedded). Needs root or sudo for apt-get;
# fails, never skips, without them. Leaves the package removed.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if [ -n "$SUDO" ] && ! sudo -n true 2>/dev/null; then
  echo "package-install: FAIL installing the .deb needs root or passwordless sudo"; exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"; $SUDO dpkg -r gouji >/dev/null 2>&1 || true' EXIT
deb=$(bash scripts/package.sh "$out" 2>"$out/build.log" | tail -n1) || { tail -n 20 "$out/build.log"; exit 1; }
chmod 755 "$out"; chmod 644 "$deb"   # apt's sandbox user must read it
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$deb" >"$out/apt.log" 2>&1 \
  || { tail -n 20 "$out/apt.log"; echo "package-install: FAIL apt-get install $deb"; exit 1; }
fail=0
where=$(mktemp -d)
cp Corpus/seed/yueyang-2021-keji.txt Corpus/seed/yueyang-2021-keji.docx "$where/"
# Outside the repository, with the toolchain out of PATH and LD_LIBRARY_PATH.
set +e
(cd "$where" && env -i PATH=/usr/bin:/bin HOME="$where" /usr/bin/gouji check --format json yueyang-2021-keji.docx >"$where/out.json" 2>"$where/err")
rc=$?
set -e
errors=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(1 for f in d["documents"][0]["findings"] if f["severity"]=="error"))' "$where/out.json" 2>/dev/null || echo "?")
[ "$rc" = 1 ] && [ "$errors" = 6 ] || { echo "package-install: FAIL installed gouji on the seed: exit $rc, $errors errors (expected 1 and 6)"; cat "$where/err"; fail=1; }
ldd /usr/bin/gouji | grep -q "libswift\|libFoundation" && { echo "package-install: FAIL the binary loads the Swift runtime dynamically"; fail=1; }
[ -f /usr/share/man/man1/gouji.1.gz ] && [ -f /usr/share/man/man1/gouji.check.1.gz ] || { echo "package-install: FAIL man pages missing"; ls /usr/share/man/man1 | grep gouji; fail=1; }
[ -s /usr/share/bash-completion/completions/gouji ] || { echo "package-install: FAIL bash completion missing"; fail=1; }
depends=$(dpkg-deb -f "$deb" Depends)
rm -rf "$where"
[ "$fail" = 0 ] || exit 1
echo "package-install: $(basename "$deb") ($(du -k "$deb" | cut -f1) KB) installed; the installed gouji finds the seed's 6 errors; Depends: $depends"
