#!/usr/bin/env bash
# `npm run publish:wit [-- output-dir]` (also part of `npm run publish`): publishes the `wit` command line into
# output-dir (default artifacts/wit):
#   linux-x64/wit      native (NativeAOT): one executable, no .NET install needed, no JIT
#   any/wit.dll        framework-dependent (`dotnet wit.dll`, needs the .NET 10 runtime), ReadyToRun for linux-x64
#   packages/          the platform-specific .NET tool: Wit.Cli (the package `dotnet tool install` asks for, naming the
#                      two below), Wit.Cli.linux-x64 (native) and Wit.Cli.any (framework-dependent, for every other
#                      platform)
# then smoke-tests each: `--version` and `check` of a sample for both builds, and the tool installed from packages/
# into a temporary tool path (on linux-x64 it is the native one; the framework-dependent fallback is installed by
# tests/Wit.Repo.Tests/ToolPackagingTests.cs under `npm test`). Installs the native toolchain first when it is missing.
# Fails when a publish or pack fails, prints any warning (trim and AOT analysis included), or a smoke test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/publish-common.sh

out="$(absolute_dir "${1:-artifacts/wit}")"
project=server/Wit.Cli
rid=linux-x64
sample=samples/wit/http-proxy
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

ensure_native_toolchain
rm -rf "$out/$rid" "$out/any" "$out/packages"
# PublishAot is on in the project: a publish for a runtime identifier compiles natively.
dotnet_checked "$logs" "wit-$rid" publish "$project" -r "$rid" -o "$out/$rid"
dotnet_checked "$logs" wit-any publish "$project" -r "$rid" -p:PublishAot=false --no-self-contained -p:PublishReadyToRun=true -p:UseAppHost=false -o "$out/any"

# The three tool packages. `dotnet pack` without a runtime identifier writes only the pointer package when the tool is
# compiled natively (the SDK cannot compile for another platform), so each runtime identifier is packed on its own; the
# native one reuses the compilation of the publish above. A package holds all of its publish folder, so each is
# published into a fresh one (the default under bin/ keeps files of earlier builds).
dotnet_checked "$logs" Wit.Cli pack "$project" -o "$out/packages"
dotnet_checked "$logs" "Wit.Cli.$rid" pack "$project" -r "$rid" -o "$out/packages" -p:PublishDir="$logs/publish-$rid/"
dotnet_checked "$logs" Wit.Cli.any pack "$project" -r any -o "$out/packages" -p:PublishDir="$logs/publish-any/"

# smoke NAME COMMAND...: `COMMAND --version` prints a version and `COMMAND check` of the sample exits 0.
smoke() {
  local name="$1"; shift
  local version
  version="$(timeout 30 "$@" --version)"
  if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]]; then
    echo "publish-wit: '$name --version' printed '$version', not a version" >&2
    exit 1
  fi
  if ! timeout 60 "$@" check "$sample" >"$logs/check.out" 2>&1; then
    cat "$logs/check.out" >&2
    echo "publish-wit: '$name check $sample' failed" >&2
    exit 1
  fi
  echo "$name: version $version; $(tail -n 1 "$logs/check.out")"
}

echo "== smoke tests"
smoke "$rid/wit" "$out/$rid/wit"
smoke "any/wit.dll" dotnet "$out/any/wit.dll"

version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$project/Wit.Cli.csproj")"
tools="$logs/tools"
if ! dotnet tool install Wit.Cli --version "$version" --tool-path "$tools" --add-source "$out/packages" >"$logs/install.log" 2>&1; then
  cat "$logs/install.log" >&2
  echo "publish-wit: 'dotnet tool install Wit.Cli' from $out/packages failed" >&2
  exit 1
fi
# The native package holds the executable itself; the framework-dependent one holds wit.dll.
if [ ! -f "$(find "$tools/.store" -path "*wit.cli.$rid*" -name wit -type f | head -n 1)" ]; then
  echo "publish-wit: the installed tool is not the native $rid build:" >&2
  find "$tools/.store" -maxdepth 4 >&2
  exit 1
fi
smoke "installed tool (Wit.Cli.$rid)" "$tools/wit"

echo "== sizes"
print_size "$out/$rid/wit" "$(stat -c %s "$out/$rid/wit")"
print_size "$out/any (whole folder)" "$(du -sb "$out/any" | cut -f1)"
for package in "$out"/packages/*.nupkg; do print_size "$package" "$(stat -c %s "$package")"; done
