using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// World imports and exports in every spelling, the implicit imports elaboration adds (dependencies before the item
/// that needs them, as wit-parser orders them), includes with renames and de-duplication, and name conflicts.
/// </summary>
public sealed class WorldElaborationTests
{
    [Fact]
    public void ImportsByNamePathInlineAndNamedPathAreElaboratedWithTheirDependenciesFirst()
    {
        var fixture = WitFixture.Resolve("""
            //- /main.wit
            package a:app;
            interface store {
              use types.{key};
              get: func(k: key) -> option<string>;
            }
            interface types {
              type key = string;
            }
            interface logging {
              use types.{key};
              log: func(k: key);
            }
            world w {
              import primary: store;
              import store;
              import wasi:io/streams@0.2.0;
              import inline: interface {
                ping: func();
              }
              import now: func() -> u64;
              export logging;
              export run: func();
            }
            //- /deps/io/streams.wit
            package wasi:io@0.2.0;
            interface error { resource error; }
            interface streams {
              use error.{error};
              resource input-stream;
            }
            """);

        fixture.AssertClean();
        var world = fixture.World("a:app/w");
        Assert.Equal(
            new[]
            {
                "a:app/types = interface a:app/types",
                "primary = interface a:app/store",
                "a:app/store = interface a:app/store",
                "wasi:io/error@0.2.0 = interface wasi:io/error@0.2.0",
                "wasi:io/streams@0.2.0 = interface wasi:io/streams@0.2.0",
                "inline = interface <inline interface>",
                "now = func now() -> u64",
            },
            ResolvedFixture.Items(world.Imports));
        // wit-parser lists exported functions before exported interfaces.
        Assert.Equal(new[] { "run = func run()", "a:app/logging = interface a:app/logging" }, ResolvedFixture.Items(world.Exports));
        var inline = world.Imports[5].Value.Interface!;
        Assert.Null(inline.Name);
        Assert.Equal(new[] { "ping" }, inline.Functions.Keys);
    }

    [Fact]
    public void AnExportedInterfacesDependenciesAreImportedTransitively()
    {
        var fixture = WitFixture.Resolve("""
            package a:app;
            interface base-types { type id = u64; }
            interface types { use base-types.{id}; type key = string; }
            interface logging { use types.{key}; log: func(k: key); }
            world w {
              export logging;
            }
            """);

        fixture.AssertClean();
        var world = fixture.World("a:app/w");
        Assert.Equal(new[] { "a:app/base-types = interface a:app/base-types", "a:app/types = interface a:app/types" }, ResolvedFixture.Items(world.Imports));
        Assert.Equal(new[] { "a:app/logging = interface a:app/logging" }, ResolvedFixture.Items(world.Exports));
    }

    [Fact]
    public void AWorldLevelUseImportsItsInterfaceBeforeTheType()
    {
        var fixture = WitFixture.Resolve("""
            package a:app;
            interface types { type key = string; }
            world w {
              use types.{key};
              import get: func(k: key);
            }
            """);

        fixture.AssertClean();
        Assert.Equal(
            new[] { "a:app/types = interface a:app/types", "key = type key", "get = func get(k: key)" },
            ResolvedFixture.Items(fixture.World("a:app/w").Imports));
    }

    [Fact]
    public void IncludeRenamesPlainNamesAndMergesTheSameInterfaceOnce()
    {
        var fixture = WitFixture.Resolve("""
            package a:app;
            interface shared { f: func(); }
            interface other { g: func(); }
            world base {
              import shared;
              import a: func();
              export run: func();
            }
            world extra {
              import shared;
              import other;
              import b: func();
            }
            world combined {
              include base with { a as base-a, run as base-run }
              include extra;
            }
            """);

        fixture.AssertClean();
        var combined = fixture.World("a:app/combined");
        Assert.Equal(
            new[]
            {
                "a:app/shared = interface a:app/shared",
                "a:app/other = interface a:app/other",
                "base-a = func base-a()",
                "b = func b()",
            },
            ResolvedFixture.Items(combined.Imports));
        Assert.Equal(new[] { "base-run = func base-run()" }, ResolvedFixture.Items(combined.Exports));
    }

    [Fact]
    public void RenamingANameTheIncludedWorldLacksIsReported()
    {
        var fixture = WitFixture.Resolve("""
            package a:app;
            world base {
              import a: func();
            }
            world combined {
              include base with { nope as x }
            }
            """);

        fixture.AssertDiagnostics("WIT1009 /main.wit:6:11 no import or export kebab-name `nope`. Note that an ID does not support renaming");
        Assert.Equal(new[] { "a = func a()" }, ResolvedFixture.Items(fixture.World("a:app/combined").Imports));
    }

    [Fact]
    public void IncludingANameTheWorldAlreadyImportsIsAShadowingError()
    {
        var fixture = WitFixture.Resolve("""
            package a:app;
            world base {
              import a: func();
            }
            world combined {
              import a: func(x: u32);
              include base;
            }
            """);

        fixture.AssertDiagnostics("WIT1009 /main.wit:7:11 import of `a` shadows previously imported items");
        Assert.Equal(new[] { "a = func a(x: u32)" }, ResolvedFixture.Items(fixture.World("a:app/combined").Imports));
    }

    [Fact]
    public void ExportNamesDifferingOnlyInCaseConflict()
    {
        var fixture = WitFixture.Resolve("""
            package a:b;
            world w {
              export get-user: func();
              export GET-USER: func();
            }
            """);

        fixture.AssertDiagnostics(
            "WIT1007 /main.wit:4:10 export `GET-USER` in world `w` conflicts with export `get-user` (kebab-case identifiers are case-insensitive)");
        Assert.Equal(new[] { "get-user = func get-user()" }, ResolvedFixture.Items(fixture.World("a:b/w").Exports));
    }

    [Fact]
    public void AnImportAndAnExportMayShareANameInDifferentCase()
    {
        var fixture = WitFixture.Resolve("""
            package a:b;
            world w {
              import get-user: func();
              export GET-USER: func();
            }
            """);

        fixture.AssertClean();
    }

    [Fact]
    public void ImportingTheSameNameOrInterfaceTwiceIsReported()
    {
        var fixture = WitFixture.Resolve("""
            package a:b;
            interface i {}
            world w {
              import i;
              import i;
              import a: func();
              import a: func();
            }
            """);

        fixture.AssertDiagnostics(
            "WIT1007 /main.wit:5:10 interface cannot be imported more than once",
            "WIT1007 /main.wit:7:10 import `a` conflicts with prior func of same name");
    }

    [Fact]
    public void AWorldIncludingItselfWithARenameIsACycle()
    {
        var fixture = WitFixture.Resolve("""
            package a:b;
            world a {
              import f: func();
              include a with { f as g }
            }
            """);

        fixture.AssertDiagnostics("WIT1003 /main.wit:2:7 interface or world `a` depends on itself");
        Assert.Equal("f = func f()", ResolvedFixture.Items(fixture.World("a:b/a").Imports)[0]);
    }
}
