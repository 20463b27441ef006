using System.Linq;
using Wit.Core.Semantics;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>Type expressions: anonymous types shared per package, fixed-length lists, maps, async types, async functions.</summary>
public sealed class TypeResolutionTests
{
    private const string Data = """
        package a:app;
        interface data {
          type bytes = list<u8>;
          record blob { body: list<u8>, hash: list<u8, 32> }
          type pair = tuple<u32, list<u8>>;
          type dict = map<string, u64>;
          type f1 = future;
          type f2 = future<u32>;
          type s1 = stream;
          type s2 = stream<list<u8>>;
          type ec = error-context;
          fetch: async func(url: string) -> list<u8>;
          wait: func(f: f2) -> result<_, ec>;
        }
        """;

    [Fact]
    public void AnonymousTypesAreDeduplicatedWithinAPackage()
    {
        var fixture = WitFixture.Resolve(Data);

        fixture.AssertClean();
        var list = Assert.Single(fixture.Model.Types, t => t.Kind == TypeDefinitionKind.List && t.Name is null);
        Assert.True(list.Owner.IsNone);
        Assert.Equal(PrimitiveType.U8, list.Element?.Primitive);
        Assert.Same(list, fixture.Type("a:app/data", "blob").Members[0].Type?.Definition);
        Assert.Same(list, fixture.Type("a:app/data", "pair").Elements[1].Definition);
        Assert.Same(list, fixture.Type("a:app/data", "s2").Element?.Definition);
        Assert.Same(list, fixture.Function("a:app/data", "fetch").Result?.Definition);
    }

    [Fact]
    public void EveryKindOfAnonymousTypeIsMadeOnceWhateverTheNumberOfItsUses()
    {
        // Each shape is used by two functions: the second use must find the definition the first made (the set of
        // anonymous definitions finds one by the shape it was filled from, for every kind).
        const string Shapes = """
            package a:app;
            interface shapes {
              resource r;
              f1: func(a: list<u8>, b: list<u8, 4>, c: option<u32>, d: tuple<u8, string>, f: map<string, u32>) -> result<u8, string>;
              f2: func(a: list<u8>, b: list<u8, 4>, c: option<u32>, d: tuple<u8, string>, f: map<string, u32>) -> result<u8, string>;
              g1: func(a: result<u8>, b: result<_, u8>, c: result, d: future<u8>, e: future, f: stream<u8>, g: stream, h: borrow<r>);
              g2: func(a: result<u8>, b: result<_, u8>, c: result, d: future<u8>, e: future, f: stream<u8>, g: stream, h: borrow<r>);
            }
            """;
        var fixture = WitFixture.Resolve(Shapes);

        fixture.AssertClean();
        var anonymous = fixture.Model.Types.Where(t => t.Name is null).ToList();
        var first = fixture.Function("a:app/shapes", "f1");
        var second = fixture.Function("a:app/shapes", "f2");
        Assert.Equal(first.Result?.Definition, second.Result?.Definition);
        foreach (var (one, other) in new[] { (first, second), (fixture.Function("a:app/shapes", "g1"), fixture.Function("a:app/shapes", "g2")) })
        {
            for (int i = 0; i < one.Parameters.Count; i++)
            {
                var definition = one.Parameters[i].Type?.Definition;
                Assert.NotNull(definition);
                Assert.Same(definition, other.Parameters[i].Type?.Definition);
            }
        }

        // 5 + 1 (the result) of f1 and 8 of g1 (no own handle: r is not used by value): no duplicates.
        Assert.Equal(14, anonymous.Count);
        Assert.Equal(anonymous.Count, anonymous.Select(t => TypeText.Structure(t)).Distinct().Count());
    }

    [Fact]
    public void ANamedTypeDefinedAsAConstructedTypeIsThatTypeNotAnAlias()
    {
        var fixture = WitFixture.Resolve(Data);

        // As in wit-parser: `type bytes = list<u8>;` is a list named `bytes`, apart from the anonymous `list<u8>`.
        var bytes = fixture.Type("a:app/data", "bytes");
        Assert.Equal(TypeDefinitionKind.List, bytes.Kind);
        Assert.Equal(PrimitiveType.U8, bytes.Element?.Primitive);
        Assert.Equal(2, fixture.Model.Types.Count(t => t.Kind == TypeDefinitionKind.List));
        Assert.Equal(TypeDefinitionKind.Alias, fixture.Type("a:app/data", "ec").Kind);
    }

    [Fact]
    public void EveryTypeExpressionResolvesToItsStructure()
    {
        var fixture = WitFixture.Resolve(Data);

        string Structure(string name) => TypeText.Structure(fixture.Type("a:app/data", name));
        Assert.Equal("list<u8>", Structure("bytes"));
        Assert.Equal("tuple<u32, list<u8>>", Structure("pair"));
        Assert.Equal("map<string, u64>", Structure("dict"));
        Assert.Equal("future", Structure("f1"));
        Assert.Equal("future<u32>", Structure("f2"));
        Assert.Equal("stream", Structure("s1"));
        Assert.Equal("stream<list<u8>>", Structure("s2"));
        Assert.Equal("error-context", Structure("ec"));
        Assert.Equal(PrimitiveType.ErrorContext, fixture.Type("a:app/data", "ec").Element?.Primitive);
        Assert.Equal("wait(f: f2) -> result<_, ec>", TypeText.Signature(fixture.Function("a:app/data", "wait")));
    }

    [Fact]
    public void AFixedLengthListKeepsItsLengthAndIsDistinctFromTheList()
    {
        var fixture = WitFixture.Resolve(Data);

        var hash = fixture.Type("a:app/data", "blob").Members[1].Type?.Definition;
        Assert.NotNull(hash);
        Assert.Equal(TypeDefinitionKind.FixedSizeList, hash!.Kind);
        Assert.Equal(32u, hash.FixedLength);
        Assert.Equal("list<u8, 32>", TypeText.Of(WitType.Of(hash)));
    }

    [Fact]
    public void AsyncFunctionsAreMarkedAsync()
    {
        var fixture = WitFixture.Resolve(Data);

        var fetch = fixture.Function("a:app/data", "fetch");
        Assert.Equal(FunctionKind.AsyncFreestanding, fetch.Kind);
        Assert.True(fetch.IsAsync);
        Assert.False(fixture.Function("a:app/data", "wait").IsAsync);
        Assert.Equal("async fetch(url: string) -> list<u8>", TypeText.Signature(fetch));
    }

    [Fact]
    public void AsyncResourceMembersAreAsyncMethodsAndStatics()
    {
        var fixture = WitFixture.Resolve("""
            package a:app;
            interface i {
              resource r {
                get: async func() -> u32;
                make: static async func() -> r;
              }
            }
            """);

        fixture.AssertClean();
        Assert.Equal(FunctionKind.AsyncMethod, fixture.Function("a:app/i", "[method]r.get").Kind);
        Assert.Equal(FunctionKind.AsyncStatic, fixture.Function("a:app/i", "[static]r.make").Kind);
    }

    [Fact]
    public void MapKeysMustBeScalarPrimitivesNotAliasesOrRecords()
    {
        var fixture = WitFixture.Resolve("""
            package a:app;
            interface data {
              type bad = map<f32, u8>;
              type k = u32;
              type via-alias = map<k, u8>;
              type ok = map<char, u8>;
            }
            """);

        const string message = "invalid map key type: map keys must be bool, u8, u16, u32, u64, s8, s16, s32, s64, char, or string";
        fixture.AssertDiagnostics($"WIT1010 /main.wit:3:14 {message}", $"WIT1010 /main.wit:5:20 {message}");
        Assert.Equal(TypeDefinitionKind.Error, fixture.Type("a:app/data", "bad").Kind);
        Assert.Equal("map<char, u8>", TypeText.Structure(fixture.Type("a:app/data", "ok")));
    }

    [Fact]
    public void EachUnknownTypeInADefinitionIsReportedOnce()
    {
        var fixture = WitFixture.Resolve("""
            package a:b;
            interface i {
              record r { x: missing-type }
              type t = missing-type;
            }
            """);

        fixture.AssertDiagnostics(
            "WIT1001 /main.wit:3:17 type `missing-type` does not exist",
            "WIT1001 /main.wit:4:12 type `missing-type` does not exist");
        Assert.Equal(new[] { "x: _" }, fixture.Type("a:b/i", "r").Members.Select(m => $"{m.Name}: {TypeText.Of(m.Type)}").ToArray());
    }

    /// <summary>
    /// A function's name used as a type is "a function" once the function is declared and "does not exist" before
    /// (upstream's answers, `wit-oracle check`): the scope knows the functions declared so far, asked again after more.
    /// </summary>
    [Fact]
    public void A_function_used_as_a_type_is_known_from_its_declaration_on() =>
        WitFixture.Resolve("package a:b;\ninterface i {\n  f: func();\n  g: func(x: f) -> h;\n  h: func();\n  k: func(y: f, z: h);\n}\n")
            .AssertDiagnostics(
                "WIT1012 /main.wit:4:14 cannot use function `f` as a type",
                "WIT1001 /main.wit:4:20 name `h` does not exist",
                "WIT1012 /main.wit:6:14 cannot use function `f` as a type",
                "WIT1012 /main.wit:6:20 cannot use function `h` as a type");
}
