using System.Linq;
using Wit.Core.Semantics;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary><c>use</c> inside interfaces (local, renamed, foreign with versions) and top-level <c>use ... as</c>.</summary>
public sealed class UseResolutionTests
{
    [Fact]
    public void UseWithAsDefinesTheLocalNameAsAnAliasOfTheOriginal()
    {
        var fixture = WitFixture.Resolve("""
            package a:b;
            interface types {
              record r { x: u32 }
              type t = u64;
            }
            interface user {
              use types.{r as rr, t};
              f: func(a: rr, b: t) -> rr;
            }
            """);

        fixture.AssertClean();
        Assert.Equal(new[] { "rr", "t" }, fixture.Interface("a:b/user").Types.Keys.ToArray());
        var rr = fixture.Type("a:b/user", "rr");
        Assert.Equal(TypeDefinitionKind.Alias, rr.Kind);
        Assert.Same(fixture.Type("a:b/types", "r"), rr.Element?.Definition);
        Assert.Equal("/main.wit:7:19", ResolvedFixture.Position(rr.Location));
        Assert.Equal("rr", ResolvedFixture.Text(rr.Location));
        Assert.Equal("f(a: rr, b: t) -> rr", TypeText.Signature(fixture.Function("a:b/user", "f")));
    }

    [Fact]
    public void UsingTheOriginalNameAfterRenamingItIsUnknown()
    {
        var fixture = WitFixture.Resolve("""
            package a:b;
            interface types { record r { x: u32 } }
            interface user {
              use types.{r as rr};
              f: func(a: r);
            }
            """);

        fixture.AssertDiagnostics("WIT1001 /main.wit:5:14 name `r` does not exist");
    }

    [Fact]
    public void ForeignUseWithAVersionFindsTheDependencyWithThatVersion()
    {
        var fixture = WitFixture.Resolve("""
            //- /main.wit
            package a:app;
            interface user {
              use wasi:io/streams@0.2.0.{input-stream};
              read: func(s: borrow<input-stream>) -> u32;
            }
            //- /deps/io/streams.wit
            package wasi:io@0.2.0;
            interface streams {
              resource input-stream {
                read: func(n: u64) -> list<u8>;
              }
            }
            """);

        fixture.AssertClean();
        Assert.Equal(new[] { "wasi:io@0.2.0", "a:app" }, fixture.Model.Packages.Select(p => p.Name.ToString()).ToArray());
        var alias = fixture.Type("a:app/user", "input-stream");
        Assert.Same(fixture.Type("wasi:io/streams@0.2.0", "input-stream"), alias.Element?.Definition);
        Assert.Equal("read(s: borrow<input-stream>) -> u32", TypeText.Signature(fixture.Function("a:app/user", "read")));
        Assert.Same(alias, fixture.Function("a:app/user", "read").Parameters[0].Type?.Definition?.Resource);
    }

    [Fact]
    public void ForeignUseOfAVersionThatIsNotPresentIsReportedWithTheKnownPackages()
    {
        // wit-parser lists the packages resolved so far and orders the root among its dependencies by name; this
        // resolver resolves dependencies first. The root is named to sort last, where both agree.
        var fixture = WitFixture.Resolve("""
            //- /main.wit
            package z:app;
            interface user {
              use wasi:io/streams@0.2.1.{input-stream};
            }
            //- /deps/io/streams.wit
            package wasi:io@0.2.0;
            interface streams { resource input-stream; }
            """);

        fixture.AssertDiagnostics("WIT1015 /main.wit:3:7 package 'wasi:io@0.2.1' not found. known packages:\n    wasi:io@0.2.0\n    z:app");
        Assert.Equal(TypeDefinitionKind.Error, fixture.Type("z:app/user", "input-stream").Kind);
    }

    [Fact]
    public void ForeignUseOfAMissingTypeNamesTheInterface()
    {
        var fixture = WitFixture.Resolve("""
            //- /main.wit
            package a:app;
            interface user {
              use wasi:io/streams@0.2.0.{output-stream};
            }
            //- /deps/io/streams.wit
            package wasi:io@0.2.0;
            interface streams { resource input-stream; }
            """);

        fixture.AssertDiagnostics("WIT1001 /main.wit:3:30 type `output-stream` not defined in interface");
    }

    [Fact]
    public void TopLevelUseAsNamesAForeignInterfaceForTheWholeFile()
    {
        var fixture = WitFixture.Resolve("""
            //- /main.wit
            package a:app;
            use wasi:io/streams@0.2.0 as io-streams;
            interface user {
              use io-streams.{input-stream};
            }
            world w {
              import io-streams;
            }
            //- /deps/io/streams.wit
            package wasi:io@0.2.0;
            interface streams { resource input-stream; }
            """);

        fixture.AssertClean();
        Assert.Same(fixture.Type("wasi:io/streams@0.2.0", "input-stream"), fixture.Type("a:app/user", "input-stream").Element?.Definition);
        Assert.Equal(new[] { "wasi:io/streams@0.2.0 = interface wasi:io/streams@0.2.0" }, ResolvedFixture.Items(fixture.World("a:app/w").Imports));
    }

    [Fact]
    public void ATopLevelUseNameIsVisibleOnlyInItsOwnFile()
    {
        var fixture = WitFixture.Resolve("""
            //- /a.wit
            package a:app;
            use wasi:io/streams@0.2.0 as io-streams;
            //- /b.wit
            package a:app;
            interface user {
              use io-streams.{input-stream};
            }
            //- /deps/io/streams.wit
            package wasi:io@0.2.0;
            interface streams { resource input-stream; }
            """);

        fixture.AssertDiagnostics("WIT1001 /b.wit:3:7 interface or world `io-streams` does not exist");
    }

    [Fact]
    public void TopLevelUseAsOfALocalInterfaceIsAnotherNameForIt()
    {
        var fixture = WitFixture.Resolve("""
            package a:app;
            use local as loc;
            interface local { type x = u8; }
            interface user { use loc.{x}; }
            """);

        fixture.AssertClean();
        Assert.Same(fixture.Type("a:app/local", "x"), fixture.Type("a:app/user", "x").Element?.Definition);
    }
}
