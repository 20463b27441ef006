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

# bundle_tool NAME EXECUTABLE: publishes artifacts/NAME with scripts/publish-NAME.sh (or reuses it, see above) and copies
# both builds into vscode-extension/NAME, where the extension looks for them (src/serverPath.ts).
bundle_tool() {
  local name="$1" exe="$2" artifacts="$root/artifacts/$1" target="$root/vscode-extension/$1"
  if [ "${WIT_REUSE_SERVER:-}" = 1 ] && [ -x "$artifacts/linux-x64/$exe" ] && [ -f "$artifacts/any/$exe.dll" ]; then
    echo "== reuse the $name in artifacts/$name"
  else
    bash "scripts/publish-$name.sh" "$artifacts"
  fi
  echo "== copy the $name into the extension"
  rm -rf "$target"
  mkdir -p "$target/linux-x64" "$target/any"
  cp "$artifacts/linux-x64/$exe" "$target/linux-x64/"
  find "$artifacts/any" -maxdepth 1 -type f ! -name '*.pdb' -exec cp {} "$target/any/" \;
  chmod 755 "$target/linux-x64/$exe"
}
bundle_tool server wit-language-server
bundle_tool debug-adapter wit-debug-adapter

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
