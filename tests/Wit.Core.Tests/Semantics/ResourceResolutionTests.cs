using System.Linq;
using Wit.Core.Semantics;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>Resources: their members as the component model names them, handles, aliases, and where borrows may go.</summary>
public sealed class ResourceResolutionTests
{
    private const string Files = """
        package a:app;
        interface files {
          variant error-code { denied, missing(string) }
          resource file {
            constructor(path: string);
            read: func(n: u32) -> list<u8>;
            open: static func(path: string) -> result<file, error-code>;
          }
          resource conn {
            constructor(host: string) -> result<conn, error-code>;
            close: func();
          }
          type fd = file;
          take: func(f: own<file>, g: borrow<file>, h: fd, i: borrow<fd>);
        }
        """;

    [Fact]
    public void ResourceMembersAreNamedAndTypedAsTheComponentModelDoes()
    {
        var fixture = WitFixture.Resolve(Files);

        fixture.AssertClean();
        var functions = fixture.Interface("a:app/files").Functions.Values.ToList();
        Assert.Equal(
            new[]
            {
                "[constructor]file(path: string) -> own<file>",
                "[method]file.read(self: borrow<file>, n: u32) -> list<u8>",
                "[static]file.open(path: string) -> result<own<file>, error-code>",
                "[constructor]conn(host: string) -> result<own<conn>, error-code>",
                "[method]conn.close(self: borrow<conn>)",
                "take(f: own<file>, g: borrow<file>, h: own<fd>, i: borrow<fd>)",
            },
            functions.Select(TypeText.Signature).ToArray());
        Assert.Equal(
            new[] { FunctionKind.Constructor, FunctionKind.Method, FunctionKind.Static, FunctionKind.Constructor, FunctionKind.Method, FunctionKind.Freestanding },
            functions.Select(f => f.Kind).ToArray());
        var file = fixture.Type("a:app/files", "file");
        Assert.All(functions.Take(3), f => Assert.Same(file, f.Resource));
        Assert.Equal(new[] { "constructor", "read", "open" }, functions.Take(3).Select(f => ResolvedFixture.Text(f.Location)).ToArray());
        Assert.Equal("read", functions[1].ItemName);
    }

    [Fact]
    public void AnAliasOfAResourceIsAnAliasAndHandlesOfItPointAtTheAlias()
    {
        var fixture = WitFixture.Resolve(Files);

        var fd = fixture.Type("a:app/files", "fd");
        Assert.Equal(TypeDefinitionKind.Alias, fd.Kind);
        Assert.Same(fixture.Type("a:app/files", "file"), fd.Element?.Definition);
        var take = fixture.Function("a:app/files", "take");
        Assert.Same(fd, take.Parameters[2].Type?.Definition?.Resource);
        Assert.Equal(HandleKind.Borrow, take.Parameters[3].Type?.Definition?.HandleKind);
    }

    [Fact]
    public void AFallibleConstructorMustReturnTheResourceItConstructs()
    {
        var fixture = WitFixture.Resolve("""
            package a:app;
            interface i {
              resource other;
              resource r {
                constructor() -> result<other, string>;
              }
            }
            """);

        fixture.AssertDiagnostics("WIT1011 /main.wit:5:29 the `ok` type must be the resource being constructed");
    }

    [Fact]
    public void AHandleOfANonResourceIsReported()
    {
        var fixture = WitFixture.Resolve("""
            package a:app;
            interface i {
              record rec { a: u8 }
              f: func(x: own<rec>);
            }
            """);

        fixture.AssertDiagnostics("WIT1005 /main.wit:4:18 type `rec` used in a handle must be a resource");
    }

    [Fact]
    public void BorrowsAreAllowedInParametersButNotAnywhereInAResult()
    {
        var fixture = WitFixture.Resolve("""
            package a:app;
            interface i {
              resource r {
                ok: func(other: borrow<r>) -> u32;
                bad: func() -> option<borrow<r>>;
              }
              nested: func() -> result<tuple<u32, borrow<r>>>;
            }
            """);

        fixture.AssertDiagnostics(
            "WIT1006 /main.wit:5:5 function `[method]r.bad` returns a type which contains a `borrow<T>` which is not supported",
            "WIT1006 /main.wit:7:3 function `nested` returns a type which contains a `borrow<T>` which is not supported");
    }

    [Fact]
    public void ResourceMembersHaveOneNamespaceAndOneConstructor()
    {
        var fixture = WitFixture.Resolve("""
            package a:app;
            interface i {
              resource r {
                constructor();
                constructor(x: u32);
                f: func();
                f: static func();
              }
            }
            """);

        fixture.AssertDiagnostics(
            "WIT1002 /main.wit:5:5 duplicate constructors",
            "WIT1002 /main.wit:7:5 duplicate function name `f`");
        Assert.Equal(new[] { "[constructor]r", "[method]r.f" }, fixture.Interface("a:app/i").Functions.Keys.ToArray());
    }

    [Fact]
    public void OwnAndABareResourceNameAreOneHandleType()
    {
        var fixture = WitFixture.Resolve("""
            package foo:resources1;

            interface resources1 {
              t1: func(a: own<r1>);

              resource r1 {
                constructor();
                f1: func() -> own<r1>;
                f2: func() -> r1;
              }
            }
            """);

        fixture.AssertClean();
        var own = Assert.Single(fixture.Model.Types, t => t.Kind == TypeDefinitionKind.Handle && t.HandleKind == HandleKind.Own);
        const string resources = "foo:resources1/resources1";
        Assert.Same(own, fixture.Function(resources, "t1").Parameters[0].Type?.Definition);
        Assert.Same(own, fixture.Function(resources, "[constructor]r1").Result?.Definition);
        Assert.Same(own, fixture.Function(resources, "[method]r1.f1").Result?.Definition);
        Assert.Same(own, fixture.Function(resources, "[method]r1.f2").Result?.Definition);
    }
}
