using System.Linq;
using Wit.Core.Semantics;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>Package structure: nested packages, dependency order, cycles, duplicates, missing headers.</summary>
public sealed class PackageResolutionTests
{
    [Fact]
    public void NestedPackagesInOneFileReferEachOtherAndResolveDependenciesFirst()
    {
        var fixture = WitFixture.Resolve("""
            package a:top;

            package a:one {
              interface i {
                use a:two/j.{t};
                f: func(x: t);
              }
            }

            package a:two {
              interface j {
                type t = u32;
              }
            }

            world w {
              import a:one/i;
            }
            """);

        fixture.AssertClean();
        Assert.Equal(new[] { "a:two", "a:one", "a:top" }, fixture.Model.Packages.Select(p => p.Name.ToString()).ToArray());
        Assert.Equal("/main.wit:10:9", ResolvedFixture.Position(fixture.Package("a:two").Location));
        Assert.Same(fixture.Type("a:two/j", "t"), fixture.Type("a:one/i", "t").Element?.Definition);
        Assert.Equal(
            new[] { "a:two/j = interface a:two/j", "a:one/i = interface a:one/i" },
            ResolvedFixture.Items(fixture.World("a:top/w").Imports));
    }

    [Fact]
    public void ADependencyCycleIsReportedAtTheReferenceThatClosesIt()
    {
        // wit-parser visits packages by name; the root is named to sort after both dependencies.
        var fixture = WitFixture.Resolve("""
            //- /main.wit
            package b:root;
            world w { import a:x/i; }
            //- /deps/x/x.wit
            package a:x;
            interface i { use a:y/j.{t}; }
            //- /deps/y/y.wit
            package a:y;
            interface j { use a:x/i.{}; type t = u8; }
            """);

        fixture.AssertDiagnostics("WIT1004 /deps/x/x.wit:2:19 package `a:y` creates a dependency cycle");
        Assert.Equal(new[] { "a:x", "a:y", "b:root" }, fixture.Model.Packages.Select(p => p.Name.ToString()).ToArray());
        Assert.Equal(TypeDefinitionKind.Alias, fixture.Type("a:y/j", "t").Kind);
    }

    [Fact]
    public void AnInlineCycleBetweenNestedPackagesIsReported()
    {
        var fixture = WitFixture.Resolve("""
            package foo:root;
            package foo:bar {
              interface i {
                use foo:qux/i.{};
              }
            }

            package foo:qux {
              interface i {
                use foo:bar/i.{};
              }
            }
            """);

        fixture.AssertDiagnostics("WIT1004 /main.wit:4:9 package `foo:qux` creates a dependency cycle");
    }

    [Fact]
    public void APackageDefinedInTwoDependenciesIsReportedWithBothLocations()
    {
        var fixture = WitFixture.Resolve("""
            //- /main.wit
            package a:root;
            world w { import a:x/i; }
            //- /deps/x1/x.wit
            package a:x;
            interface i { }
            //- /deps/x2/x.wit
            package a:x;
            interface i { }
            """);

        fixture.AssertDiagnostics(
            "WIT1004 /deps/x2/x.wit:1:9 package `a:x` is defined in two different locations:\n  * /ws/deps/x2/x.wit:1:9\n  * /ws/deps/x1/x.wit:1:9");
        var related = Assert.Single(fixture.Model.Diagnostics[0].Related);
        Assert.Equal("/ws/deps/x1/x.wit", related.Document.Path);
        Assert.Equal("/deps/x1/x.wit:1:9", ResolvedFixture.Position(fixture.Package("a:x").Location));
    }

    [Fact]
    public void FilesOfOnePackageMustAgreeOnItsName()
    {
        var fixture = WitFixture.Resolve("""
            //- /a.wit
            package a:one;
            //- /b.wit
            package a:two;
            """);

        fixture.AssertDiagnostics("WIT1004 /b.wit:1:9 package identifier `a:two` does not match previous package name of `a:one`");
    }

    [Fact]
    public void APackageWithoutAHeaderIsReported()
    {
        var fixture = WitFixture.Resolve("""
            interface i {}
            """);

        fixture.AssertDiagnostics("WIT1004 /main.wit:1:1 no `package` header was found in any WIT file for this package");
    }

    [Fact]
    public void AMissingForeignInterfaceIsReportedWithItsPackage()
    {
        var fixture = WitFixture.Resolve("""
            package a:app;

            package a:lib {
              interface there {}
            }

            world w {
              import a:lib/missing;
            }
            """);

        fixture.AssertDiagnostics("WIT1015 /main.wit:8:16 interface 'missing' not found in package 'a:lib'");
    }

    [Fact]
    public void APackageInTheRootAndInADependencyIsADuplicate()
    {
        var fixture = WitFixture.Resolve("""
            //- /main.wit
            package a:root;
            package a:x {
              interface i { type from-root = u8; }
            }
            world w { import a:x/i; }
            //- /deps/x/x.wit
            package a:x;
            interface i { type from-dep = u8; }
            """);

        // Only the first line is asserted: wit-parser lists the dependency's location first, this resolver the root's.
        var diagnostic = Assert.Single(fixture.Model.Diagnostics);
        Assert.Equal("WIT1004", diagnostic.Code);
        Assert.StartsWith("package `a:x` is defined in two different locations:\n", diagnostic.Message, System.StringComparison.Ordinal);
        Assert.Single(fixture.Model.Packages, p => p.Name.ToString() == "a:x");
    }

    [Fact]
    public void ACycleThroughTheRootPackageIsReportedAsACycle()
    {
        var fixture = WitFixture.Resolve("""
            //- /main.wit
            package a:root;
            interface r { use a:x/i.{}; }
            //- /deps/x/x.wit
            package a:x;
            interface i { use a:root/r.{}; }
            """);

        fixture.AssertDiagnostics("WIT1004 /main.wit:2:19 package `a:x` creates a dependency cycle");
    }
}
