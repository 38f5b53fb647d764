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
# The extended font: every character of GB2312 (7,445: the 6,763 hanzi of everyday and
# place-name use plus symbols), for datasets loaded at run time whose characters the subset
# above lacks (the app fetches it only then). Independent of the data: made once.
if [ ! -f "$out/ui-font-ext.otf" ]; then
  /usr/bin/python3 -c '
chars = set()
for b1 in range(0xA1, 0xF8):
    for b2 in range(0xA1, 0xFF):
        try: chars.add(bytes([b1, b2]).decode("gb2312"))
        except UnicodeDecodeError: pass
print("".join(sorted(chars)))' >"$out/ui-font-ext.chars.txt"
  pyftsubset "$font" --font-number=$index --text-file="$out/ui-font-ext.chars.txt" --unicodes=U+0020-007E \
    --layout-features= --no-hinting --drop-tables+=DSIG --notdef-outline --output-file="$out/ui-font-ext.otf"
  rm "$out/ui-font-ext.chars.txt"
  echo "subset-font: GB2312 -> $out/ui-font-ext.otf ($(stat -c %s "$out/ui-font-ext.otf") bytes)"
fi
if [ -f "$out/ui-font.otf" ] && cmp -s "$chars" "$chars.new"; then rm "$chars.new"; exit 0; fi
mv "$chars.new" "$chars"
pyftsubset "$font" --font-number=$index --text-file="$chars" \
  --unicodes=U+0020-007E,U+00A0-00FF,U+2010-2027,U+2030-205E,U+2190-2193,U+25A0-25CF,U+3000-303F,U+FF01-FF5E \
  --layout-features= --no-hinting --drop-tables+=DSIG --notdef-outline --name-IDs='*' \
  --output-file="$out/ui-font.otf"
echo "subset-font: $(wc -m <"$chars") characters -> $out/ui-font.otf ($(stat -c %s "$out/ui-font.otf") bytes)"
