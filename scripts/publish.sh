#!/usr/bin/env bash
# `npm run publish`: everything that ships, built and smoke-tested, under artifacts/:
#   artifacts/wit/      `wit`: linux-x64/wit (native), any/wit.dll (framework-dependent), packages/ (the .NET tool)
#   artifacts/server/   the language server: linux-x64/wit-language-server (native), any/wit-language-server.dll
#   artifacts/debug-adapter/   the debug adapter: linux-x64/wit-debug-adapter (native), any/wit-debug-adapter.dll
# (scripts/publish-wit.sh, scripts/publish-server.sh and scripts/publish-debug-adapter.sh say what each holds and
# checks). `npm run package` makes the .vsix from the server and the debug adapter.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/publish-wit.sh artifacts/wit
bash scripts/publish-server.sh artifacts/server
bash scripts/publish-debug-adapter.sh artifacts/debug-adapter
