#!/usr/bin/env bash
# Rebuilds the committed debuggee (CI runs the committed .wasm and needs no clang): C with DWARF (-g), no optimisation,
# so every line has code and every local lives in the linear-memory stack frame or a wasm local.
# Needs Debian's clang-14, lld-14 and wasi-libc (`apt-get install -y clang-14 lld-14 wasi-libc`).
set -euo pipefail
cd "$(dirname "$0")"
clang-14 --target=wasm32-wasi --sysroot=/usr -isystem /usr/include/wasm32-wasi -L/usr/lib/wasm32-wasi -g -O0 \
  -fdebug-prefix-map="$PWD"=/fixtures -fuse-ld=/usr/bin/wasm-ld-14 -o debuggee.wasm debuggee.c
