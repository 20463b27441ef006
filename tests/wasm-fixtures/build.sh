#!/usr/bin/env bash
# Rebuilds the committed .wasm fixtures from their C sources (CI uses the committed files and needs no clang).
# Needs: apt-get install -y clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cc=clang-14
for source in "$here"/kernels/*.c; do
  # Freestanding compute kernels: no libc, one exported no-argument `bench`, a 16 MB memory.
  "$cc" --target=wasm32 -nostdlib -O2 -fuse-ld=/usr/bin/wasm-ld-14 \
    -Wl,--no-entry -Wl,--initial-memory=16777216 -Wl,--max-memory=16777216 \
    -o "${source%.c}.wasm" "$source"
done
for source in "$here"/wasi/*.c; do
  # WASI preview 1 commands against Debian's wasi-libc, with DWARF (-g) for the debugger's tests.
  "$cc" --target=wasm32-wasi --sysroot=/usr -isystem /usr/include/wasm32-wasi -L/usr/lib/wasm32-wasi -g -O1 \
    -fuse-ld=/usr/bin/wasm-ld-14 -o "${source%.c}.wasm" "$source"
done
ls -l "$here"/kernels/*.wasm "$here"/wasi/*.wasm
