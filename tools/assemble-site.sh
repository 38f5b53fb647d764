#!/usr/bin/env bash
# Assembles the static site from the web build, the page shell and the data:
#   <site>/index.html, style.css, app.js, jining-campaign.{js,wasm}, data/*.json, data/source/*,
#   assets/ui-font.otf (+ its licence). Relative URLs only, so the folder works under any path.
# Usage: tools/assemble-site.sh <web-build-dir> <site-dir>
set -euo pipefail
web=${1:?usage: assemble-site.sh <web-build-dir> <site-dir>}
site=${2:?}
top=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$site/data/source" "$site/assets"
# Start clean (files removed from web/ or data/ must not linger and be deployed or precached);
# keep only the subset font, which `make font` wrote just before and re-makes only on change.
find "$site" -mindepth 1 -path "$site/assets" -prune -o -type f -print0 | xargs -0 -r rm -f
for f in jining-campaign.js jining-campaign.wasm; do
  [ -f "$web/$f" ] || { echo "assemble-site: $web/$f missing: build the web target first (make web)" >&2; exit 1; }
  cp "$web/$f" "$site/"
done
# The wasm's deferred part, when the build is split (CMakeLists.txt JCM_WASM_SPLIT).
[ ! -f "$web/jining-campaign.deferred.wasm" ] || cp "$web/jining-campaign.deferred.wasm" "$site/"
cp "$top"/web/* "$site/"
cp "$top"/data/*.json "$site/data/"
cp "$top"/data/source/* "$site/data/source/"
cp /usr/share/doc/fonts-noto-cjk/copyright "$site/assets/ui-font.LICENSE.txt"
# The shell's title, description, canvas label and manifest names, from the page's own data.
node "$top/tools/shell-from-data.mjs" "$site" "$top/data/campaign.json"
# The wasm's two parts tied together (one build id) and declared in index.html.
node "$top/tools/mark-split.mjs" "$site"
# The scripts (terser, from npm: make installs node_modules first), the page, the style sheet and the data minified.
node "$top/tools/minify.mjs" "$site/jining-campaign.js" "$site/app.js" "$site/style.css" "$site/index.html" "$site"/data/*.json
echo "site: $site ($(du -sh "$site" | cut -f1))"
