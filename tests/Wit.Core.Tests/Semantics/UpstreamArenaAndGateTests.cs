using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;
using Wit.Core.Tests.TestKit;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// What makes <c>wit resolve</c>'s JSON equal to wit-parser's beyond names: where anonymous <c>own</c> handles sit in
/// the type arena (created when a package is linked: a type's handle just before the type, then the handles of
/// interface functions, then of world functions), the gates of items a world gets through <c>include</c> and
/// elaboration, and the class order of world imports.
/// </summary>
public sealed class UpstreamArenaAndGateTests
{
    /// <summary>
    /// wit-parser lists a body's types (an interface's map, a world's type imports) as it defines them: the types its
    /// <c>use</c> statements bring in, then each definition after the types it refers to (its upstream test
    /// <c>types.wit</c>: <c>type foo = bar; type bar = u32;</c> lists <c>bar</c> first).
    /// </summary>
    /// <summary>
    /// wit-parser's toposort takes, of the items whose dependencies are done, the first declared: an item that waits for a
    /// later one goes after the items ready before it (a depth-first walk would put it, and what it waits for, first).
    /// </summary>
    [Fact]
    public void An_item_waiting_for_a_later_one_goes_after_the_items_ready_before_it()
    {
        var fixture = WitFixture.Resolve("""
            package a:app;
            interface x {
              use z.{t};
              type a = list<c>;
              type b = u32;
              type c = u32;
            }
            interface y {
              type u = u32;
            }
            interface z {
              type t = u32;
            }
            world w {
              import x;
              import y;
            }
            """);

        fixture.AssertClean();
        Assert.Equal(new[] { "t", "b", "c", "a" }, fixture.Interface("a:app/x").Types.Keys.ToArray());
        Assert.Equal(new[] { "y", "z", "x" }, fixture.Model.Interfaces.Select(i => i.Name).ToArray());
    }

    [Fact]
    public void A_body_lists_used_types_first_then_each_definition_after_what_it_refers_to()
    {
        var fixture = WitFixture.Resolve("""
            package a:app;
            interface base {
              type t = u8;
              type u = u16;
            }
            interface i {
              type first = later;
              record r { x: last }
              use base.{t};
              type later = u32;
              type last = u64;
              use base.{u as renamed};
            }
            world w {
              type wa = wb;
              use base.{t};
              type wb = u8;
              import f: func(x: wa);
            }
            """);

        fixture.AssertClean();
        Assert.Equal(new[] { "t", "renamed", "later", "first", "last", "r" }, fixture.Interface("a:app/i").Types.Keys.ToArray());
        Assert.Equal(new[] { "t", "wb", "wa" }, fixture.World("a:app/w").Imports.Where(i => i.Value.Type is not null).Select(i => i.Value.Type!.Name).ToArray());
        Assert.Equal(new[] { "t", "u" }, fixture.Interface("a:app/base").Types.Keys.ToArray());
    }

    [Fact]
    public void An_own_handle_a_type_needs_comes_just_before_that_type_and_after_every_borrow_handle_otherwise()
    {
        var fixture = WitFixture.Resolve("""
            package a:app;
            interface i {
              resource r { m: func(); }
              f: func(a: r, b: borrow<r>);
              record rec { x: r }
              g: func() -> list<r>;
            }
            """);

        fixture.AssertClean();
        Assert.Equal(
            new[] { "r", "own<r>", "rec", "borrow<r>", "list<own<r>>" },
            fixture.Model.Types.Select(Describe));
        Assert.Equal(Enumerable.Range(0, fixture.Model.Types.Count), fixture.Model.Types.Select(t => t.Index));
    }

    [Fact]
    public void Own_handles_of_functions_follow_every_type_interfaces_before_worlds()
    {
        var fixture = WitFixture.Resolve("""
            package a:app;
            interface i {
              resource r;
              f: func(a: r);
            }
            world w {
              use i.{r};
              resource s;
              import g: func(a: s) -> r;
            }
            """);

        fixture.AssertClean();
        // Upstream keys a package's own handles by the type named: `r` in the world is an alias, so `-> r` there is
        // an own handle of the alias, created last (after `a: s`), apart from the interface's own handle of `i.r`.
        Assert.Equal(new[] { "r", "r = r", "s", "own<r>", "own<s>", "own<r>" }, fixture.Model.Types.Select(Describe));
        Assert.Same(fixture.World("a:app/w").Imports.Single(e => e.Key.Name == "r").Value.Type, fixture.Model.Types[5].Resource);
    }

    [Fact]
    public void A_stable_interface_included_from_another_package_loses_its_gate_and_a_local_one_keeps_it()
    {
        var fixture = WitFixture.Resolve("""
            //- /main.wit
            package a:app@1.0.0;
            interface local {}
            world base {
              @since(version = 1.0.0)
              import local;
            }
            world w {
              include base;
              include b:dep/imports@1.0.0;
            }
            //- /deps/dep/dep.wit
            package b:dep@1.0.0;
            @since(version = 1.0.0)
            interface remote {}
            world imports {
              @since(version = 1.0.0)
              import remote;
            }
            """);

        fixture.AssertClean();
        var imports = fixture.World("a:app/w").Imports;
        Assert.Equal(new[] { "a:app/local@1.0.0", "b:dep/remote@1.0.0" }, imports.Select(e => e.Key.ToString()));
        Assert.Equal("1.0.0", imports[0].Value.Stability.Since);
        Assert.True(imports[1].Value.Stability.IsUnknown);
    }

    [Fact]
    public void The_same_interface_included_with_two_different_gates_is_an_error_at_the_second_import()
    {
        var fixture = WitFixture.Resolve("""
            package a:b@1.0.0;
            world c {
              include a;
              include b;
            }
            interface x {}
            world a {
              @since(version = 0.1.0)
              import x;
            }
            world b {
              @since(version = 0.2.0-rc+build)
              import x;
            }
            """);

        fixture.AssertDiagnostics(
            "WIT1009 /main.wit:13:10 mismatch in stability from 'Stable { since: Version { major: 0, minor: 2, patch: 0, pre: Prerelease(\"rc\"), build: BuildMetadata(\"build\") }, deprecated: None }' to 'Stable { since: Version { major: 0, minor: 1, patch: 0 }, deprecated: None }'");
    }

    [Fact]
    public void An_ungated_import_takes_the_gate_of_the_same_interface_included_later()
    {
        var fixture = WitFixture.Resolve("""
            package a:b;
            interface x {}
            world a {
              @unstable(feature = f)
              import x;
            }
            world c {
              include plain;
              include a;
            }
            world plain {
              import x;
            }
            """, new ResolveOptions(new[] { "f" }));

        fixture.AssertClean();
        Assert.Equal("f", fixture.World("a:b/c").Imports.Single().Value.Stability.Feature);
    }

    [Fact]
    public void Interfaces_a_used_type_needs_are_imported_first_with_the_gate_of_the_use()
    {
        var fixture = WitFixture.Resolve("""
            package a:b;
            interface base { type t = u32; }
            interface mid { use base.{t}; }
            world w {
              import f: func();
              @unstable(feature = f)
              use mid.{t};
              import other: interface {}
            }
            """, new ResolveOptions(new[] { "f" }));

        fixture.AssertClean();
        var imports = fixture.World("a:b/w").Imports;
        Assert.Equal(
            new[] { "other = interface <inline interface>", "a:b/base = interface a:b/base", "a:b/mid = interface a:b/mid", "t = type t", "f = func f()" },
            ResolvedFixture.Items(imports));
        Assert.Equal(new[] { null, "f", "f", "f", null }, imports.Select(e => e.Value.Stability.Feature ?? e.Value.Type?.Stability.Feature));
    }

    [Fact]
    public void An_exported_interface_s_exported_dependency_is_exported_before_it()
    {
        var fixture = WitFixture.Resolve("""
            package a:b;
            interface base { type t = u32; }
            interface top { use base.{t}; }
            world w {
              export top;
              export run: func();
              export base;
            }
            """);

        fixture.AssertClean();
        Assert.Equal(
            new[] { "run = func run()", "a:b/base = interface a:b/base", "a:b/top = interface a:b/top" },
            ResolvedFixture.Items(fixture.World("a:b/w").Exports));
        Assert.Empty(fixture.World("a:b/w").Imports);
    }

    [Fact]
    public void A_long_chain_of_interface_dependencies_elaborates_without_deep_recursion()
    {
        const int length = 20_000;
        var text = new System.Text.StringBuilder("package a:b;\ninterface i0 { type t = u32; }\n");
        for (int i = 1; i < length; i++) text.Append($"interface i{i} {{ use i{i - 1}.{{t}}; }}\n");
        text.Append($"world w {{ import i{length - 1}; export e: interface {{ use i{length - 1}.{{t}}; }} }}\n");

        var fixture = StackLimited.Run(() => WitFixture.Resolve(text.ToString()));

        fixture.AssertClean();
        var imports = fixture.World("a:b/w").Imports;
        Assert.Equal(length, imports.Count);
        Assert.Equal("a:b/i0", imports[0].Key.ToString());
    }

    [Fact]
    public void Elaborating_a_model_with_an_interface_cycle_terminates()
    {
        // The resolver breaks `use` cycles before elaboration, but elaboration takes any model: two interfaces that
        // use each other's types, imported and exported.
        var a = new Interface("a");
        var b = new Interface("b");
        var ta = new TypeDefinition(TypeDefinitionKind.Record) { Name = "ta", Owner = new TypeOwner(a, null) };
        var tb = new TypeDefinition(TypeDefinitionKind.Record) { Name = "tb", Owner = new TypeOwner(b, null) };
        a.Types.Set("ta", ta);
        a.Types.Set("tb", new TypeDefinition(TypeDefinitionKind.Alias) { Name = "tb", Owner = new TypeOwner(a, null), Element = WitType.Of(tb) });
        b.Types.Set("tb", tb);
        b.Types.Set("ta", new TypeDefinition(TypeDefinitionKind.Alias) { Name = "ta", Owner = new TypeOwner(b, null), Element = WitType.Of(ta) });
        var world = new World("w");
        world.Imports.Add(new KeyValuePair<WorldKey, WorldItem>(WorldKey.Of(a), WorldItem.OfInterface(a, Stability.Unknown)));
        world.Exports.Add(new KeyValuePair<WorldKey, WorldItem>(WorldKey.Of(b), WorldItem.OfInterface(b, Stability.Unknown)));

        var conflict = StackLimited.Run(() => WorldElaboration.Elaborate(world));

        Assert.Equal(new[] { "b", "a" }, world.Imports.Select(e => e.Key.Interface!.Name));
        Assert.Null(conflict);
        Assert.Equal(new[] { "b" }, world.Exports.Select(e => e.Key.Interface!.Name));
    }

    private static string Describe(TypeDefinition type) => type switch
    {
        { Kind: TypeDefinitionKind.Handle, Name: null } => $"{(type.HandleKind == HandleKind.Own ? "own" : "borrow")}<{type.Resource!.Name}>",
        { Kind: TypeDefinitionKind.List, Name: null } => $"list<{Describe(type.Element!.Value.Definition!)}>",
        { Kind: TypeDefinitionKind.Alias } => $"{type.Name} = {type.Element!.Value.Definition!.Name}",
        _ => type.Name ?? type.Kind.ToString(),
    };
}
