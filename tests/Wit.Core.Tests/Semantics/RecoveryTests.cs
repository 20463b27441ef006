using System.Linq;
using Wit.Core.Semantics;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// The recovery acceptance: five independent errors in three files (two root files and a dependency) are
/// all reported, each where wit-parser would point, and every item they do not involve is resolved and ready for
/// hover (name, docs, location, types).
/// </summary>
public sealed class RecoveryTests
{
    private const string Workspace = """
        //- /a.wit
        package test:app;

        /// Shared shapes.
        interface shapes {
          /// A point on the plane.
          record point {
            /// Horizontal.
            x: s32,
            y: s32,
          }

          enum color { red, green }

          /// Area of a shape.
          area: func(s: shape) -> f32;
          distance: func(a: point, b: point) -> f64;
        }
        //- /b.wit
        package test:app;

        interface api {
          use shapes.{point, color};
          use nowhere.{thing};
          use test:lib/handles@1.0.0.{res};

          enum mode { rgb, cmyk }
          enum mode { gray }

          /// Moves a point.
          move: func(p: point, dx: s32) -> point;
          open: func(c: color, m: mode) -> res;
        }

        world app {
          import api;
          export shapes;
        }
        //- /deps/lib/lib.wit
        package test:lib@1.0.0;

        interface handles {
          record rec { a: u8 }
          resource res {
            constructor(n: u32);
            get: func() -> u32;
          }
          type h = borrow<rec>;
          lend: func(r: borrow<res>) -> borrow<res>;
          peek: func(r: borrow<res>) -> u32;
        }
        """;

    [Fact]
    public void FiveIndependentErrorsInThreeFilesAreAllReported()
    {
        var fixture = WitFixture.Resolve(Workspace);

        // wit-parser's order: the root resolved by itself (interface and world names before bodies), then each
        // dependency by itself, then linking (a borrow in a result is a link-time check).
        fixture.AssertDiagnostics(
            "WIT1001 /b.wit:5:7 interface or world `nowhere` does not exist",
            "WIT1001 /a.wit:15:17 name `shape` does not exist",
            "WIT1002 /b.wit:9:8 name `mode` is defined more than once",
            "WIT1005 /deps/lib/lib.wit:9:19 type `rec` used in a handle must be a resource",
            "WIT1006 /deps/lib/lib.wit:10:3 function `lend` returns a type which contains a `borrow<T>` which is not supported");
    }

    [Fact]
    public void ItemsTheErrorsDoNotInvolveAreResolvedWithDocsAndLocations()
    {
        var fixture = WitFixture.Resolve(Workspace);

        var shapes = fixture.Interface("test:app/shapes");
        Assert.Equal("Shared shapes.", shapes.Docs);
        Assert.Equal("/a.wit:4:11", ResolvedFixture.Position(shapes.Location));
        Assert.Equal(new[] { "point", "color" }, shapes.Types.Keys.ToArray());

        var point = fixture.Type("test:app/shapes", "point");
        Assert.Equal(TypeDefinitionKind.Record, point.Kind);
        Assert.Equal("A point on the plane.", point.Docs);
        Assert.Equal("/a.wit:6:10", ResolvedFixture.Position(point.Location));
        Assert.Equal(new[] { "x: s32", "y: s32" }, point.Members.Select(m => $"{m.Name}: {TypeText.Of(m.Type)}").ToArray());
        Assert.Equal("Horizontal.", point.Members[0].Docs);
        Assert.Equal("/a.wit:8:5", ResolvedFixture.Position(point.Members[0].Location));

        var color = fixture.Type("test:app/shapes", "color");
        Assert.Equal(TypeDefinitionKind.Enum, color.Kind);
        Assert.Equal(new[] { "red", "green" }, color.Members.Select(m => m.Name).ToArray());

        var distance = fixture.Function("test:app/shapes", "distance");
        Assert.Equal("distance(a: point, b: point) -> f64", TypeText.Signature(distance));
        Assert.Equal("/a.wit:16:3", ResolvedFixture.Position(distance.Location));
    }

    [Fact]
    public void AFunctionWithAnUnknownParameterTypeKeepsItsNameDocsAndResult()
    {
        var fixture = WitFixture.Resolve(Workspace);

        var area = fixture.Function("test:app/shapes", "area");
        Assert.Equal("area(s: _) -> f32", TypeText.Signature(area));
        Assert.Null(area.Parameters[0].Type);
        Assert.Equal("Area of a shape.", area.Docs);
        Assert.Equal("area", ResolvedFixture.Text(area.Location));
    }

    [Fact]
    public void AnInterfaceWithABrokenUseAndADuplicateKeepsEverythingElse()
    {
        var fixture = WitFixture.Resolve(Workspace);

        var api = fixture.Interface("test:app/api");
        Assert.Equal(new[] { "point", "color", "thing", "res", "mode" }, api.Types.Keys.ToArray());
        Assert.Equal(TypeDefinitionKind.Error, fixture.Type("test:app/api", "thing").Kind);
        Assert.Same(fixture.Type("test:app/shapes", "point"), fixture.Type("test:app/api", "point").Element?.Definition);
        Assert.Same(fixture.Type("test:lib/handles@1.0.0", "res"), fixture.Type("test:app/api", "res").Element?.Definition);

        // The first `mode` is kept; the second is the one reported.
        var mode = fixture.Type("test:app/api", "mode");
        Assert.Equal(new[] { "rgb", "cmyk" }, mode.Members.Select(m => m.Name).ToArray());
        Assert.Equal("/b.wit:8:8", ResolvedFixture.Position(mode.Location));

        Assert.Equal("move(p: point, dx: s32) -> point", TypeText.Signature(fixture.Function("test:app/api", "move")));
        Assert.Equal("Moves a point.", fixture.Function("test:app/api", "move").Docs);
        Assert.Equal("open(c: color, m: mode) -> own<res>", TypeText.Signature(fixture.Function("test:app/api", "open")));
    }

    [Fact]
    public void TheDependencyWithTwoErrorsKeepsItsResourceAndFunctions()
    {
        var fixture = WitFixture.Resolve(Workspace);
        const string handles = "test:lib/handles@1.0.0";

        Assert.Equal(TypeDefinitionKind.Record, fixture.Type(handles, "rec").Kind);
        Assert.Equal(TypeDefinitionKind.Resource, fixture.Type(handles, "res").Kind);
        Assert.Equal(TypeDefinitionKind.Error, fixture.Type(handles, "h").Kind);
        Assert.Equal(
            new[]
            {
                "[constructor]res(n: u32) -> own<res>",
                "[method]res.get(self: borrow<res>) -> u32",
                "lend(r: borrow<res>) -> borrow<res>",
                "peek(r: borrow<res>) -> u32",
            },
            fixture.Interface(handles).Functions.Values.Select(TypeText.Signature).ToArray());
        Assert.Equal("/deps/lib/lib.wit:7:5", ResolvedFixture.Position(fixture.Function(handles, "[method]res.get").Location));
    }

    [Fact]
    public void TheWorldStillElaboratesAndReferencesStillResolve()
    {
        var fixture = WitFixture.Resolve(Workspace);

        var app = fixture.World("test:app/app");
        Assert.Equal(
            new[] { "test:app/shapes = interface test:app/shapes", "test:lib/handles@1.0.0 = interface test:lib/handles@1.0.0", "test:app/api = interface test:app/api" },
            ResolvedFixture.Items(app.Imports));
        Assert.Equal(new[] { "test:app/shapes = interface test:app/shapes" }, ResolvedFixture.Items(app.Exports));

        // Hover over `point` in `move`'s signature: the alias `use` made, which names the record it stands for.
        var reference = fixture.Model.FindReference("/ws/b.wit", fixture.OffsetOf("/b.wit", "point", occurrence: 2));
        var alias = Assert.IsType<TypeDefinition>(reference?.Target);
        Assert.Same(fixture.Type("test:app/api", "point"), alias);
        Assert.Equal("A point on the plane.", alias.Element?.Definition?.Docs);
    }
}
