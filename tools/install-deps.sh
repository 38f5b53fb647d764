#!/usr/bin/env bash
# Installs what the build and the tests need, from Debian's archive only, and only what is missing.
# Idempotent and quick when everything is present (one dpkg-query call). Needs root for apt-get:
# run as root, or have sudo. Usage: tools/install-deps.sh [build|test|all]
set -euo pipefail

what=${1:-all}
pkgs=(cmake ninja-build g++ dpkg-dev nlohmann-json3-dev doctest-dev fonts-noto-cjk fonttools python3
      librsvg2-bin)   # rsvg-convert: app icons for make dist
# An emcc already on PATH (emsdk) is used as is; otherwise Debian's emscripten.
command -v emcc >/dev/null 2>&1 || pkgs+=(emscripten)
# node/npm: the machine's NodeSource node is fine; Debian's otherwise.
command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || pkgs+=(npm)
case "$what" in
  test|all) pkgs+=(chromium fonts-noto-cjk clang libclang-rt-14-dev) ;;
esac

missing=()
for p in "${pkgs[@]}"; do
  st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$st" = "install ok installed" ] || missing+=("$p")
done

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# `apt-get source` needs deb-src entries: derive them from the machine's own apt sources
# (same URIs and suites), never from a hard-coded mirror. Dear ImGui comes from Debian 13
# ("trixie") as a *source* package only, so a deb-src entry for that suite is written too, with the
# URIs of the machine's own Debian archive. No binary package is ever installed from it.
ensure_deb_src() {
  local out=/etc/apt/sources.list.d/jcm-deb-src.sources tmp uris
  if [ -f "$out" ] && grep -q 'trixie' "$out"; then return 0; fi
  tmp=$(mktemp)
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && [ "$f" != "$out" ] || continue
    grep -q 'debian' "$f" || continue
    sed -e 's/^Types:.*/Types: deb-src/' "$f" >>"$tmp"; echo >>"$tmp"
  done
  if [ -f /etc/apt/sources.list ]; then
    grep -E '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' >"${tmp}.list" || true
    [ -s "${tmp}.list" ] && as_root cp "${tmp}.list" /etc/apt/sources.list.d/jcm-deb-src.list
  fi
  # The main archive's URI (not -security): from a .sources file or a one-line sources.list entry.
  uris=$(grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v -- '-security' \
         | grep debian | head -n 1 | sed 's/^URIs: *//' || true)
  [ -n "$uris" ] || uris=$(grep -hE '^deb +(\[[^]]*\] +)?[a-z]+://' /etc/apt/sources.list 2>/dev/null \
         | grep -v -- '-security' | grep debian | head -n 1 | sed -E 's/^deb +(\[[^]]*\] +)?//' | awk '{print $1}' || true)
  if [ -n "$uris" ]; then
    printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n' "$uris" >>"$tmp"
  else
    echo "install-deps: no Debian archive URI found in the apt sources; cannot add the trixie deb-src entry" >&2
  fi
  [ -s "$tmp" ] && as_root cp "$tmp" "$out"
  rm -f "$tmp" "${tmp}.list"
  need_update=1
}

need_update=0
ensure_deb_src
if [ ${#missing[@]} -gt 0 ] || [ "$need_update" = 1 ]; then
  echo "install-deps: installing from Debian: ${missing[*]:-(source indexes only)}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -q
  [ ${#missing[@]} -eq 0 ] || as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
