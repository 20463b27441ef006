#!/usr/bin/env bash
# Records upstream's verdict on each rule fixture (tests/Wit.Conformance.Tests/Rules/<area>/<case>.wit or <case>/)
# by asking ../shared/tools/wit-oracle, and writes it next to the case as <case>.upstream:
#   accept                      upstream resolves the package
#   reject                      upstream rejects it; the lines after this one are its error message
# Usage: scripts/record-upstream.sh [--all] [CASE...]
#   no CASE: every case that has no .upstream file yet (--all: every case, re-recording the existing ones).
# The rule fixture test (tests/Wit.Conformance.Tests/RuleFixtureTests.cs) compares our verdict and first message with
# these files; it never runs the oracle itself, so re-run this after adding or changing a case and review the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
oracle=../shared/tools/wit-oracle/wit-oracle
rules=tests/Wit.Conformance.Tests/Rules
all=0
cases=()
for argument in "$@"; do
  case "$argument" in
    --all) all=1 ;;
    *) cases+=("${argument%/}") ;;
  esac
done
if [ ${#cases[@]} -eq 0 ]; then
  while IFS= read -r found; do cases+=("$found"); done < <(
    find "$rules" -mindepth 2 -maxdepth 2 \( -name '*.wit' -o -type d \) | sort)
fi
for path in "${cases[@]}"; do
  record="${path%.wit}.upstream"
  if [ "$all" -eq 0 ] && [ -f "$record" ] && [ $# -eq 0 ]; then continue; fi
  code=0
  output=$("$oracle" check "$path" 2>&1 >/dev/null) || code=$?
  case "$code" in
    0) echo accept > "$record" ;;
    # Upstream prints a directory package's error as its outermost context only ("failed to parse package: PATH"),
    # with an absolute path: keep the record free of this machine's paths.
    1) printf 'reject\n%s\n' "${output//"$PWD/$rules/"/}" > "$record" ;;
    *) echo "error: wit-oracle failed on $path (exit $code): $output" >&2; exit 1 ;;
  esac
  echo "$(head -n 1 "$record") ${path#"$rules"/}"
done
