#!/usr/bin/env bash
# Subsets Debian's Noto Sans CJK SC (OFL-1.1) to the characters the app can show: every character
# in data/*.json and in the program's own strings (src/), plus ASCII, CJK punctuation and
# full-width forms. The font is fetched at run time (assets/ui-font.otf), so new data with new
# characters needs only this step (`make font`), never a C++ rebuild. Skips work when the
# character set is unchanged.
# Usage: tools/subset-font.sh <out-dir>
set -euo pipefail
out=${1:?usage: subset-font.sh <out-dir>}
top=$(cd "$(dirname "$0")/.." && pwd)
font=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
index=2   # Noto Sans CJK SC inside the collection
[ -f "$font" ] || { echo "subset-font: $font missing (apt-get install fonts-noto-cjk, or run tools/install-deps.sh)" >&2; exit 1; }
command -v pyftsubset >/dev/null || { echo "subset-font: pyftsubset missing (apt-get install fonttools)" >&2; exit 1; }

mkdir -p "$out"
chars="$out/ui-font.chars.txt"
# Every non-ASCII character of the inputs, one line, sorted and unique (Debian's python3: stable).
/usr/bin/python3 - "$top" >"$chars.new" <<'PY'
import sys, pathlib
top = pathlib.Path(sys.argv[1])
files = sorted(top.glob('data/*.json')) + sorted(top.glob('src/**/*.cpp')) + sorted(top.glob('src/**/*.h'))
seen = set()
for f in files:
    seen.update(c for c in f.read_text(encoding='utf-8', errors='replace') if ord(c) > 0x7e)
print(''.join(sorted(seen)))
PY
if [ -f "$out/ui-font.otf" ] && cmp -s "$chars" "$chars.new"; then rm "$chars.new"; exit 0; fi
mv "$chars.new" "$chars"
pyftsubset "$font" --font-number=$index --text-file="$chars" \
  --unicodes=U+0020-007E,U+00A0-00FF,U+2010-2027,U+2030-205E,U+2190-2193,U+25A0-25CF,U+3000-303F,U+FF01-FF5E \
  --layout-features= --no-hinting --drop-tables+=DSIG --notdef-outline --name-IDs='*' \
  --output-file="$out/ui-font.otf"
echo "subset-font: $(wc -m <"$chars") characters -> $out/ui-font.otf ($(stat -c %s "$out/ui-font.otf") bytes)"
