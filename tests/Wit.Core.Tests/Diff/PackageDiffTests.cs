using System.Collections.Generic;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Diff;
using Wit.Core.Semantics;
using Wit.Core.Tests.Semantics;
using Wit.Core.Tests.TestKit;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Diff;

/// <summary>Hand-made change cases for <see cref="PackageDiff"/>: each kind of change and its classification.</summary>
public sealed class PackageDiffTests
{
    private static Package Resolve(string text, ResolveOptions? options = null)
    {
        var fixture = WitFixture.Resolve(text, options);
        fixture.AssertClean();
        return fixture.Model.Packages.Last();
    }

    /// <summary>Compares an old and a new body of interface <c>i</c> (package <c>a:b</c>).</summary>
    private static DiffResult Interface(string oldBody, string newBody, string oldVersion = "1.0.0", string newVersion = "1.0.0") =>
        PackageDiff.Compare(
            Resolve($"package a:b@{oldVersion};\ninterface i {{\n{oldBody}\n}}\n"),
            Resolve($"package a:b@{newVersion};\ninterface i {{\n{newBody}\n}}\n"));

    private static IReadOnlyList<string> Lines(DiffResult result) => result.Changes.Select(c => c.ToString()).ToList();

    [Theory]
    // Functions.
    [InlineData("f: func();", "", "breaking: i.f: function removed")]
    [InlineData("f: func(x: u32);", "f: func(x: u64);", "breaking: i.f: parameter `x` changed type from u32 to u64")]
    [InlineData("f: func(x: u32);", "f: func(y: u32);", "breaking: i.f: parameter 1 renamed from `x` to `y`")]
    [InlineData("f: func(x: u32);", "f: func(x: u32, y: u32);", "breaking: i.f: parameter count changed from 1 to 2")]
    [InlineData("f: func() -> u32;", "f: func() -> string;", "breaking: i.f: result changed from u32 to string")]
    [InlineData("f: func() -> u32;", "f: func();", "breaking: i.f: result changed from u32 to nothing")]
    [InlineData("f: func();", "f: async func();", "breaking: i.f: function kind changed from function to async function")]
    [InlineData("f: func(x: list<u8>);", "f: func(x: list<u16>);", "breaking: i.f: parameter `x` changed type from list<u8> to list<u16>")]
    [InlineData("f: func() -> result<u32, string>;", "f: func() -> result<u32>;", "breaking: i.f: result changed from result<u32, string> to result<u32>")]
    [InlineData("", "f: func();", "compatible: i.f: function added")]
    // Types.
    [InlineData("type t = u32;", "", "breaking: i.t: type removed")]
    [InlineData("type t = u32;", "type t = u64;", "breaking: i.t: changed from u32 to u64")]
    [InlineData("type t = u32;", "record t { x: u32 }", "breaking: i.t: changed from type alias to record")]
    [InlineData("", "type t = u32;", "compatible: i.t: type added")]
    [InlineData("record r { x: u32, y: u32 }", "record r { x: u32 }", "breaking: i.r.y: field removed")]
    [InlineData("record r { x: u32 }", "record r { x: s32 }", "breaking: i.r.x: field type changed from u32 to s32")]
    [InlineData("record r { x: u32 }", "record r { x: u32, y: u32 }", "breaking: i.r.y: field added (records, variants, enums and flags are closed in the component model)")]
    [InlineData("record r { x: u32, y: u32 }", "record r { y: u32, x: u32 }", "breaking: i.r: fields reordered")]
    [InlineData("variant v { a, b(u32) }", "variant v { a }", "breaking: i.v.b: case removed")]
    [InlineData("variant v { a, b(u32) }", "variant v { a, b(string) }", "breaking: i.v.b: case payload changed from u32 to string")]
    [InlineData("variant v { a, b(u32) }", "variant v { a, b }", "breaking: i.v.b: case payload changed from u32 to nothing")]
    [InlineData("variant v { a }", "variant v { a, c }", "breaking: i.v.c: case added (records, variants, enums and flags are closed in the component model)")]
    [InlineData("enum e { a, b }", "enum e { a }", "breaking: i.e.b: case removed")]
    [InlineData("enum e { a }", "enum e { a, b }", "breaking: i.e.b: case added (records, variants, enums and flags are closed in the component model)")]
    [InlineData("flags fl { a, b }", "flags fl { a }", "breaking: i.fl.b: flag removed")]
    // Resources.
    [InlineData("resource r { m: func(); }", "resource r;", "breaking: i.r.m: resource method removed")]
    [InlineData("resource r { constructor(); }", "resource r;", "breaking: i.r.constructor: resource constructor removed")]
    [InlineData("resource r { s: static func(); }", "resource r;", "breaking: i.r.s: static resource function removed")]
    [InlineData("resource r { m: func(x: u32); }", "resource r { m: func(x: u64); }", "breaking: i.r.m: parameter `x` changed type from u32 to u64")]
    // An added method is classified as an added function is (the class comment's one rule for callers and implementers).
    [InlineData("resource r { m: func(); }", "resource r { m: func(); n: func(); }", "compatible: i.r.n: resource method added (implementers of the resource must add it)")]
    [InlineData("resource r { m: func(); }", "resource r { m: func(); constructor(); }", "compatible: i.r.constructor: resource constructor added (implementers of the resource must add it)")]
    [InlineData("resource r;", "", "breaking: i.r: resource removed")]
    // A removed resource is one change: its methods are not listed again.
    [InlineData("resource r { m: func(); n: func(); constructor(); }", "", "breaking: i.r: resource removed")]
    [InlineData("resource r { m: func(); }", "record r { x: u32 }", "breaking: i.r: changed from resource to record")]
    // A method's `self` is not counted.
    [InlineData("resource r { m: func(x: u32); }", "resource r { m: func(x: u32, y: u32); }", "breaking: i.r.m: parameter count changed from 1 to 2")]
    [InlineData("resource r { m: func(x: u32); }", "resource r { m: func(y: u32); }", "breaking: i.r.m: parameter 1 renamed from `x` to `y`")]
    [InlineData("", "resource r { m: func(); }", "compatible: i.r: resource added", "compatible: i.r.m: resource method added")]
    [InlineData("resource r; f: func(x: borrow<r>);", "resource r; f: func(x: own<r>);", "breaking: i.f: parameter `x` changed type from borrow<r> to own<r>")]
    public void EachChangeIsClassified(string oldBody, string newBody, params string[] expected)
    {
        Assert.Equal(expected, Lines(Interface(oldBody, newBody)));
    }

    [Fact]
    public void AChangedNamedTypeIsReportedWhereItIsDefinedNotAtEveryUse()
    {
        var result = Interface("record r { x: u32 } f: func(a: r);", "record r { x: u64 } f: func(a: r);");

        Assert.Equal(new[] { "breaking: i.r.x: field type changed from u32 to u64" }, Lines(result));
    }

    [Fact]
    public void AliasesAreTransparent()
    {
        var result = Interface("type t = u32; f: func(a: t);", "type t = u32; type u = t; f: func(a: u);");

        Assert.Equal(new[] { "compatible: i.u: type added" }, Lines(result));
    }

    [Fact]
    public void InterfacesAndWorldsAddedAndRemoved()
    {
        var result = PackageDiff.Compare(
            Resolve("package a:b@1.0.0;\ninterface gone {}\nworld old {}\n"),
            Resolve("package a:b@1.0.0;\ninterface fresh {}\nworld new {}\n"));

        Assert.Equal(
            new[]
            {
                "breaking: gone: interface removed",
                "compatible: fresh: interface added",
                "breaking: world old: world removed",
                "compatible: world new: world added",
            },
            Lines(result));
    }

    [Fact]
    public void WorldImportsAndExports()
    {
        var result = PackageDiff.Compare(
            Resolve("package a:b@1.0.0;\ninterface x {}\ninterface y {}\nworld w {\n  import x;\n  export y;\n  export run: func();\n}\n"),
            Resolve("package a:b@1.0.0;\ninterface x {}\ninterface y {}\nworld w {\n  import x;\n  import log: func(s: string);\n  export run: func(n: u32);\n  export extra: func();\n}\n"));

        Assert.Equal(
            new[]
            {
                "compatible: world w import log: import added (hosts must provide it)",
                "breaking: world w export run: parameter count changed from 0 to 1",
                "breaking: world w export a:b/y: export removed",
                "compatible: world w export extra: export added",
            },
            Lines(result));
    }

    [Fact]
    public void AnInlineWorldInterfaceIsComparedItemByItem()
    {
        var result = PackageDiff.Compare(
            Resolve("package a:b@1.0.0;\nworld w {\n  import host: interface { f: func(); }\n}\n"),
            Resolve("package a:b@1.0.0;\nworld w {\n  import host: interface { g: func(); }\n}\n"));

        Assert.Equal(new[] { "breaking: world w import host.f: function removed", "compatible: world w import host.g: function added" }, Lines(result));
    }

    [Fact]
    public void ANewItemWithoutSinceInAPackageThatUsesSinceGetsAWarning()
    {
        var result = PackageDiff.Compare(
            Resolve("package a:b@1.0.0;\n@since(version = 1.0.0)\ninterface i {\n  @since(version = 1.0.0)\n  f: func();\n}\n"),
            Resolve("package a:b@1.1.0;\n@since(version = 1.0.0)\ninterface i {\n  @since(version = 1.0.0)\n  f: func();\n  g: func();\n  @since(version = 1.1.0)\n  h: func();\n}\n"));

        Assert.Equal(
            new[]
            {
                "compatible: i.g: function added",
                "warning: i.g: added without @since; should be gated with @since(version = 1.1.0)",
                "compatible: i.h: function added",
            },
            Lines(result));
        Assert.True(result.IsBumpSufficient);
    }

    [Fact]
    public void DeprecationAndStabilisationAreCompatible()
    {
        var result = PackageDiff.Compare(
            Resolve("package a:b@1.0.0;\ninterface i {\n  @since(version = 1.0.0)\n  f: func();\n  @unstable(feature = x)\n  g: func();\n}\n", new ResolveOptions(new[] { "x" })),
            Resolve("package a:b@1.1.0;\ninterface i {\n  @since(version = 1.0.0)\n  @deprecated(version = 1.1.0)\n  f: func();\n  @since(version = 1.1.0)\n  g: func();\n}\n"));

        Assert.Equal(
            new[]
            {
                "compatible: i.f: deprecated (since 1.1.0)",
                "compatible: i.g: stabilised: @unstable(feature = x) became @since(version = 1.1.0)",
            },
            Lines(result));
    }

    [Fact]
    public void NoWarningWhenThePackageDoesNotUseSince()
    {
        Assert.Equal(new[] { "compatible: i.g: function added" }, Lines(Interface("f: func();", "f: func(); g: func();")));
    }

    [Fact]
    public void IdenticalPackagesHaveNoChanges()
    {
        const string Text = "package a:b@1.2.3;\ninterface i {\n  resource r { constructor(x: u32); m: func() -> list<tuple<u8, string>>; }\n  variant v { a(r), b(option<u32>) }\n  f: func(v: v) -> result<r, string>;\n}\nworld w {\n  import i;\n  export g: func();\n}\n";

        var result = PackageDiff.Compare(Resolve(Text), Resolve(Text));

        Assert.Empty(result.Changes);
        Assert.True(result.IsBumpSufficient);
        Assert.Equal(VersionBump.None, result.Bump);
    }

    [Theory]
    [InlineData("1.0.0", "2.0.0", VersionBump.Major, true)]
    [InlineData("1.0.0", "1.1.0", VersionBump.Minor, false)]
    [InlineData("1.0.0", "1.0.1", VersionBump.Patch, false)]
    [InlineData("1.0.0", "1.0.0", VersionBump.None, false)]
    [InlineData("2.0.0", "1.0.0", VersionBump.Downgrade, false)]
    [InlineData("0.2.0", "0.3.0", VersionBump.Minor, true)]
    [InlineData("0.2.0", "0.2.1", VersionBump.Patch, false)]
    [InlineData("0.2.0", "1.0.0", VersionBump.Major, true)]
    [InlineData("0.0.1", "0.0.2", VersionBump.Patch, true)]
    [InlineData("0.2.12", "0.3.0-rc-2025-08-15", VersionBump.Minor, true)]
    [InlineData("1.0.0-rc1", "1.0.0", VersionBump.Patch, false)]
    public void BreakingChangesNeedAMajorBumpOrAMinorOneBeforeOne(string oldVersion, string newVersion, VersionBump bump, bool sufficient)
    {
        var result = Interface("f: func();", string.Empty, oldVersion, newVersion);

        Assert.True(result.HasBreakingChanges);
        Assert.Equal(bump, result.Bump);
        Assert.Equal(sufficient, result.IsBumpSufficient);
    }

    [Fact]
    public void CompatibleChangesNeedNoBump()
    {
        var result = Interface("f: func();", "f: func(); g: func();");

        Assert.False(result.HasBreakingChanges);
        Assert.True(result.IsBumpSufficient);
        Assert.Equal(VersionBump.None, result.RequiredBump);
    }

    [Fact]
    public void WithoutVersionsABreakingChangeIsNeverCovered()
    {
        var result = PackageDiff.Compare(Resolve("package a:b;\ninterface i { f: func(); }\n"), Resolve("package a:b;\ninterface i {}\n"));

        Assert.Equal(VersionBump.Unknown, result.Bump);
        Assert.False(result.IsBumpSufficient);
    }

    private static Package ResolveWasi(string release, string proposal)
    {
        var model = WitResolver.Resolve(PhysicalFileSystem.Instance, Corpus.PathOf("wasi-wit", release, proposal, "wit"));
        Assert.DoesNotContain(model.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return model.Packages.Single(p => p.Location?.Path is { } path && !path.Replace('\\', '/').Contains("/deps/"));
    }

    [Theory]
    [InlineData("io")]
    [InlineData("http")]
    public void AWasiPackageComparedWithItselfHasNoChanges(string proposal)
    {
        var result = PackageDiff.Compare(ResolveWasi("wasi-0.2.12", proposal), ResolveWasi("wasi-0.2.12", proposal));

        Assert.Empty(Lines(result));
    }

    [Fact]
    public void Wasi0212To030FindsTheKnownBreakingChanges()
    {
        var cli = Lines(PackageDiff.Compare(ResolveWasi("wasi-0.2.12", "cli"), ResolveWasi("wasi-0.3.0", "cli")));
        var http = PackageDiff.Compare(ResolveWasi("wasi-0.2.12", "http"), ResolveWasi("wasi-0.3.0", "http"));

        Assert.Contains("breaking: environment.initial-cwd: function removed", cli);
        Assert.Contains("breaking: run.run: function kind changed from function to async function", cli);
        Assert.Contains("breaking: world command import wasi:io/streams: import removed (hosts stop providing it)", cli);
        Assert.Contains("breaking: types.incoming-request: resource removed", Lines(http));
        Assert.Contains("breaking: types.header-error.size-exceeded: case added (records, variants, enums and flags are closed in the component model)", Lines(http));
        Assert.True(http.IsBumpSufficient); // 0.2 → 0.3 is a minor bump, enough before 1.0.
    }
    /// <summary>
    /// Issue 14, finding 3: a model with a type cycle (which the resolver reports and still returns) is compared
    /// without recursing forever. The functions read the same (<c>a</c>) in both versions, so the change text
    /// qualifies the names and shows what an alias stands for, which used to follow the cycle until the stack ran out.
    /// </summary>
    [Fact]
    public void ATypeCycleInAComparedModelEndsTheAliasChainInsteadOfOverflowing()
    {
        var old = WitFixture.Resolve("package a:b@1.0.0;\nworld w {\n  type a = b;\n  type b = a;\n  import f: func(x: a);\n}\n").Model.Packages.Last();
        var @new = WitFixture.Resolve("package a:b@1.0.0;\nworld w {\n  type a = u32;\n  import f: func(x: a);\n}\n").Model.Packages.Last();

        var lines = StackLimited.Run(() => Lines(PackageDiff.Compare(old, @new)));

        Assert.Contains(lines, l => l.StartsWith("breaking: world w import a: ", System.StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("parameter `x` changed type from w.a (= w.b (= w.a (= …)))", System.StringComparison.Ordinal));
    }
}
