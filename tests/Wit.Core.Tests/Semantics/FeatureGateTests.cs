using System.Linq;
using Wit.Core.Semantics;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// <c>@unstable</c> items exist only when their feature is enabled; references to dropped items are errors;
/// <c>@since</c> needs a package version no older than it; <c>@deprecated</c> is recorded.
/// </summary>
public sealed class FeatureGateTests
{
    private const string Gated = """
        package a:app@1.2.0;
        interface stable {
          @unstable(feature = x)
          type gated = u32;
          @since(version = 1.0.0)
          type old = u32;
          @since(version = 1.0.0)
          @deprecated(version = 1.1.0)
          dep: func();
          @unstable(feature = x)
          gated-fn: func();
          plain: func();
        }
        @unstable(feature = x)
        interface gated-iface {
          f: func();
        }
        @unstable(feature = x)
        world gated-world {}
        world w {
          @unstable(feature = x)
          import gated-iface;
          import stable;
        }
        """;

    [Fact]
    public void UnstableItemsAreDroppedWhenTheirFeatureIsOff()
    {
        var fixture = WitFixture.Resolve(Gated);

        fixture.AssertClean();
        Assert.Equal(new[] { "stable" }, fixture.Package("a:app@1.2.0").Interfaces.Keys.ToArray());
        Assert.Equal(new[] { "w" }, fixture.Package("a:app@1.2.0").Worlds.Keys.ToArray());
        Assert.Equal(new[] { "old" }, fixture.Interface("a:app/stable@1.2.0").Types.Keys.ToArray());
        Assert.Equal(new[] { "dep", "plain" }, fixture.Interface("a:app/stable@1.2.0").Functions.Keys.ToArray());
        Assert.Equal(new[] { "a:app/stable@1.2.0 = interface a:app/stable@1.2.0" }, ResolvedFixture.Items(fixture.World("a:app/w").Imports));
    }

    [Fact]
    public void UnstableItemsAreKeptWhenTheirFeatureIsEnabled()
    {
        var fixture = WitFixture.Resolve(Gated, new ResolveOptions(features: new[] { "x" }));

        fixture.AssertClean();
        Assert.Equal(new[] { "stable", "gated-iface" }, fixture.Package("a:app@1.2.0").Interfaces.Keys.ToArray());
        Assert.Equal(new[] { "gated-world", "w" }, fixture.Package("a:app@1.2.0").Worlds.Keys.ToArray());
        Assert.Equal("x", fixture.Type("a:app/stable@1.2.0", "gated").Stability.Feature);
        Assert.True(fixture.Function("a:app/stable@1.2.0", "gated-fn").Stability.IsUnstable);
        Assert.Equal("x", fixture.Interface("a:app/gated-iface@1.2.0").Stability.Feature);
        Assert.Equal(
            new[] { "a:app/gated-iface@1.2.0 = interface a:app/gated-iface@1.2.0", "a:app/stable@1.2.0 = interface a:app/stable@1.2.0" },
            ResolvedFixture.Items(fixture.World("a:app/w").Imports));
        Assert.Equal("x", fixture.World("a:app/w").Imports[0].Value.Stability.Feature);
    }

    [Fact]
    public void AllFeaturesEnablesEveryFeature()
    {
        var fixture = WitFixture.Resolve(Gated, new ResolveOptions(allFeatures: true));

        fixture.AssertClean();
        Assert.Equal(new[] { "gated", "old" }, fixture.Interface("a:app/stable@1.2.0").Types.Keys.ToArray());
        Assert.Equal(2, fixture.Package("a:app@1.2.0").Worlds.Count);
    }

    [Fact]
    public void AnotherFeatureDoesNotEnableThisOne()
    {
        var fixture = WitFixture.Resolve(Gated, new ResolveOptions(features: new[] { "y" }));

        Assert.Equal(new[] { "old" }, fixture.Interface("a:app/stable@1.2.0").Types.Keys.ToArray());
    }

    [Fact]
    public void SinceAndDeprecatedAreRecorded()
    {
        var fixture = WitFixture.Resolve(Gated);

        var old = fixture.Type("a:app/stable@1.2.0", "old").Stability;
        Assert.Equal("1.0.0", old.Since);
        Assert.Null(old.Deprecated);
        var dep = fixture.Function("a:app/stable@1.2.0", "dep").Stability;
        Assert.Equal("1.0.0", dep.Since);
        Assert.Equal("1.1.0", dep.Deprecated);
        Assert.False(dep.IsUnstable);
        Assert.True(fixture.Function("a:app/stable@1.2.0", "plain").Stability.IsUnknown);
    }

    [Fact]
    public void ReferencesToDroppedTypesAndWorldsAreReported()
    {
        // References to dropped interfaces are not asserted: wit-parser words them differently today ("a interface",
        // plus a note when the reference goes through one of its types).
        var fixture = WitFixture.Resolve("""
            package a:app;
            interface i {
              @unstable(feature = x)
              type gated = u32;
              f: func(g: gated);
            }
            @unstable(feature = x)
            world gw {}
            world w {
              include gw;
            }
            """);

        fixture.AssertDiagnostics(
            "WIT1008 /main.wit:5:3 found a reference to a type which is excluded due to its feature not being activated",
            "WIT1008 /main.wit:10:11 found a reference to a world which is excluded due to its feature not being activated");
        Assert.Equal("f(g: _)", TypeText.Signature(fixture.Function("a:app/i", "f")));
        Assert.Empty(fixture.World("a:app/w").Imports);
    }

    [Fact]
    public void SinceNewerThanThePackageVersionIsReported()
    {
        var fixture = WitFixture.Resolve("""
            package a:app@1.2.0;
            interface i {
              @since(version = 2.0.0)
              future-fn: func();
              @since(version = 1.2.0)
              current-fn: func();
            }
            """);

        fixture.AssertDiagnostics(
            "WIT1008 /main.wit:4:3 feature gate cannot reference unreleased version 2.0.0 of package [a:app@1.2.0] (current version 1.2.0)");
    }

    [Fact]
    public void SinceInAVersionlessPackageIsReported()
    {
        var fixture = WitFixture.Resolve("""
            package a:app;
            interface i {
              @since(version = 1.0.0)
              f: func();
            }
            """);

        fixture.AssertDiagnostics("WIT1008 /main.wit:4:3 package [a:app] contains a feature gate with a version specifier, so it must have a version");
    }

    /// <summary>
    /// An anonymous type takes wit-parser's gate (<c>find_stability</c>): that of the type definition it is first made
    /// in, else the first gate among its parts (an owned resource counting as the resource); the first use of a shape
    /// decides for every later one.
    /// </summary>
    [Fact]
    public void An_anonymous_type_takes_the_gate_of_the_definition_it_is_made_in_or_of_its_first_gated_part()
    {
        var fixture = WitFixture.Resolve("""
            package a:app@1.2.0;
            interface i {
              @since(version = 1.0.0)
              record kept { a: list<list<u32>> }
              @since(version = 1.1.0)
              resource r;
              plain: func(x: option<u64>, y: tuple<u8, r>, z: result<string, kept>, w: list<u32>);
            }
            """);

        fixture.AssertClean();
        var kept = fixture.Type("a:app/i@1.2.0", "kept");
        var inner = kept.Members[0].Type!.Value.Definition!.Element!.Value.Definition!;
        Assert.Equal("1.0.0", kept.Members[0].Type!.Value.Definition!.Stability.Since);
        Assert.Equal("1.0.0", inner.Stability.Since);
        var plain = fixture.Function("a:app/i@1.2.0", "plain");
        Assert.True(plain.Parameters[0].Type!.Value.Definition!.Stability.IsUnknown);
        Assert.Equal("1.1.0", plain.Parameters[1].Type!.Value.Definition!.Stability.Since);
        Assert.Equal("1.0.0", plain.Parameters[2].Type!.Value.Definition!.Stability.Since);
        // `list<u32>` was first made inside `kept`: the function's is the same type, with that gate.
        Assert.Same(inner, plain.Parameters[3].Type!.Value.Definition);
    }

    [Fact]
    public void A_type_a_gated_off_definition_makes_first_cannot_be_used_by_an_item_kept()
    {
        var fixture = WitFixture.Resolve("""
            package a:app;
            interface i {
              @unstable(feature = x)
              record gated { a: list<u8> }
              record kept { data: list<u8> }
              f: func(a: list<u8>) -> option<list<u8>>;
              g: func(a: list<u16>);
            }
            """);

        Assert.Equal(2, fixture.Model.Diagnostics.Count);
        Assert.All(fixture.Model.Diagnostics, d => Assert.Equal("WIT1008", d.Code));
        Assert.Equal(new[] { "data", "f" }, fixture.Model.Diagnostics.Select(d => d.Document!.Text.Substring(d.Span.Start, d.Span.Length)).ToArray());

        // With the feature on the gated record is kept and the type is every item's.
        WitFixture.Resolve(fixture.Files[0].Text, new ResolveOptions(features: new[] { "x" })).AssertClean();
    }

    /// <summary>
    /// Which errors wit-parser meets only once packages are linked (reported without "failed to parse package"): a
    /// reference to a gated-off type and a missing interface of another package are; a syntax error and an unknown
    /// name inside the package are not.
    /// </summary>
    [Fact]
    public void The_model_tells_which_errors_are_met_only_when_linking()
    {
        var fixture = WitFixture.Resolve("""
            package a:app;
            interface i {
              @unstable(feature = x)
              type gated = u32;
              f: func(a: gated);
              g: func(b: nope);
            }
            """);
        var byMessage = fixture.Model.Diagnostics.ToDictionary(d => d.Code, d => fixture.Model.IsMetAfterParsing(d));

        Assert.True(byMessage["WIT1008"]);
        Assert.False(byMessage["WIT1001"]);
        var syntax = WitFixture.Resolve("package a:app;\ninterface i {\n  f: func(;\n}\n");
        Assert.All(syntax.Model.Diagnostics, d => Assert.False(syntax.Model.IsMetAfterParsing(d)));
        Assert.NotEmpty(syntax.Model.Diagnostics);
    }
}
