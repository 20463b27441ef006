#!/usr/bin/env bash
# Rebuilds the committed command components (CI runs the committed .wasm files and needs neither clang nor jco):
# each *.c here is built with clang-14 and wasi-libc into a preview1 core module, then made a WASI 0.2 command
# component with jco's preview1 adapter (`jco new --wasi-command`).
# Needs Debian's clang-14, lld-14 and wasi-libc (`apt-get install -y clang-14 lld-14 wasi-libc`) and jco, which
# ../shared/tools/wit-oracle/wit-oracle installs into ~/.cache/wit-oracle on first use.
set -euo pipefail
cd "$(dirname "$0")"
jco="${JCO:-$HOME/.cache/wit-oracle/node_modules/.bin/jco}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for source in *.c; do
  name="${source%.c}"
  clang-14 --target=wasm32-wasi --sysroot=/usr -O2 -o "$tmp/$name.core.wasm" "$source"
  "$jco" new "$tmp/$name.core.wasm" --wasi-command -o "$name.wasm"
done
