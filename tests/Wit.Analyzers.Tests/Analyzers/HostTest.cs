using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Wit.Analyzers.CodeFixes;

namespace Wit.Analyzers.Tests.Analyzers;

/// <summary>
/// A code-fix test of the host analyzer over a world's real generated bindings (the generator runs first, over
/// <see cref="Wit"/>), against .NET 10's reference assemblies and Wit.Hosting, with compiler warnings checked too.
/// </summary>
internal sealed class HostTest : HostTest<HostImplementationAnalyzer, HostImplementationCodeFix>
{
    public HostTest(string source, string? fixedSource = null)
        : base(source, fixedSource)
    {
    }
}

/// <summary>A code-fix test of <typeparamref name="TAnalyzer"/> and <typeparamref name="TFix"/> over the bindings of <see cref="HostTest{TAnalyzer, TFix}.Wit"/>.</summary>
internal class HostTest<TAnalyzer, TFix> : CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
    where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    where TFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
{
    /// <summary>The world the tests host.</summary>
    public const string Wit = """
        package example:app@0.1.0;

        interface greeter {
            /// Greets `name`.
            greet: func(name: string, times: u8) -> string;
            farewell: func();
        }

        world host {
            import greeter;
            import now: func() -> u64;
        }
        """;

    public HostTest(string source, string? fixedSource = null)
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        CompilerDiagnostics = CompilerDiagnostics.Warnings;
        TestState.AdditionalReferences.AddRange(GeneratorHarness.References);
        TestCode = source;
        foreach (var (hint, text) in Generated()) TestState.Sources.Add((hint, text));
        if (fixedSource is not null)
        {
            FixedCode = fixedSource;
            foreach (var (hint, text) in Generated()) FixedState.Sources.Add((hint, text));
        }
    }

    private static IEnumerable<(string Hint, string Text)> Generated()
    {
        var item = new GeneratorHarness.Item("/wit/", "example:app/host", new[] { ("/wit/host.wit", Wit) });
        var (driver, _, diagnostics) = GeneratorHarness.Run(new[] { item });
        Xunit.Assert.Empty(diagnostics);
        return GeneratorHarness.Generated(driver).Select(p => (p.Key, p.Value));
    }
}
