#!/usr/bin/env bash
# `npm run package [-- output.vsix]`: builds the VS Code extension as one .vsix for linux-x64 with the language server
# and the debug adapter inside: each native (NativeAOT, no .NET install needed) and framework-dependent (run by `dotnet`
# when the platform build cannot run), from scripts/publish-server.sh and scripts/publish-debug-adapter.sh. Default output: artifacts/wit-language-tools-linux-x64.vsix.
# Installs the npm packages first when they are missing. WIT_REUSE_SERVER=1 packages the server and the debug adapter
# already published in artifacts/server and artifacts/debug-adapter instead of publishing them again (for quick
# iterations on the extension alone).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
out="${1:-artifacts/wit-language-tools-linux-x64.vsix}"
mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"

[ -d node_modules/vscode-languageclient ] || npm ci --no-audit --no-fund --loglevel=error

if [ "${WIT_REUSE_SERVER:-}" = 1 ] && [ -x "$root/artifacts/server/linux-x64/wit-language-server" ] && [ -f "$root/artifacts/server/any/wit-language-server.dll" ]; then
  echo "== reuse the server in artifacts/server"
else
  bash scripts/publish-server.sh "$root/artifacts/server"
fi

echo "== copy the server into the extension"
server="$root/vscode-extension/server"
rm -rf "$server"
mkdir -p "$server/linux-x64" "$server/any"
cp "$root/artifacts/server/linux-x64/wit-language-server" "$server/linux-x64/"
find "$root/artifacts/server/any" -maxdepth 1 -type f ! -name '*.pdb' -exec cp {} "$server/any/" \;
chmod 755 "$server/linux-x64/wit-language-server"

if [ "${WIT_REUSE_SERVER:-}" = 1 ] && [ -x "$root/artifacts/debug-adapter/linux-x64/wit-debug-adapter" ] && [ -f "$root/artifacts/debug-adapter/any/wit-debug-adapter.dll" ]; then
  echo "== reuse the debug adapter in artifacts/debug-adapter"
else
  bash scripts/publish-debug-adapter.sh "$root/artifacts/debug-adapter"
fi

echo "== copy the debug adapter into the extension"
adapter="$root/vscode-extension/debug-adapter"
rm -rf "$adapter"
mkdir -p "$adapter/linux-x64" "$adapter/any"
cp "$root/artifacts/debug-adapter/linux-x64/wit-debug-adapter" "$adapter/linux-x64/"
find "$root/artifacts/debug-adapter/any" -maxdepth 1 -type f ! -name '*.pdb' -exec cp {} "$adapter/any/" \;
chmod 755 "$adapter/linux-x64/wit-debug-adapter"

echo "== bundle the extension"
cd "$root/vscode-extension"
npm run --silent typecheck
npm run --silent build:production

echo "== package $out"
# The bundle carries the dependencies, so vsce does not walk node_modules (hoisted to the repository root).
rm -f "$out"
log="$(mktemp)"
if ! npx --no-install vsce package --target linux-x64 --no-dependencies --skip-license --allow-missing-repository --out "$out" >"$log" 2>&1; then
  cat "$log" >&2
  echo "package-extension: vsce failed" >&2
  exit 1
fi
grep -v -e "Unknown user config" "$log" || true
rm -f "$log"
ls -l "$out"
