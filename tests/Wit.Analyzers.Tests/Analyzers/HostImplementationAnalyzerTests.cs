using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Wit.Analyzers.Tests.Analyzers;

/// <summary>WITH0101 and its fix, over the bindings the generator produces for <see cref="HostTest.Wit"/>.</summary>
public class HostImplementationAnalyzerTests
{
    [Fact]
    public async Task A_host_that_misses_imports_is_reported_with_each_missing_interface()
    {
        var test = new HostTest("""
            [{|#0:Wit.Hosting.WitHost(typeof(Example.App.Host.HostWorld))|}]
            internal class MyHost
            {
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(HostDiagnostics.With0101).WithLocation(0)
            .WithArguments("MyHost", "example:app/host@0.1.0", "s", "IGreeter (`example:app/greeter@0.1.0`), IHostImports (`example:app/host@0.1.0`)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_host_missing_one_import_names_only_that_one()
    {
        var test = new HostTest("""
            [{|#0:Wit.Hosting.WitHost(typeof(Example.App.Host.HostWorld))|}]
            internal class MyHost : Example.App.Host.IHostImports
            {
                public ulong Now() => 0;
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(HostDiagnostics.With0101).WithLocation(0)
            .WithArguments("MyHost", "example:app/host@0.1.0", "", "IGreeter (`example:app/greeter@0.1.0`)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_host_that_implements_every_import_is_not_reported()
    {
        await new HostTest("""
            [Wit.Hosting.WitHost(typeof(Example.App.Host.HostWorld))]
            internal class MyHost : Example.App.Host.IHostImports, Example.App.Greeter.IGreeter
            {
                public ulong Now() => 0;

                public string Greet(string name, byte times) => name;

                public void Farewell()
                {
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task A_class_without_the_host_attribute_is_not_reported()
    {
        await new HostTest("""
            internal class NotAHost
            {
            }
            """).RunAsync();
    }

    [Fact]
    public async Task The_fix_implements_every_missing_import_and_the_result_compiles()
    {
        var test = new HostTest(
            """
            using Wit.Hosting;

            [{|#0:WitHost(typeof(Example.App.Host.HostWorld))|}]
            internal class MyHost
            {
            }
            """,
            """
            using Wit.Hosting;

            [WitHost(typeof(Example.App.Host.HostWorld))]
            internal class MyHost : Example.App.Greeter.IGreeter, Example.App.Host.IHostImports
            {
                /// <inheritdoc />
                public string Greet(string name, byte times)
                {
                    throw new System.NotImplementedException();
                }

                /// <inheritdoc />
                public void Farewell()
                {
                    throw new System.NotImplementedException();
                }

                /// <inheritdoc />
                public ulong Now()
                {
                    throw new System.NotImplementedException();
                }
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(HostDiagnostics.With0101).WithLocation(0)
            .WithArguments("MyHost", "example:app/host@0.1.0", "s", "IGreeter (`example:app/greeter@0.1.0`), IHostImports (`example:app/host@0.1.0`)"));
        await test.RunAsync();
    }
}
