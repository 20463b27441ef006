#!/usr/bin/env bash
# Rebuilds the committed debuggees (CI runs the committed .wasm and needs no clang): C with DWARF (-g).
# debuggee.wasm: DWARF 4, no optimisation, so every line has code and every local lives in the linear-memory stack
# frame or a wasm local. types-O0.wasm and types-O1.wasm: DWARF 5 (.debug_str_offsets, .debug_addr, .debug_loclists,
# .debug_rnglists), the second optimised so that variables live in wasm locals and move (location lists).
# debuggee-component.wasm: debuggee.wasm made a WASI 0.2 command component with jco's preview1 adapter (the core module
# keeps its DWARF inside the component).
# Needs Debian's clang-14, lld-14 and wasi-libc (`apt-get install -y clang-14 lld-14 wasi-libc`), and jco, which
# ../../../shared/tools/wit-oracle/wit-oracle installs into ~/.cache/wit-oracle on first use.
set -euo pipefail
cd "$(dirname "$0")"
build() {
  clang-14 --target=wasm32-wasi --sysroot=/usr -isystem /usr/include/wasm32-wasi -L/usr/lib/wasm32-wasi \
    -fdebug-prefix-map="$PWD"=/fixtures -fuse-ld=/usr/bin/wasm-ld-14 "$@"
}
build -g -O0 -o debuggee.wasm debuggee.c
build -gdwarf-5 -O0 -o types-O0.wasm types.c
build -gdwarf-5 -O1 -o types-O1.wasm types.c
"${JCO:-$HOME/.cache/wit-oracle/node_modules/.bin/jco}" new debuggee.wasm --wasi-command -o debuggee-component.wasm
