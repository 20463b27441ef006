#!/usr/bin/env bash
# `npm run publish:server [-- output-dir]` (also part of `npm run publish`): publishes the WIT language server twice
# into output-dir (default artifacts/server):
#   linux-x64/wit-language-server   native (NativeAOT): one executable, no .NET install needed, no JIT
#   any/wit-language-server.dll     framework-dependent (`dotnet wit-language-server.dll`, needs the .NET 10 runtime);
#                                   ReadyToRun code for linux-x64 next to the IL, so it starts fast here and still runs
#                                   (JIT-compiled) wherever .NET 10 runs
# then smoke-tests both (`--version`, and initialize/initialized/shutdown/exit over stdin for the native one) and prints
# sizes. Installs the native toolchain first when it is missing (scripts/lib/publish-common.sh). Fails when a publish
# fails (warnings are errors, trim and AOT analysis included), prints any warning, or the server does not answer.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/publish-common.sh

out="$(absolute_dir "${1:-artifacts/server}")"
project=server/Wit.LanguageServer
rid=linux-x64
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

ensure_native_toolchain
rm -rf "$out/$rid" "$out/any"
# PublishAot is on in the project: a publish for a runtime identifier compiles natively.
dotnet_checked "$logs" "server-$rid" publish "$project" -r "$rid" -o "$out/$rid"
# ReadyToRun needs a runtime identifier; without an apphost and with no native assets the output stays portable IL.
# It cuts start to `initialize` answered from about 1.2 s (all JIT) to about 0.25 s.
dotnet_checked "$logs" server-any publish "$project" -r "$rid" -p:PublishAot=false --no-self-contained -p:PublishReadyToRun=true -p:UseAppHost=false -o "$out/any"

exe="$out/$rid/wit-language-server"
dll="$out/any/wit-language-server.dll"

echo "== smoke test $exe"
check_version "$exe"
dll_version="$(timeout 30 dotnet "$dll" --version)"
if [ "$dll_version" != "$version" ]; then
  echo "publish-server: 'dotnet $dll --version' printed '$dll_version', not '$version'" >&2
  exit 1
fi

# One LSP session on stdin, each message framed (frame, in publish-common.sh).
session() {
  frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}'
  frame '{"jsonrpc":"2.0","method":"initialized","params":{}}'
  frame '{"jsonrpc":"2.0","id":2,"method":"shutdown"}'
  frame '{"jsonrpc":"2.0","method":"exit"}'
}
status=0
session | timeout 30 "$exe" --stdio >"$logs/stdout" 2>"$logs/stderr" || status=$?
check_session "$logs" "$status" '"id":1,"result":{"capabilities":' '"serverInfo":{"name":"wit-language-server"' '"id":2,"result":null'
echo "initialize, shutdown and exit answered; exit code 0"

echo "== sizes"
print_size "$exe" "$(stat -c %s "$exe")"
print_size "$dll" "$(stat -c %s "$dll")"
print_size "$out/any (whole folder)" "$(du -sb "$out/any" | cut -f1)"
