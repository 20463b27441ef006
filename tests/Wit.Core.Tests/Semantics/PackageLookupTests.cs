using System.Linq;
using Wit.Core.Semantics;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>The one notion of the root package and the one lookup of names that the linter, the IDE and the CLI share.</summary>
public sealed class PackageLookupTests
{
    private static PackageLookup Lookup(string fixture)
    {
        var resolved = WitFixture.Resolve(fixture);
        resolved.AssertClean();
        return PackageLookup.For(resolved.Workspace, resolved.Model);
    }

    [Fact]
    public void The_root_is_the_package_the_root_files_declare_even_when_a_dependency_comes_last()
    {
        // Packages are ordered together by name: the unused dependency z:lib is resolved after the root.
        var lookup = Lookup("""
            //- /main.wit
            package a:app;
            interface api { use a:dep/types.{t}; f: func(x: t); }
            //- /deps/dep/dep.wit
            package a:dep;
            interface types { type t = u32; }
            //- /deps/z/z.wit
            package z:lib;
            interface api { type t = string; }
            """);

        Assert.Equal("z:lib", lookup.Model.Packages.Last().Name.ToString());
        Assert.Equal("a:app", lookup.Root!.Name.ToString());
        Assert.Same(lookup.Root.Interfaces.Values.Single(), lookup.Find("api"));
        Assert.Equal("a:dep/types.t", lookup.FindType("a:dep/types.t").Name);
        Assert.Same(lookup.Model.Packages.Single(p => p.Name.Name == "lib").Interfaces.Values.Single(), lookup.Find("z:lib/api"));
        Assert.False(lookup.IsRootOrNestedInIt(lookup.Model.Packages.Single(p => p.Name.Name == "dep")));
    }

    [Fact]
    public void Nested_packages_are_not_the_root_but_are_nested_in_it()
    {
        var lookup = Lookup("""
            //- /main.wit
            package a:outer;
            interface i { use a:inner/j.{t}; }
            package a:inner { interface j { type t = u8; } }
            """);

        Assert.Equal("a:outer", lookup.Root!.Name.ToString());
        var inner = lookup.Model.Packages.Single(p => p.Name.Name == "inner");
        Assert.True(lookup.IsRootOrNestedInIt(inner));
        Assert.Null(lookup.Find("j"));
        Assert.Equal("no interface or world `j` in package `a:outer` (available: i)", lookup.FindContainer("j").Error);
        Assert.IsType<TypeDefinition>(lookup.Find("a:inner/j.t"));
    }

    [Fact]
    public void Names_that_do_not_exist_say_why()
    {
        var lookup = Lookup("""
            //- /main.wit
            package a:b@1.0.0;
            interface i { type t = u8; f: func(); }
            world w { import i; }
            """);

        Assert.Null(lookup.Find("nope"));
        Assert.Equal("interface `a:b/i@1.0.0` has no type `u` (available: t)", lookup.FindType("i.u").Error);
        Assert.Equal("interface `a:b/i@1.0.0` has no function `g` (available: f)", lookup.FindFunction("i.g").Error);
        Assert.Equal("no package `x:y` is loaded (loaded: a:b@1.0.0)", lookup.FindContainer("x:y/i").Error);
        Assert.Equal("`i` is an interface, not a world", lookup.FindWorld("i").Error);
        Assert.Equal("expected IFACE.TYPE or WORLD.TYPE, found `i`", lookup.FindType("i").Error);
        Assert.False(lookup.FindType("i.u").Found);
        Assert.Equal("a:b/w@1.0.0", lookup.FindWorld("a:b/w@1.0.0").Name);
    }

    [Fact]
    public void Functions_and_types_are_told_apart()
    {
        var lookup = Lookup("""
            //- /main.wit
            package a:b;
            interface i {
              resource r { constructor(); get: func() -> u32; }
              type t = u8;
              f: func() -> t;
            }
            """);

        Assert.IsType<TypeDefinition>(lookup.Find("i.t"));
        Assert.IsType<Function>(lookup.Find("i.f"));
        Assert.False(lookup.FindType("i.f").Found);
        Assert.False(lookup.FindFunction("i.t").Found);
        Assert.Equal("a:b/i.[method]r.get", lookup.FindFunction("i.r.get").Name);
        Assert.Equal("a:b/i.[constructor]r", lookup.FindFunction("i.r.constructor").Name);
        Assert.IsType<TypeDefinition>(lookup.Find("i.r"));
    }

    [Fact]
    public void Without_a_root_plain_names_find_nothing_and_say_how_to_qualify()
    {
        var model = WitFixture.Resolve("""
            //- /main.wit
            package a:b;
            interface i { }
            """).Model;
        var lookup = new PackageLookup(model, root: null);

        Assert.Null(lookup.Find("i"));
        Assert.Equal("no interface or world `i`: the path declares no package; name it as ns:pkg/i", lookup.FindContainer("i").Error);
        Assert.NotNull(lookup.Find("a:b/i"));
    }
}
