#!/usr/bin/env bash
# Packs Wit.Hosting (the library, the generator, analyzers and code fixes with Wit.Core in analyzers/dotnet/cs, the
# <Wit> build targets) and Wit.Hosting.Wasmtime (the Wasmtime engine; depends on Wit.Hosting and Wasmtime 50.0.1) into
# artifacts/hosting, then consumes them from that folder as host projects would:
#   - diagnose/ references Wit.Hosting and hosts a world with a class that implements none of its imports: its build
#     must report WITH0101 and no other diagnostic (no CS9057: an analyzer built against a newer Roslyn than the
#     SDK's compiler; no warning either);
#   - run/ references Wit.Hosting.Wasmtime only (Wit.Hosting, its generator and targets come with it), builds with no
#     diagnostic at all, and runs: it instantiates a component (component text format) on Wasmtime, the component
#     calls the host's import, and the program checks what the export returns; its output must be the expected one.
# Exits non-zero when anything differs. Usage: scripts/pack-hosting.sh [VERSION]   (default 0.0.0-local)
set -euo pipefail
cd "$(dirname "$0")/.."

version="${1:-0.0.0-local}"
out="$PWD/artifacts/hosting"
rm -rf "$out"
for project in analyzers/Wit.Hosting analyzers/Wit.Hosting.Wasmtime; do
  dotnet pack "$project" -c Release -o "$out" -p:Version="$version" --nologo -v quiet
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/wit" "$work/diagnose" "$work/run"
cat > "$work/wit/app.wit" <<'WIT'
package example:app;

interface greeter {
    greet: func(name: string) -> string;
}

world host {
    import greeter;
}

world greeting {
    import greeter;

    /// `greet(name)`, from the host.
    export hello: func(name: string) -> string;
    /// `x * 2 + 1`, computed by the component.
    export twice-plus-one: func(x: u32) -> u32;
}
WIT
# Wit.* only from the local folder (never a published copy); Wasmtime, Wit.Hosting.Wasmtime's other dependency, from nuget.org.
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$out" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="Wit.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
consumer() {   # consumer DIR PACKAGE WORLD [EXTRA PROJECT ITEMS]
  cat > "$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <RestorePackagesPath>$work/packages</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="$2" Version="$version" />
    <Wit Include="../wit/" World="$3" />
    ${4:-}
  </ItemGroup>
</Project>
XML
}
consumer diagnose Wit.Hosting example:app/host
cat > "$work/diagnose/Host.cs" <<'CS'
[Wit.Hosting.WitHost(typeof(Example.App.Host.HostWorld))]
internal sealed class MyHost
{
    private static void Main() { }
}
CS
consumer run Wit.Hosting.Wasmtime example:app/greeting '<None Include="greeting.wat" CopyToOutputDirectory="PreserveNewest" />'
cat > "$work/run/Program.cs" <<'CS'
using Example.App.Greeting;
using Wit.Hosting.Wasmtime;

using var engine = new Wasmtime.Engine();
using var component = Wasmtime.Components.Component.FromTextFile(engine, Path.Combine(AppContext.BaseDirectory, "greeting.wat"));
using var linker = new WasmtimeLinker(engine, component);
using var app = GreetingWorld.Instantiate(linker, new Greeter());
var hello = app.Hello("wasm");
var twice = app.TwicePlusOne(20);
Console.WriteLine($"hello(\"wasm\") = {hello}");
Console.WriteLine($"twice-plus-one(20) = {twice}");
return hello == "Hello, wasm!" && twice == 41 ? 0 : 1;

[Wit.Hosting.WitHost(typeof(GreetingWorld))]
internal sealed class Greeter : Example.App.Greeter.IGreeter
{
    public string Greet(string name) => $"Hello, {name}!";
}
CS
# The component of world example:app/greeting: `hello` lowers the host's `greet` with its memory and allocator and
# returns what it wrote (the string's pointer and length at offset 16); `twice-plus-one` is its own arithmetic.
cat > "$work/run/greeting.wat" <<'WAT'
(component
  (import "example:app/greeter" (instance $greeter
    (export "greet" (func (param "name" string) (result string)))))
  (core module $Memory
    (memory (export "memory") 1)
    (global $next (mut i32) (i32.const 1024))
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $start i32)
      (local.set $start
        (i32.and
          (i32.add (global.get $next) (i32.sub (local.get 2) (i32.const 1)))
          (i32.xor (i32.sub (local.get 2) (i32.const 1)) (i32.const -1))))
      (global.set $next (i32.add (local.get $start) (local.get 3)))
      (local.get $start)))
  (core instance $memory (instantiate $Memory))
  (core module $Main
    (import "host" "greet" (func $greet (param i32 i32 i32)))
    (func (export "hello") (param i32 i32) (result i32)
      (call $greet (local.get 0) (local.get 1) (i32.const 16))
      (i32.const 16))
    (func (export "twice-plus-one") (param i32) (result i32)
      (i32.add (i32.mul (local.get 0) (i32.const 2)) (i32.const 1))))
  (alias export $greeter "greet" (func $greet))
  (core func $greet-lowered (canon lower (func $greet) (memory (core memory $memory "memory")) (realloc (core func $memory "realloc"))))
  (core instance $imports (export "greet" (func $greet-lowered)))
  (core instance $main (instantiate $Main (with "host" (instance $imports))))
  (func (export "hello") (param "name" string) (result string)
    (canon lift (core func $main "hello") (memory (core memory $memory "memory")) (realloc (core func $memory "realloc"))))
  (func (export "twice-plus-one") (param "x" u32) (result u32) (canon lift (core func $main "twice-plus-one"))))
WAT

# Every diagnostic of a build log (compiler, analyzers, MSBuild, NuGet), once each.
diagnostics() { grep -E ':[[:space:]]*(error|warning)[[:space:]]*[A-Za-z]*[0-9]*[[:space:]]*:' "$1" | sort -u || true; }
status=0

log="$work/diagnose.log"
dotnet build "$work/diagnose/diagnose.csproj" --nologo -v quiet -p:UseSharedCompilation=false > "$log" 2>&1 || true
if grep -q "CS9057" "$log"; then echo "FAIL: CS9057 (the analyzers need a newer compiler than this SDK's)"; status=1; fi
if ! grep -q "error WITH0101: 'MyHost' hosts world \`example:app/host\` but does not implement its import IGreeter" "$log"; then
  echo "FAIL: the consuming build did not report the expected WITH0101"; status=1
fi
others="$(diagnostics "$log" | grep -v "error WITH0101: 'MyHost' hosts world" || true)"
if [ -n "$others" ]; then echo "FAIL: diagnostics other than the expected WITH0101:"; echo "$others"; status=1; fi
if [ "$status" -ne 0 ]; then cat "$log"; exit 1; fi

log="$work/run.log"
if ! dotnet build "$work/run/run.csproj" --nologo -v quiet -p:UseSharedCompilation=false > "$log" 2>&1; then
  echo "FAIL: the Wit.Hosting.Wasmtime consumer does not build"; cat "$log"; exit 1
fi
others="$(diagnostics "$log")"
if [ -n "$others" ]; then echo "FAIL: the Wit.Hosting.Wasmtime consumer's build reports diagnostics:"; echo "$others"; exit 1; fi
expected=$'hello("wasm") = Hello, wasm!\ntwice-plus-one(20) = 41'
if ! actual="$(dotnet run --project "$work/run/run.csproj" --no-build 2>&1)"; then
  echo "FAIL: the host exited non-zero:"; echo "$actual"; exit 1
fi
if [ "$actual" != "$expected" ]; then
  echo "FAIL: the host's output differs."; echo "expected:"; echo "$expected"; echo "actual:"; echo "$actual"; exit 1
fi
echo "ok: $(cd "$out" && ls *.nupkg | tr '\n' ' ')consumed; Wit.Hosting: WITH0101 and nothing else; Wit.Hosting.Wasmtime: a clean build, and the host ran on Wasmtime ($(echo "$actual" | head -1))"
