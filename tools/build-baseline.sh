#!/usr/bin/env bash
# Builds the site of another commit (the benchmark's baseline) under a directory of its own, so
# `make bench` can measure it interleaved with the current build in the same run (timings on these
# machines vary up to 2x between days; a ratio to a baseline measured alongside does not).
# Cached: a second run with the same commit is instant. SDL2's wasm build is shared with this
# checkout (same package and emcc version); the baseline fetches its own Dear ImGui.
# Usage: tools/build-baseline.sh <commit> <dir>   -> <dir>/<sha>/build/site
set -euo pipefail
commit=${1:?usage: build-baseline.sh <commit> <dir>}
top=$(cd "$(dirname "$0")/.." && pwd)
sha=$(git -C "$top" rev-parse --short=12 "$commit^{commit}")
dir=$(mkdir -p "$2" && cd "$2" && pwd)/$sha
if [ -f "$dir/.complete" ]; then echo "$dir/build/site"; exit 0; fi
echo "build-baseline: building the site of $sha into $dir (once)" >&2
rm -rf "$dir"; mkdir -p "$dir/build/_deps"
git -C "$top" archive "$sha" | tar -x -C "$dir"
# Share the SDL2 source and wasm build (keyed by version in their names, as fetch-sources keys them).
for d in "$top"/build/_deps/libsdl2-* "$top"/build/_deps/sdl2-wasm-*; do
  [ -d "$d" ] && [ -f "$d/.complete" ] && ln -sfn "$d" "$dir/build/_deps/$(basename "$d")"
done
# A commit from before the move to Debian 13's ImGui asked for `imgui` unqualified, which with the
# trixie deb-src entry now fetches 1.90.1: seed its cache with Debian 12's 1.86, under the name
# its fetch-sources.sh looks for, so it builds what it was written against.
if ! grep -q 'imgui/trixie' "$dir/tools/fetch-sources.sh"; then
  ver=$(apt-get source --print-uris -q imgui/bookworm 2>/dev/null | sed -n 's/.* imgui_\([^ ]*\)\.dsc .*/\1/p' | head -n 1)
  first=$(apt-cache showsrc imgui 2>/dev/null | awk '/^Version:/{print $2; exit}')
  if [ -n "$ver" ]; then
    seed="$dir/build/_deps/imgui-${first//[:~+]/_}"
    rm -rf "$seed" "$seed.tmp"; mkdir -p "$seed.tmp"
    (cd "$seed.tmp" && apt-get source -q --download-only "imgui/bookworm" >/dev/null 2>&1 && dpkg-source -x --no-check ./*.dsc src >/dev/null)
    mv "$seed.tmp/src" "$seed"; rm -rf "$seed.tmp"; touch "$seed/.complete"
  fi
fi
(cd "$dir" && make --no-print-directory site >"$dir/build.log" 2>&1) || { tail -30 "$dir/build.log" >&2; exit 1; }
touch "$dir/.complete"
echo "$dir/build/site"
