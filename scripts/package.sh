#!/usr/bin/env bash
# Builds the installable package: a release `gouji` with the Swift runtime linked statically
# (--static-swift-stdlib; lexicons are embedded at build time), its man pages (generated from the
# argument parser's generate-manual tool, run on the binary) and shell completions, as a .deb made with
# dpkg-deb that depends only on the Debian packages of the shared libraries the binary loads
# (ICU, PCRE2, SQLite, libxml2 and libc's family), found with ldd and dpkg -S.
#
#     bash scripts/package.sh [OUTDIR]      → OUTDIR/gouji_VERSION_ARCH.deb (default: .build/package)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build/package}
scratch=.build/static
mkdir -p "$out"
swift build -c release --static-swift-stdlib --product gouji --scratch-path "$scratch" >&2
bin="$scratch/release/gouji"
version=$("$bin" --version)
arch=$(dpkg --print-architecture)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

install -Dm755 "$bin" "$root/usr/bin/gouji"
bin="$root/usr/bin/gouji"
# Man pages: one per command, from the same help texts as --help. argument-parser's
# generate-manual tool reads them from the binary itself (its GenerateManual plugin would build the
# whole package again in release mode, without the static flags).
swift build --product generate-manual --scratch-path .build/manual >&2
mkdir -p "$root/man"
.build/manual/debug/generate-manual "$bin" --multi-page --output-directory "$root/man" --date "$(date -u +%Y-%m-%d)" >&2
mkdir -p "$root/usr/share/man/man1"
find "$root/man" -name '*.1' -exec gzip -9n {} \; -exec true \;
find "$root/man" -name '*.1.gz' -exec mv {} "$root/usr/share/man/man1/" \;
rm -rf "$root/man"
# Completions.
install -d "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" "$root/usr/share/fish/vendor_completions.d"
"$bin" --generate-completion-script bash >"$root/usr/share/bash-completion/completions/gouji"
"$bin" --generate-completion-script zsh >"$root/usr/share/zsh/vendor-completions/_gouji"
"$bin" --generate-completion-script fish >"$root/usr/share/fish/vendor_completions.d/gouji.fish"
install -Dm644 README.md "$root/usr/share/doc/gouji/README.md"

# Dependencies: the package of every shared library the binary loads directly (its NEEDED
# entries; their own dependencies come with those packages), at the installed version or later.
depends=()
while read -r lib; do
  real=$(readlink -f "$lib")
  pkg=$(dpkg -S "$real" 2>/dev/null | head -n1 | cut -d: -f1) || true
  [ -n "$pkg" ] || pkg=$(dpkg -S "$lib" 2>/dev/null | head -n1 | cut -d: -f1) || true
  [ -n "$pkg" ] || { echo "package.sh: no Debian package owns $lib" >&2; exit 1; }
  v=$(dpkg-query -W -f='${Version}' "$pkg")
  depends+=("$pkg (>= $v)")
done < <(needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); ldd "$bin" | awk -v n="$needed" 'BEGIN { split(n, a, "\n"); for (i in a) want[a[i]] = 1 } /=> \// && ($1 in want) {print $3}' | sort -u)
dep=$(printf '%s\n' "${depends[@]}" | sort -u | paste -sd, - | sed 's/,/, /g')
size=$(du -sk "$root" | cut -f1)
mkdir -p "$root/DEBIAN"
cat >"$root/DEBIAN/control" <<CONTROL
Package: gouji
Version: $version
Architecture: $arch
Maintainer: Gouji developers <gouji@localhost>
Installed-Size: $size
Depends: $dep
Recommends: libreoffice-writer-nogui, libreoffice-calc-nogui
Section: utils
Priority: optional
Description: cross-checks the figures of Chinese performance self-evaluation reports
 勾稽 reads 绩效自评报告 (Word, Excel, text, web pages), extracts every figure and checks
 totals against parts, tables against narrative, targets against actuals, scores against
 grades and dates against the project period, with the arithmetic and a suggested fix.
CONTROL
deb="$out/gouji_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$root" "$deb" >&2
echo "$deb"
