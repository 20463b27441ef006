#!/usr/bin/env bash
# `npm run publish:server [-- output-dir]`: publishes the WIT language server twice into output-dir (default
# artifacts/server):
#   linux-x64/wit-language-server   self-contained, trimmed, ReadyToRun, single file (no .NET install needed)
#   any/wit-language-server.dll     framework-dependent (`dotnet wit-language-server.dll`, needs the .NET 10 runtime);
#                                   ReadyToRun code for linux-x64 next to the IL, so it starts fast here and still runs
#                                   (JIT-compiled) wherever .NET 10 runs
# then smoke-tests the single file (`--version`, and initialize/initialized/shutdown/exit over stdin) and prints sizes.
# Fails when a publish fails (warnings are errors, trim analysis included), prints any warning, or the server does not
# answer.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-artifacts/server}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
project=server/Wit.LanguageServer
rid=linux-x64
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

publish() {
  local name="$1"; shift
  echo "== publish $name"
  if ! dotnet publish "$project" -c Release --nologo "$@" >"$logs/$name.log" 2>&1; then
    cat "$logs/$name.log" >&2
    echo "publish-server: the $name publish failed" >&2
    exit 1
  fi
  # TreatWarningsAsErrors turns compiler and trimmer warnings into errors; this also catches SDK warnings it does not.
  if grep -E -i ': warning [A-Z]+[0-9]+' "$logs/$name.log" >&2; then
    echo "publish-server: the $name publish has warnings" >&2
    exit 1
  fi
}

rm -rf "$out/$rid" "$out/any"
publish "$rid" -r "$rid" --self-contained -p:PublishSingleFile=true -p:PublishTrimmed=true -p:PublishReadyToRun=true -o "$out/$rid"
# ReadyToRun needs a runtime identifier; without an apphost and with no native assets the output stays portable IL.
# It cuts start to `initialize` answered from about 1.2 s (all JIT) to about 0.25 s.
publish any -r "$rid" --no-self-contained -p:PublishReadyToRun=true -p:UseAppHost=false -o "$out/any"

exe="$out/$rid/wit-language-server"
dll="$out/any/wit-language-server.dll"

echo "== smoke test $exe"
version="$(timeout 30 "$exe" --version)"
if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "publish-server: '$exe --version' printed '$version', not a version" >&2
  exit 1
fi
echo "version $version"
dll_version="$(timeout 30 dotnet "$dll" --version)"
if [ "$dll_version" != "$version" ]; then
  echo "publish-server: 'dotnet $dll --version' printed '$dll_version', not '$version'" >&2
  exit 1
fi

# One LSP session on stdin: each message framed with its Content-Length (the bodies are ASCII, so characters = bytes).
frame() { printf 'Content-Length: %d\r\n\r\n%s' "${#1}" "$1"; }
session() {
  frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}'
  frame '{"jsonrpc":"2.0","method":"initialized","params":{}}'
  frame '{"jsonrpc":"2.0","id":2,"method":"shutdown"}'
  frame '{"jsonrpc":"2.0","method":"exit"}'
}
status=0
session | timeout 30 "$exe" --stdio >"$logs/stdout" 2>"$logs/stderr" || status=$?
if [ "$status" -ne 0 ] \
  || ! grep -q '"id":1,"result":{"capabilities":' "$logs/stdout" \
  || ! grep -q '"serverInfo":{"name":"wit-language-server"' "$logs/stdout" \
  || ! grep -q '"id":2,"result":null' "$logs/stdout"; then
  echo "publish-server: the scripted session failed (exit code $status)" >&2
  echo "-- stdout:" >&2; cat "$logs/stdout" >&2; echo >&2
  echo "-- stderr:" >&2; cat "$logs/stderr" >&2
  exit 1
fi
echo "initialize, shutdown and exit answered; exit code 0"

echo "== sizes"
size() { printf "%-72s %8s\n" "${1#"$PWD"/}" "$(numfmt --to=iec --suffix=B "$2")"; }
size "$exe" "$(stat -c %s "$exe")"
size "$dll" "$(stat -c %s "$dll")"
size "$out/any (whole folder)" "$(du -sb "$out/any" | cut -f1)"
