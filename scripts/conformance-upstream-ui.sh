#!/usr/bin/env bash
# Runs the conformance tests (tests/Wit.Conformance.Tests, tests/Wit.Core.Tests) against wit-parser's complete UI
# test suite and wit-component's printed interfaces from a wasm-tools checkout, instead of the samples in
# ../shared/corpus/wit-parser-ui and wit-print: the same harness and the same lists of known disagreements, over every
# passing case (.wit.json), every parse-fail case (.wit.result) and every printed package (.wit.print).
#
# Usage: scripts/conformance-upstream-ui.sh WASM_TOOLS [WORK]
#   WASM_TOOLS  a wasm-tools repository: a work tree, or a git directory (its HEAD is read)
#   WORK        where to put the copy of this repository and the corpus overlay (default: a new temporary folder)
#
# The overlay is WORK/shared/corpus: every folder of ../shared/corpus linked as it is, but wit-parser-ui and wit-print,
# which are crates/wit-parser/tests/ui and crates/wit-component/tests/interfaces of WASM_TOOLS. This repository is cloned (HEAD) to WORK/main, so the tests find the
# overlay as ../shared, and the tests run there. Nothing in this repository or in ../shared is changed.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n '2,12p' "$0" >&2; exit 2; }
upstream=$1
work=${2:-$(mktemp -d)}
shared=$(cd ../shared && pwd)
mkdir -p "$work/shared/corpus"
rm -rf "$work/main"
# overlay FOLDER PATH-IN-WASM-TOOLS
overlay() {
  local target="$work/shared/corpus/$1"
  rm -rf "$target"
  mkdir -p "$target"
  if [ -d "$upstream/$2" ]; then
    cp -r "$upstream/$2/." "$target/"
  else
    git --git-dir="$upstream" archive HEAD "$2" | tar -x -C "$work"
    cp -r "$work/$2/." "$target/"
    rm -rf "$work/crates"
  fi
}
overlay wit-parser-ui crates/wit-parser/tests/ui
overlay wit-print crates/wit-component/tests/interfaces
ui="$work/shared/corpus/wit-parser-ui"
for folder in "$shared"/corpus/*; do
  name=$(basename "$folder")
  [ "$name" = wit-parser-ui ] || [ "$name" = wit-print ] || ln -sfn "$folder" "$work/shared/corpus/$name"
done
ln -sfn "$shared/tools" "$work/shared/tools"
git clone -q . "$work/main"
echo "upstream cases: $(find "$ui" -name '*.wit.json' | wc -l) passing, $(find "$ui/parse-fail" -name '*.wit.result' | wc -l) parse-fail, $(find "$work/shared/corpus/wit-print" -name '*.wit.print' | wc -l) printed; work: $work"
cd "$work/main"
status=0
for project in tests/Wit.Conformance.Tests tests/Wit.Core.Tests; do
  dotnet test "$project" -c Release --logger "console;verbosity=normal" || status=1
done
echo "report: $work/main/artifacts/conformance/wit-resolve.txt"
exit $status
