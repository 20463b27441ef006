#!/usr/bin/env bash
# Records the order in which the native `wit` and language server first reach their managed methods in typical runs,
# which their builds lay their code out in (IlcOrderFile, set in Directory.Build.targets; docs/decisions/native-startup.md
# has why and the measurements): server/Wit.Cli/native-methods.order and server/Wit.LanguageServer/native-methods.order.
#
#   wit:              check of WASI 0.3 http, --version, check of a file with errors, lint of WASI 0.3 http
#   language server:  a session on WASI 0.3 http's types.wit (scripts/method-order/session.js): initialize, open,
#                     diagnostics, hover, completion, definition, semantic tokens, symbols, folding, an edit, formatting
#
# Each run goes under Valgrind's lackey, which logs every block of code executed; scripts/method-order/order.js maps
# those to the executable's symbols. Needs Valgrind (apt-get install valgrind), Node and ../shared's corpus. Run it
# again after changes that rename or add much of what those runs execute: the compiler skips names it no longer has,
# so a stale list only lays out less of the code (no build fails on it).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "record-method-order: needs valgrind (apt-get install valgrind)" >&2; exit 1; }
http="$(realpath ../shared/corpus/wasi-wit/wasi-0.3.0/http/wit)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The executable's managed code: from the start of __managedcode to the end of __unbox (hex).
bounds() {
  local low unbox size
  read -r low unbox size < <(readelf -SW "$1" | sed 's/\[ */[/' | awk '
    $2 == "__managedcode" { low = $4 }
    $2 == "__unbox" { unbox = $4; size = $6 }
    END { print low, unbox, size }')
  [[ -n "$low" && -n "$size" ]] || { echo "record-method-order: no managed code in $1" >&2; exit 1; }
  printf '%s %x\n' "$low" $((0x$unbox + 0x$size))
}

lackey() { # LOG COMMAND...
  local log="$1"; shift
  valgrind --tool=lackey --trace-superblocks=yes --log-file="$log" "$@" >/dev/null 2>&1 || true
}

echo "== wit"
dotnet publish server/Wit.Cli -c Release -r linux-x64 -o "$work/wit" -p:IlcOrderFile= >/dev/null
cat > "$work/errors.wit" <<'WIT'
package demo:errors@1.0.0;

interface broken {
  use missing.{thing};
  record r { a: u32, a: string, b: strng }
  f: func(x: undefined-type) -> result<r, error>;
  f: func();
}

world w {
  import broken;
  export nowhere;
}
WIT
lackey "$work/wit-check.log" "$work/wit/wit" check "$http"
lackey "$work/wit-version.log" "$work/wit/wit" --version
lackey "$work/wit-errors.log" "$work/wit/wit" check "$work/errors.wit"
lackey "$work/wit-lint.log" "$work/wit/wit" lint "$http"
symbols=server/Wit.Cli/bin/Release/net10.0/linux-x64/native/wit.dbg
nm -n "$symbols" > "$work/wit.nm"
read -r low high < <(bounds "$work/wit/wit")
node scripts/method-order/order.js "$work/wit.nm" "$low" "$high" \
  "$work/wit-check.log" "$work/wit-version.log" "$work/wit-errors.log" "$work/wit-lint.log" > server/Wit.Cli/native-methods.order
echo "server/Wit.Cli/native-methods.order: $(wc -l < server/Wit.Cli/native-methods.order) methods"

echo "== language server"
dotnet publish server/Wit.LanguageServer -c Release -r linux-x64 -o "$work/server" -p:IlcOrderFile= >/dev/null
node scripts/method-order/session.js "$http" "$http/types.wit" -- \
  valgrind --tool=lackey --trace-superblocks=yes --log-file="$work/server.log" "$work/server/wit-language-server" --stdio
symbols=server/Wit.LanguageServer/bin/Release/net10.0/linux-x64/native/wit-language-server.dbg
nm -n "$symbols" > "$work/server.nm"
read -r low high < <(bounds "$work/server/wit-language-server")
node scripts/method-order/order.js "$work/server.nm" "$low" "$high" "$work/server.log" > server/Wit.LanguageServer/native-methods.order
echo "server/Wit.LanguageServer/native-methods.order: $(wc -l < server/Wit.LanguageServer/native-methods.order) methods"
