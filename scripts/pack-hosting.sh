#!/usr/bin/env bash
# Packs Wit.Hosting (the library, the generator, analyzers and code fixes with Wit.Core in analyzers/dotnet/cs, the
# <Wit> build targets) into artifacts/hosting, then consumes it as a host project would, from that folder: the build
# must report the expected WITH0101 and no CS9057 (an analyzer built against a newer Roslyn than the SDK's compiler).
# Exits non-zero when either fails. Usage: scripts/pack-hosting.sh [VERSION]   (default 0.0.0-local)
set -euo pipefail
cd "$(dirname "$0")/.."

version="${1:-0.0.0-local}"
out="$PWD/artifacts/hosting"
rm -rf "$out"
dotnet pack analyzers/Wit.Hosting -c Release -o "$out" -p:Version="$version" --nologo -v quiet

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/wit"
cat > "$work/wit/app.wit" <<'WIT'
package example:app;

interface greeter {
    greet: func(name: string) -> string;
}

world host {
    import greeter;
}
WIT
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$out" />
  </packageSources>
</configuration>
XML
cat > "$work/consume.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RestorePackagesPath>$work/packages</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Wit.Hosting" Version="$version" />
    <Wit Include="wit/" World="example:app/host" />
  </ItemGroup>
</Project>
XML
cat > "$work/Host.cs" <<'CS'
[Wit.Hosting.WitHost(typeof(Example.App.Host.HostWorld))]
internal sealed class MyHost
{
}
CS

log="$work/build.log"
dotnet build "$work/consume.csproj" --nologo -v quiet -p:UseSharedCompilation=false > "$log" 2>&1 || true
status=0
if grep -q "CS9057" "$log"; then echo "FAIL: CS9057 (the analyzers need a newer compiler than this SDK's)"; status=1; fi
if ! grep -q "error WITH0101: 'MyHost' hosts world \`example:app/host\` but does not implement its import IGreeter" "$log"; then
  echo "FAIL: the consuming build did not report the expected WITH0101"; status=1
fi
if [ "$status" -ne 0 ]; then cat "$log"; exit 1; fi
echo "ok: $(ls "$out"/*.nupkg) consumed; WITH0101 reported, no CS9057"
