#!/usr/bin/env bash
# `npm test`: builds the whole solution once in Release, then runs every test project without rebuilding, then the VS
# Code extension's tests (type check, unit tests, grammar tests, the debug adapter's scripted session; npm packages
# are installed first when missing).
# Each project writes <Project>.trx into $WIT_TEST_RESULTS (default .tmp/test-results), where .ci/run counts them; the
# extension's suites write vscode-unit.trx and vscode-grammar.trx with the same counters.
# Exits non-zero when the build fails or any test project fails; every project runs either way.
set -euo pipefail
cd "$(dirname "$0")/.."

results="${WIT_TEST_RESULTS:-$PWD/.tmp/test-results}"
rm -rf "$results"
mkdir -p "$results"

if [ ! -d ../shared/corpus ]; then
  echo "warning: ../shared/corpus not found next to the repository; the conformance tests need it" >&2
fi

dotnet build LanguageTools.sln -c Release --nologo -v minimal

# A test project is any project under tests/ that references the test SDK.
status=0
while IFS= read -r project; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done < <(grep -l --include='*.csproj' -r 'Microsoft.NET.Test.Sdk' tests | grep -v -e '/bin/' -e '/obj/' | sort)

# The C# host sample (samples/csharp-host): a real host, on Wasmtime and on the embedded engine (the same code, the
# engine chosen by an argument); it exits non-zero when a result is unexpected.
for engine in wasmtime embedded; do
  dotnet run --project samples/csharp-host -c Release --no-build -- --engine "$engine" || status=1
done

# The extension (its end-to-end test in a real VS Code is `npm run test:e2e`, kept out of here: it takes minutes).
if [ ! -d node_modules/vscode-languageclient ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
WIT_TEST_RESULTS="$results" npm test -w vscode-extension || status=1
# The debug adapter driven by @vscode/debugadapter-testsupport (the Release build above, a C fixture built with -g).
npm run test:dap -w vscode-extension || status=1
exit "$status"
