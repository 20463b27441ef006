using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// Which item a cycle error names follows wit-parser's visit (declaration order; the dependency reached a second
/// time). Each expectation is upstream's answer (`wit-oracle check`), plus the location wit-parser points at.
/// </summary>
public sealed class CycleNamingTests
{
    [Fact]
    public void TwoAliasesNameTheSecond() =>
        WitFixture.Resolve("package a:b;\ninterface i {\n  type a = b;\n  type b = a;\n}\n")
            .AssertDiagnostics("WIT1003 /main.wit:3:12 type `b` depends on itself");

    [Fact]
    public void ThreeAliasesNameTheFirstDependency() =>
        WitFixture.Resolve("package a:b;\ninterface i {\n  type x = y;\n  type y = z;\n  type z = x;\n}\n")
            .AssertDiagnostics("WIT1003 /main.wit:3:12 type `y` depends on itself");

    [Fact]
    public void InterfaceCyclesNameTheInterfaceReachedTwice() =>
        WitFixture.Resolve("package a:b;\ninterface x { use y.{t}; }\ninterface y { use z.{t}; }\ninterface z { use x.{t}; }\n")
            .AssertDiagnostics("WIT1003 /main.wit:3:11 interface or world `y` depends on itself");
}
