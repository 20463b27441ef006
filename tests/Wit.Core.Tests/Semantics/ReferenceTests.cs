using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// What go-to-definition reads: <see cref="WitModel.FindReference"/> at a name returns the symbol it refers to, and
/// every symbol's location is its name. Each case puts the cursor (<c>$0</c>) into the same small workspace.
/// </summary>
public sealed class ReferenceTests
{
    private const string Workspace = """
        //- /main.wit
        package a:app;
        use wasi:io/streams@0.2.0 as s;
        interface types {
          record point { x: u32 }
        }
        interface api {
          use types.{point as pt};
          use s.{input-stream};
          f: func(p: pt, q: borrow<input-stream>) -> list<pt>;
          resource r { constructor(); get: func() -> u32; }
        }
        world base { import api; }
        world w {
          include base;
          import types;
          export wasi:io/streams@0.2.0;
        }
        //- /deps/io/streams.wit
        package wasi:io@0.2.0;
        interface streams {
          resource input-stream;
        }
        """;

    [Theory]
    [InlineData("f: func(p: $0pt", "type pt (Alias) at /main.wit:7:23")]
    [InlineData("f: func(p: pt$0,", "type pt (Alias) at /main.wit:7:23")]
    [InlineData("-> list<$0pt>", "type pt (Alias) at /main.wit:7:23")]
    [InlineData("borrow<$0input-stream>", "type input-stream (Alias) at /main.wit:8:10")]
    [InlineData("use types.{$0point as pt}", "type point (Record) at /main.wit:4:10")]
    [InlineData("use s.{inp$0ut-stream}", "type input-stream (Resource) at /deps/io/streams.wit:3:12")]
    [InlineData("use $0types.{", "interface a:app/types at /main.wit:3:11")]
    [InlineData("import ty$0pes;", "interface a:app/types at /main.wit:3:11")]
    [InlineData("use wasi:io/$0streams@0.2.0 as s", "interface wasi:io/streams@0.2.0 at /deps/io/streams.wit:2:11")]
    [InlineData("export wasi:io/$0streams@0.2.0", "interface wasi:io/streams@0.2.0 at /deps/io/streams.wit:2:11")]
    [InlineData("world base { import $0api; }", "interface a:app/api at /main.wit:6:11")]
    [InlineData("include $0base;", "world a:app/base at /main.wit:12:7")]
    [InlineData("$0interface api", "nothing")]
    [InlineData("f: func($0p: pt", "nothing")]
    public void FindReferenceReturnsTheSymbolTheNameRefersTo(string cursorAt, string expected)
    {
        var fixture = WitFixture.Resolve(PlaceCursor(Workspace, cursorAt));

        fixture.AssertClean();
        var cursor = fixture.Cursor!;
        Assert.Equal(expected, Describe(fixture.Model.FindReference(cursor.Path, cursor.Offset)?.Target));
    }

    [Fact]
    public void EverySymbolsLocationIsItsName()
    {
        var fixture = WitFixture.Resolve(Workspace);

        fixture.AssertClean();
        var checkedNames = new List<string>();
        void Check(string name, SourceLocation? location)
        {
            Assert.True(location is not null, $"{name} has no location");
            Assert.Equal(name, ResolvedFixture.Text(location));
            checkedNames.Add(name);
        }

        foreach (var package in fixture.Model.Packages) Check(package.Name.ToString(), package.Location);
        foreach (var world in fixture.Model.Worlds) Check(world.Name, world.Location);
        foreach (var @interface in fixture.Model.Interfaces)
        {
            Check(@interface.Name!, @interface.Location);
            foreach (var function in @interface.Functions.Values)
            {
                Check(function.Kind == FunctionKind.Constructor ? "constructor" : function.ItemName, function.Location);
                foreach (var parameter in function.Parameters.Where(p => p.Name != "self")) Check(parameter.Name, parameter.Location);
            }
        }

        foreach (var type in fixture.Model.Types.Where(t => t.Name is not null))
        {
            Check(type.Name!, type.Location);
            foreach (var member in type.Members) Check(member.Name, member.Location);
        }

        // 2 packages, 2 worlds, 3 interfaces, 3 functions with 2 named parameters, 5 named types and 1 field.
        Assert.Equal(18, checkedNames.Count);
    }

    private static string PlaceCursor(string workspace, string cursorAt)
    {
        string plain = cursorAt.Replace("$0", string.Empty, StringComparison.Ordinal);
        int at = workspace.IndexOf(plain, StringComparison.Ordinal);
        if (at < 0 || workspace.IndexOf(plain, at + 1, StringComparison.Ordinal) >= 0) throw new ArgumentException($"`{plain}` must occur exactly once");
        return workspace.Remove(at, plain.Length).Insert(at, cursorAt);
    }

    private static string Describe(object? target) => target switch
    {
        null => "nothing",
        TypeDefinition type => $"type {type.Name} ({type.Kind}) at {ResolvedFixture.Position(type.Location)}",
        Interface @interface => $"interface {@interface.QualifiedName} at {ResolvedFixture.Position(@interface.Location)}",
        World world => $"world {world} at {ResolvedFixture.Position(world.Location)}",
        Package package => $"package {package.Name} at {ResolvedFixture.Position(package.Location)}",
        _ => $"{target.GetType().Name} {target}",
    };
}
