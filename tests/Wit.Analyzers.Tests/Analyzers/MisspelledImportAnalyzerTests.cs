using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Wit.Analyzers.CodeFixes;
using Xunit;

namespace Wit.Analyzers.Tests.Analyzers;

/// <summary>WITH0102 and its fix (a rename), over the bindings of <see cref="HostTest{TAnalyzer, TFix}.Wit"/>.</summary>
public class MisspelledImportAnalyzerTests
{
    private sealed class Test : HostTest<MisspelledImportAnalyzer, MisspelledImportCodeFix>
    {
        public Test(string source, string? fixedSource = null)
            : base(source, fixedSource)
        {
        }
    }

    [Fact]
    public async Task A_method_a_letter_away_from_an_unimplemented_import_is_reported_and_renamed()
    {
        var test = new Test("""
            [Wit.Hosting.WitHost(typeof(Example.App.Host.HostWorld))]
            internal class MyHost : Example.App.Host.IHostImports, {|CS0535:Example.App.Greeter.IGreeter|}
            {
                public ulong Now() => 0;

                public string {|#0:Gret|}(string name, byte times) => name;

                public void Farewell()
                {
                }
            }
            """, """
            [Wit.Hosting.WitHost(typeof(Example.App.Host.HostWorld))]
            internal class MyHost : Example.App.Host.IHostImports, Example.App.Greeter.IGreeter
            {
                public ulong Now() => 0;

                public string Greet(string name, byte times) => name;

                public void Farewell()
                {
                }
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(HostDiagnostics.With0102).WithLocation(0).WithArguments("Gret", "example:app/host@0.1.0", "IGreeter.Greet"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_differently_cased_name_of_an_interface_the_class_does_not_declare_yet_is_reported()
    {
        var test = new Test("""
            [Wit.Hosting.WitHost(typeof(Example.App.Host.HostWorld))]
            internal class MyHost : Example.App.Greeter.IGreeter
            {
                public ulong {|#0:NOW|}() => 0;

                public string Greet(string name, byte times) => name;

                public void Farewell()
                {
                }
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(HostDiagnostics.With0102).WithLocation(0).WithArguments("NOW", "example:app/host@0.1.0", "IHostImports.Now"));
        test.DisabledDiagnostics.Add("WITH0101");
        await test.RunAsync();
    }

    [Fact]
    public async Task Methods_far_from_every_import_or_with_another_arity_are_not_reported()
    {
        await new Test("""
            [Wit.Hosting.WitHost(typeof(Example.App.Host.HostWorld))]
            internal class MyHost : Example.App.Host.IHostImports, Example.App.Greeter.IGreeter
            {
                public ulong Now() => 0;

                public string Greet(string name, byte times) => name;

                public void Farewell()
                {
                }

                public void Greets(int a, int b, int c)
                {
                }

                public void Helper()
                {
                }
            }
            """).RunAsync();
    }
}
