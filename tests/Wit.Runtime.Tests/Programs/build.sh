#!/usr/bin/env bash
# Rebuilds the committed WASI test programs (CI runs the committed .wasm files and needs no clang).
# Needs Debian's clang-14, lld-14 and wasi-libc (`apt-get install -y clang-14 lld-14 wasi-libc`).
set -euo pipefail
cd "$(dirname "$0")"
for source in *.c; do
  clang-14 --target=wasm32-wasi --sysroot=/usr -O2 -o "${source%.c}.wasm" "$source"
done
