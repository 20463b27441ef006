#!/usr/bin/env bash
# `npm run publish:debug-adapter [-- output-dir]` (also part of `npm run publish`): publishes the WIT debug adapter twice
# into output-dir (default artifacts/debug-adapter), like scripts/publish-server.sh does the language server:
#   linux-x64/wit-debug-adapter     native (NativeAOT): one executable, no .NET install needed
#   any/wit-debug-adapter.dll       framework-dependent (`dotnet wit-debug-adapter.dll`, needs the .NET 10 runtime)
# then smoke-tests the native one: `--version`, and initialize, launch of a C fixture stopped on entry,
# configurationDone, threads and disconnect over stdin. Fails when a publish fails or warns (trim and AOT analysis
# included) or the adapter does not answer.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/publish-common.sh

out="$(absolute_dir "${1:-artifacts/debug-adapter}")"
project=server/Wit.DebugAdapter
rid=linux-x64
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

ensure_native_toolchain
rm -rf "$out/$rid" "$out/any"
dotnet_checked "$logs" "debug-adapter-$rid" publish "$project" -r "$rid" -o "$out/$rid"
dotnet_checked "$logs" debug-adapter-any publish "$project" -r "$rid" -p:PublishAot=false --no-self-contained -p:PublishReadyToRun=true -p:UseAppHost=false -o "$out/any"

exe="$out/$rid/wit-debug-adapter"
dll="$out/any/wit-debug-adapter.dll"

echo "== smoke test $exe"
check_version "$exe"

program="$PWD/tests/Wit.DebugAdapter.Tests/Programs/debuggee.wasm"
session() {
  frame '{"seq":1,"type":"request","command":"initialize","arguments":{"adapterID":"wit"}}'
  frame "{\"seq\":2,\"type\":\"request\",\"command\":\"launch\",\"arguments\":{\"program\":\"$program\",\"stopOnEntry\":true}}"
  frame '{"seq":3,"type":"request","command":"configurationDone"}'
  sleep 1
  frame '{"seq":4,"type":"request","command":"threads"}'
  frame '{"seq":5,"type":"request","command":"disconnect"}'
}
status=0
session | timeout 30 "$exe" >"$logs/stdout" 2>"$logs/stderr" || status=$?
check_session "$logs" "$status" '"command":"initialize","body":{"supportsConfigurationDoneRequest":true' \
  '"event":"stopped","body":{"reason":"entry"' '"command":"threads","body":{"threads":\[{"id":1' '"command":"disconnect"'
echo "initialize, launch (stopped on entry), threads and disconnect answered; exit code 0"

echo "== sizes"
print_size "$exe" "$(stat -c %s "$exe")"
print_size "$dll" "$(stat -c %s "$dll")"
