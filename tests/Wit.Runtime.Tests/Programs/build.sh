#!/usr/bin/env bash
# Rebuilds the committed test programs (CI runs the committed .wasm files and needs no clang):
# the WASI command (*.c here, with wasi-libc) and the freestanding benchmark kernels (kernels/*.c, an exported `bench`).
# Needs Debian's clang-14, lld-14 and wasi-libc (`apt-get install -y clang-14 lld-14 wasi-libc`).
set -euo pipefail
cd "$(dirname "$0")"
for source in *.c; do
  clang-14 --target=wasm32-wasi --sysroot=/usr -O2 -o "${source%.c}.wasm" "$source"
done
for source in kernels/*.c; do
  clang-14 --target=wasm32 -mbulk-memory -nostdlib -O2 -Wl,--no-entry -Wl,--export=bench -o "${source%.c}.wasm" "$source"
done
