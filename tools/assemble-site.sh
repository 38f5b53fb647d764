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
for f in jining-campaign.js jining-campaign.wasm; do
  [ -f "$web/$f" ] || { echo "assemble-site: $web/$f missing: build the web target first (make web)" >&2; exit 1; }
  cp -u "$web/$f" "$site/"
done
cp -u "$top"/web/* "$site/"
cp -u "$top"/data/*.json "$site/data/"
cp -u "$top"/data/source/* "$site/data/source/"
cp -u /usr/share/doc/fonts-noto-cjk/copyright "$site/assets/ui-font.LICENSE.txt"
echo "site: $site ($(du -sh "$site" | cut -f1))"
