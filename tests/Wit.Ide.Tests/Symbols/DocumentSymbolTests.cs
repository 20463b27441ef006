using System.Collections.Generic;
using System.Text;
using Wit.Ide.Symbols;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.Symbols;

public class DocumentSymbolTests
{
    /// <summary>The outline as an indented baseline, one `kind name [detail]` line per symbol; checks that each span contains its name.</summary>
    private static void Check(string fixture, string expected)
    {
        var loaded = IdeFixture.Load(fixture);
        var symbols = DocumentSymbolProvider.Symbols(loaded.Snapshot, loaded.MainPath);
        var text = new StringBuilder();
        var stack = new Stack<(DocumentSymbolResult Symbol, int Depth)>();
        for (int i = symbols.Count - 1; i >= 0; i--) stack.Push((symbols[i], 0));
        while (stack.Count > 0)
        {
            var (symbol, depth) = stack.Pop();
            Assert.True(symbol.Span.Start <= symbol.SelectionSpan.Start && symbol.SelectionSpan.End <= symbol.Span.End, symbol.Name);
            text.Append(' ', depth * 2).Append(symbol.Kind).Append(' ').Append(symbol.Name);
            if (symbol.Detail is { } detail) text.Append(" [").Append(detail).Append(']');
            text.Append('\n');
            for (int i = symbol.Children.Count - 1; i >= 0; i--) stack.Push((symbol.Children[i], depth + 1));
        }

        Assert.Equal(expected.Replace("\r\n", "\n").TrimEnd(), text.ToString().TrimEnd());
    }

    [Fact]
    public void Every_item_kind_and_a_nested_package()
    {
        Check("""
            package a:b@1.0.0;

            interface i {
              use a:b/other.{x as y, z};
              @since(version = 1.0.0)
              record r { f: list<u8>, g: option<
                string> }
              variant v { a(u32), b }
              enum e { x, y }
              flags fl { p }
              type t = borrow<res>;
              resource res {
                constructor(a: u32);
                m: func() -> string;
                s: static func(x: %type);
              }
              f: func(a: u32) -> result<t, e>;
            }
            interface other { type x = u8; type z = u8; }
            world w {
              import i;
              export x: interface { g: func(); }
              import f2: func();
              include other-world with { a as b }
            }
            package a:n { interface q { h: func(); } }
            """, """
            Package a:b@1.0.0
            Interface i
              Use a:b/other [{x as y, z}]
              Record r
                Field f [list<u8>]
                Field g [option<string>]
              Variant v
                Case a [(u32)]
                Case b
              Enum e
                Case x
                Case y
              Flags fl
                Case p
              TypeAlias t [borrow<res>]
              Resource res
                Constructor constructor [(a: u32)]
                Method m [func() -> string]
                StaticMethod s [static func(x: %type)]
              Function f [func(a: u32) -> result<t, e>]
            Interface other
              TypeAlias x [u8]
              TypeAlias z [u8]
            World w
              Import i
              Export x [interface]
                Function g [func()]
              Import f2 [func()]
              Include other-world [with { a as b }]
            Package a:n
              Interface q
                Function h [func()]
            """);
    }

    [Fact]
    public void Broken_code_keeps_the_items_the_parser_recovered()
    {
        Check("""
            package a:b;
            interface i {
              record {
                f: u32,
              }
              g: func(a: ) -> ;
              type
            }
            world w { import
            """, """
            Package a:b
            Interface i
              Record <missing name>
                Field f [u32]
              Function g [func(a:) ->]
            World w
            """);
    }

    [Fact]
    public void Witx_typenames_modules_and_functions()
    {
        Check("""
            //- /api.witx
            (typename $fd (handle))
            (typename $errno
              (enum (@witx tag u16)
                $success
                $again))
            (typename $pair (record (field $a u8) (field $b u8)))
            (module $wasi
              (import "memory" (memory))
              (@interface func (export "fd_close")
                (param $fd $fd)
                (result $error (expected (error $errno)))))
            """, """
            Typename $fd [handle]
            Typename $errno [enum]
              Case $success
              Case $again
            Typename $pair [record]
              Field $a
              Field $b
            Module $wasi
              Import memory
              Function fd_close
            """);
    }
}
