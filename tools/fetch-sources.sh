#!/usr/bin/env bash
# Fetches third-party sources from Debian's archive into a build directory (never into the repo)
# and builds SDL2 for WebAssembly once. Each result lives in a folder named after the package
# version (and, for SDL2-wasm, the emcc version), so a new version rebuilds and re-runs are instant.
# Usage: tools/fetch-sources.sh <deps-dir> [imgui|sdl2-wasm|all]
# Prints nothing when everything is cached.
set -euo pipefail
deps=$(mkdir -p "$1" && cd "$1" && pwd)
what=${2:-all}

# apt-get source <pkg>[/<suite>] into $deps/<pkg>-<version>; echoes that directory. The version is
# the one apt would fetch for that suite (apt-get source --print-uris names its .dsc).
fetch_source() {
  local spec=$1 pkg=${1%%/*} ver dir
  ver=$(apt-get source --print-uris -q "$spec" 2>/dev/null | sed -n "s/.* ${pkg}_\([^ ]*\)\.dsc .*/\1/p" | head -n 1)
  [ -n "$ver" ] || { echo "fetch-sources: no source package '$spec' (is a deb-src entry configured? run tools/install-deps.sh)" >&2; return 1; }
  dir="$deps/$pkg-${ver//[:~+]/_}"
  if [ ! -f "$dir/.complete" ]; then
    echo "fetch-sources: apt-get source $spec ($ver)" >&2
    rm -rf "$dir" "$dir.tmp"; mkdir -p "$dir.tmp"
    (cd "$dir.tmp" && apt-get source -q --download-only "$spec" 2>&1 >/dev/null | { grep -v "unsandboxed" >&2 || true; }; dpkg-source -x --no-check ./*.dsc src >/dev/null)
    mv "$dir.tmp/src" "$dir"; rm -rf "$dir.tmp"; touch "$dir/.complete"
  fi
  echo "$dir"
}

if [ "$what" = imgui ] || [ "$what" = all ]; then
  # Dear ImGui 1.90.1 from Debian 13 (source only; 1.87+ input event queue, 1.89+ navigation).
  src=$(fetch_source imgui/trixie)
  ln -sfn "$src" "$deps/imgui"
fi

if [ "$what" = sdl2-wasm ] || [ "$what" = all ]; then
  # SDL2 stays at Debian 12's version (the one its emscripten was tested with).
  src=$(fetch_source libsdl2/bookworm)
  export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
  emv=$(emcc -dumpversion 2>/dev/null || echo unknown)
  # Only what the app uses: video (the WebGL canvas), events, timers. Audio, joystick, haptic,
  # sensors, power, locale, filesystem, shared objects, threads and SDL's renderers are left
  # out: 12 KB gzip less wasm (BENCHMARKS.md "Wasm size"). SDL_LEAN_AND_MEAN (SDL_internal.h) also
  # leaves out the software surface blitters, RLE and YUV, which a WebGL app never runs (SDL_BlitSurface
  # then fails with an error instead). The options are part of the cache key.
  sdl_options="-DSDL_AUDIO=OFF -DSDL_RENDER=OFF -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_HIDAPI=OFF -DSDL_POWER=OFF
    -DSDL_SENSOR=OFF -DSDL_LOCALE=OFF -DSDL_FILESYSTEM=OFF -DSDL_LOADSO=OFF -DSDL_THREADS=OFF
    -DCMAKE_C_FLAGS=-DSDL_LEAN_AND_MEAN=1"
  key=$(echo $sdl_options | sha256sum | cut -c1-8)
  prefix="$deps/sdl2-wasm-$(basename "$src" | sed 's/^libsdl2-//')-emcc$emv-$key"
  if [ ! -f "$prefix/.complete" ]; then
    echo "fetch-sources: building SDL2 for wasm (once, ~3 min) into $prefix" >&2
    rm -rf "$prefix" "$deps/sdl2-wasm-build"
    emcmake cmake -S "$src" -B "$deps/sdl2-wasm-build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF $sdl_options -DCMAKE_INSTALL_PREFIX="$prefix" >"$deps/sdl2-wasm.log" 2>&1 \
      || { tail -30 "$deps/sdl2-wasm.log" >&2; exit 1; }
    cmake --build "$deps/sdl2-wasm-build" >>"$deps/sdl2-wasm.log" 2>&1 && cmake --install "$deps/sdl2-wasm-build" >>"$deps/sdl2-wasm.log" 2>&1 \
      || { tail -30 "$deps/sdl2-wasm.log" >&2; exit 1; }
    rm -rf "$deps/sdl2-wasm-build"; touch "$prefix/.complete"
  fi
  ln -sfn "$prefix" "$deps/sdl2-wasm"
fi
