using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.Core.Abi;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Witx.Semantics;
using Wit.Core.Workspace;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Core.Tests.Witx.Semantics;

/// <summary>
/// Every interface and world of every WASI 0.2.12 proposal (its own package, resolved with its <c>deps/</c>) derives
/// into WITX that parses and validates without a diagnostic, and every derived function's witx-ABI signature equals
/// the Canonical ABI's for the WIT function: <c>canon lower</c> for interfaces and world imports, <c>canon lift</c> for
/// world exports.
/// </summary>
public sealed class WitxDeriverWasiTests
{
    private readonly ITestOutputHelper _output;

    public WitxDeriverWasiTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Proposals() =>
        Directory.GetDirectories(Corpus.PathOf("wasi-wit", "wasi-0.2.12")).OrderBy(d => d, System.StringComparer.Ordinal).Select(d => new object[] { Path.GetFileName(d) });

    /// <summary>The proposal's own package (not its deps), resolved.</summary>
    internal static Package ResolveProposal(string release, string proposal)
    {
        string root = Corpus.PathOf("wasi-wit", release, proposal, "wit");
        var model = WitResolver.Resolve(PhysicalFileSystem.Instance, root);
        Assert.Empty(model.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        return model.Packages.Single(p => p.Location?.Path is { } path && !path.Replace('\\', '/').Contains("/deps/"));
    }

    [Theory]
    [MemberData(nameof(Proposals))]
    public void EveryInterfaceDerivesValidatesAndKeepsItsSignatures(string proposal)
    {
        var package = ResolveProposal("wasi-0.2.12", proposal);
        Assert.NotEmpty(package.Interfaces);
        foreach (var @interface in package.Interfaces.Values)
        {
            var derivation = WitxDeriver.DeriveInterface(@interface);
            CheckDerivation(@interface.ToString(), derivation, @interface.Functions.Count);
        }
    }

    [Theory]
    [MemberData(nameof(Proposals))]
    public void EveryWorldDerivesValidatesAndKeepsItsSignatures(string proposal)
    {
        var package = ResolveProposal("wasi-0.2.12", proposal);
        foreach (var world in package.Worlds.Values)
        {
            var derivation = WitxDeriver.DeriveWorld(world);
            int functions = world.Imports.Concat(world.Exports).Sum(e => e.Value.Function is not null ? 1 : e.Value.Interface?.Functions.Count ?? 0);
            CheckDerivation(world.ToString(), derivation, functions);
            Assert.All(derivation.Functions.Where(f => world.Exports.Any(e => e.Value.Interface?.Functions.Values.Contains(f.Function) == true)),
                f => Assert.Equal(AbiVariant.SyncLift, f.Variant));
        }
    }

    internal static void CheckDerivation(string source, WitxDerivation derivation, int functionCount)
    {
        var tree = SyntaxTree.ParseWitx(derivation.Text);
        Assert.Equal(derivation.Text, tree.ToFullString());
        Assert.Empty(tree.Diagnostics.Select(d => $"{source}: {d} in\n{derivation.Text}"));
        Assert.Empty(derivation.Model.Diagnostics.Select(d => $"{source}: {d} at {d.Document?.GetDisplayLocation(d.Span.Start)} in\n{derivation.Text}"));
        Assert.Empty(derivation.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => $"{source}: {d}"));
        Assert.Equal(functionCount, derivation.Functions.Count);
        Assert.All(derivation.Functions, f => Assert.True(f.SignaturesMatch, $"{source}: {f}"));
    }

    [Fact]
    public void Counts()
    {
        int interfaces = 0, worlds = 0, functions = 0, interfaceFunctions = 0, layoutNotes = 0, warnings = 0;
        foreach (var proposal in Proposals().Select(p => (string)p[0]))
        {
            var package = ResolveProposal("wasi-0.2.12", proposal);
            foreach (var @interface in package.Interfaces.Values)
            {
                var derivation = WitxDeriver.DeriveInterface(@interface);
                // Kept for review (artifacts/ is not committed): the derived text of every WASI 0.2.12 interface.
                File.WriteAllText(RepoPaths.Artifact("witx-derived", "wasi-0.2.12", Identifier(@interface.ToString()) + ".witx"), derivation.Text);
                interfaces++;
                interfaceFunctions += derivation.Functions.Count(f => f.SignaturesMatch);
                layoutNotes += derivation.Diagnostics.Count(d => d.Code == "WITX1102");
                warnings += derivation.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
                foreach (var d in derivation.Diagnostics) _output.WriteLine($"{@interface}: {d.Code} {d.Message}");
            }

            foreach (var world in package.Worlds.Values)
            {
                worlds++;
                functions += WitxDeriver.DeriveWorld(world).Functions.Count(f => f.SignaturesMatch);
            }
        }

        _output.WriteLine($"{interfaces} interfaces, {interfaceFunctions} functions; {worlds} worlds, {functions} functions; {layoutNotes} layout notes, {warnings} warnings");
        // Every function of every interface and world matched. The only layout difference is wasi:http's `error-code`
        // (twice: types and outgoing-handler), a variant whose size WITX's case-by-case rule computes as 28, not 32.
        Assert.Equal((31, 177, 9, 571, 2, 2), (interfaces, interfaceFunctions, worlds, functions, layoutNotes, warnings));
    }

    public static IEnumerable<object[]> Proposals030() =>
        Directory.GetDirectories(Corpus.PathOf("wasi-wit", "wasi-0.3.0")).OrderBy(d => d, System.StringComparer.Ordinal).Select(d => new object[] { Path.GetFileName(d) });

    [Theory]
    [MemberData(nameof(Proposals030))]
    public void Wasi030InterfacesDeriveWithWarningsForAsyncAndStreams(string proposal)
    {
        // WASI 0.3 is async: its derivations carry warnings (async functions, streams, futures), never errors, and
        // still keep the synchronous Canonical ABI signature of every function.
        var package = ResolveProposal("wasi-0.3.0", proposal);
        foreach (var @interface in package.Interfaces.Values)
        {
            var derivation = WitxDeriver.DeriveInterface(@interface);
            CheckDerivation(@interface.ToString(), derivation, @interface.Functions.Count);
            int async = @interface.Functions.Values.Count(f => f.IsAsync);
            Assert.Equal(async, derivation.Diagnostics.Count(d => d.Message.Contains("is async")));
        }

        foreach (var world in package.Worlds.Values)
        {
            var derivation = WitxDeriver.DeriveWorld(world);
            CheckDerivation(world.ToString(), derivation, world.Imports.Concat(world.Exports).Sum(e => e.Value.Function is not null ? 1 : e.Value.Interface?.Functions.Count ?? 0));
        }
    }

    [Fact]
    public void Counts030()
    {
        int interfaces = 0, functions = 0, worlds = 0, worldFunctions = 0, asyncWarnings = 0, otherWarnings = 0;
        foreach (var proposal in Proposals030().Select(p => (string)p[0]))
        {
            var package = ResolveProposal("wasi-0.3.0", proposal);
            foreach (var @interface in package.Interfaces.Values)
            {
                var derivation = WitxDeriver.DeriveInterface(@interface);
                File.WriteAllText(RepoPaths.Artifact("witx-derived", "wasi-0.3.0", Identifier(@interface.ToString()) + ".witx"), derivation.Text);
                interfaces++;
                functions += derivation.Functions.Count(f => f.SignaturesMatch);
                asyncWarnings += derivation.Diagnostics.Count(d => d.Message.Contains("is async"));
                otherWarnings += derivation.Diagnostics.Count(d => !d.Message.Contains("is async"));
            }

            foreach (var world in package.Worlds.Values)
            {
                worlds++;
                worldFunctions += WitxDeriver.DeriveWorld(world).Functions.Count(f => f.SignaturesMatch);
            }
        }

        _output.WriteLine($"{interfaces} interfaces, {functions} functions; {worlds} worlds, {worldFunctions} functions; {asyncWarnings} async warnings, {otherWarnings} other warnings");
        Assert.Equal((25, 127, 8, 362, 30, 15), (interfaces, functions, worlds, worldFunctions, asyncWarnings, otherWarnings));
    }

    private static string Identifier(string name) => name.Replace(':', '_').Replace('/', '_').Replace('@', '_');
}
