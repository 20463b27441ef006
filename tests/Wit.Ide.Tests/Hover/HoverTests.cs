using System;
using Wit.Ide.Hover;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.Hover;

public class HoverTests
{
    /// <summary>
    /// Hovers at the fixture's <c>$0</c>; checks the hovered span (the fixture's one <c>[|..|]</c>, when it has one) and
    /// that the Markdown contains each expected fragment, in order.
    /// </summary>
    private static string Check(string fixture, params string[] expected) => Check(null, fixture, expected);

    private static string Check(IdeOptions? options, string fixture, params string[] expected)
    {
        var loaded = IdeFixture.Load(fixture, options);
        var hover = HoverProvider.Hover(loaded.Snapshot, loaded.CursorPath!, loaded.CursorOffset);
        Assert.NotNull(hover);
        if (loaded.Spans.Count > 0) Assert.Equal(loaded.Spans[0].Span, hover!.Span);
        int at = 0;
        foreach (var fragment in expected)
        {
            int found = hover!.Markdown.IndexOf(fragment, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"expected `{fragment}` after position {at} in:\n{hover.Markdown}");
            at = found + fragment.Length;
        }

        return hover!.Markdown;
    }

    private static void CheckNone(string fixture)
    {
        var loaded = IdeFixture.Load(fixture);
        Assert.Null(HoverProvider.Hover(loaded.Snapshot, loaded.CursorPath!, loaded.CursorOffset));
    }

    [Fact]
    public void Record_declaration_shows_the_body_docs_and_field_offsets() => Check("""
        package my:pkg;
        interface shapes {
          /// A mixed record.
          record [|mi$0xed|] { a: u8, b: u32, c: u16 }
        }
        """,
        "```wit\nrecord mixed { a: u8, b: u32, c: u16 }\n```",
        "in `my:pkg/shapes`",
        "A mixed record.",
        "| memory32 | 12 | 4 |",
        "flat: `i32 i32 i32`",
        "| a | `u8` | 0 | 1 |",
        "| b | `u32` | 4 | 4 |",
        "| c | `u16` | 8 | 2 |");

    [Fact]
    public void Record_reference_in_a_function_hovers_the_record() => Check("""
        package my:pkg;
        interface shapes {
          record point { x: f64, y: u8 }
          f: func(p: [|po$0int|]);
        }
        """,
        "record point { x: f64, y: u8 }",
        "| memory32 | 16 | 8 |",
        "| y | `u8` | 8 | 1 |");

    [Fact]
    public void Memory64_adds_a_row_where_pointers_grow() => Check(new IdeOptions(memory64: true), """
        package my:pkg;
        interface i {
          record [|b$0uf|] { data: list<u8>, tag: u8 }
        }
        """,
        "| memory32 | 12 | 4 |",
        "| memory64 | 24 | 8 |");

    [Fact]
    public void Variant_shows_the_discriminant_and_payload_offset() => Check("""
        package my:pkg;
        interface i {
          variant [|sh$0ape|] { none, circle(f64), square(u32) }
        }
        """,
        "variant shape { none, circle(f64), square(u32) }",
        "| memory32 | 16 | 8 |",
        "flat: `i32 i64`",
        "discriminant 1 byte, payload at offset 8",
        "| circle | `f64` | 8 |",
        "| square | `u32` | 4 |");

    [Fact]
    public void Resource_method_shows_its_signature_without_self_and_its_core_signature() => Check("""
        package my:pkg;
        interface files {
          resource file {
            /// Reads up to `len` bytes.
            [|re$0ad|]: func(len: u64) -> list<u8>;
          }
        }
        """,
        "```wit\nread: func(len: u64) -> list<u8>\n```",
        "method of resource `file`",
        "Reads up to `len` bytes.",
        "| core signature | `(func (param i32 i64 i32))` | `(func (param i32 i64) (result i32))` |",
        "| cabi_realloc | results | no |",
        "| return pointer | yes (8 bytes) | yes (8 bytes) |",
        "| post-return | no | yes |");

    [Fact]
    public void Function_that_allocates_and_returns_through_a_pointer() => Check("""
        package my:pkg;
        interface api {
          @since(version = 1.0.0)
          [|ech$0o|]: func(a: string, b: list<u32>) -> tuple<string, u64>;
        }
        """,
        "```wit\necho: func(a: string, b: list<u32>) -> tuple<string, u64>\n```",
        "`@since(version = 1.0.0)`",
        "| core signature | `(func (param i32 i32 i32 i32 i32))` | `(func (param i32 i32 i32 i32) (result i32))` |",
        "| flat params | 4 flat | 4 flat |",
        "| cabi_realloc | results | params `a`, `b` |",
        "| return pointer | yes (16 bytes) | yes (16 bytes) |",
        "| post-return | no | yes |");

    [Fact]
    public void Used_type_from_a_dependency_shows_its_docs_and_layout() => Check("""
        //- /app.wit
        package my:app;
        interface api {
          use my:dep/types.{[|i$0d|]};
          get: func(x: id) -> id;
        }
        //- /deps/dep/types.wit
        package my:dep;
        interface types {
          /// An identifier.
          type id = u64;
        }
        """,
        "type id = u64",
        "in `my:dep/types`",
        "An identifier.",
        "| memory32 | 8 | 8 |",
        "flat: `i64`");

    [Fact]
    public void Interface_in_a_use_path_shows_its_qualified_name() => Check("""
        //- /app.wit
        package my:app;
        interface api {
          use my:dep/[|ty$0pes|]@0.2.0.{id};
        }
        //- /deps/dep/types.wit
        package my:dep@0.2.0;
        /// Shared types.
        interface types {
          type id = u64;
        }
        """,
        "```wit\ninterface my:dep/types@0.2.0\n```",
        "Shared types.");

    [Fact]
    public void Field_shows_its_offset_in_the_record() => Check("""
        package my:pkg;
        interface i {
          record r { a: u8, [|b$0|]: u32 }
        }
        """,
        "```wit\nb: u32\n```",
        "field of record `r`",
        "offset 4 in `r`",
        "| memory32 | 4 | 4 |");

    [Fact]
    public void Parameter_shows_its_type_layout() => Check("""
        package my:pkg;
        interface i {
          f: func([|na$0me|]: string);
        }
        """,
        "```wit\nname: string\n```",
        "parameter of `f`",
        "| memory32 | 8 | 4 |",
        "flat: `i32 i32`");

    [Fact]
    public void Primitive_keyword_shows_its_layout() => Check("""
        package my:pkg;
        interface i {
          f: func(x: [|u6$04|]);
        }
        """,
        "```wit\nu64\n```",
        "| memory32 | 8 | 8 |",
        "flat: `i64`");

    [Fact]
    public void Half_typed_record_field_still_hovers_the_record() => Check("""
        package my:pkg;
        interface i {
          record [|p$0t|] { x: u32, y: }
          f: func();
        }
        """,
        "```wit\nrecord pt");

    [Fact]
    public void Unknown_type_reference_hovers_the_function_without_numbers() => Check("""
        package my:pkg;
        interface i {
          [|f$0|]: func(x: missing) -> u32;
        }
        """,
        "f: func(x: <error>) -> u32",
        "No core signature");

    [Fact]
    public void World_import_name_hovers_the_interface() => Check("""
        package my:pkg;
        interface logging { log: func(msg: string); }
        world app {
          import [|log$0ging|];
        }
        """,
        "interface my:pkg/logging");

    [Fact]
    public void Nothing_to_hover_on_whitespace_or_punctuation() => CheckNone("""
        package my:pkg;
        interface i {
          $0
          f: func();
        }
        """);

    [Fact]
    public void Witx_typename_reference_shows_definition_docs_and_layout() => Check("""
        //- /api.witx
        ;;; A file size.
        (typename $filesize u64)
        ;;; A point in a file.
        (typename $pos
          (record
            (field $flag u8)
            (field $size $filesize)))
        (module $api
          (@interface func (export "seek")
            (param $p [|$p$0os|])))
        """,
        "```witx\n(typename $pos",
        "A point in a file.",
        "| 16 | 8 |",
        "| flag | `u8` | 0 | 1 |",
        "| size | `$filesize` | 8 | 8 |");

    [Fact]
    public void Witx_function_name_shows_its_core_signature() => Check("""
        //- /api.witx
        (typename $filesize u64)
        (typename $errno (enum (@witx tag u16) $success $badf))
        (typename $seek_result (expected $filesize (error $errno)))
        (module $api
          ;;; Seeks.
          (@interface func (export [|"se$0ek"|])
            (param $fd u32)
            (result $error $seek_result)))
        """,
        "(@interface func (export \"seek\")",
        "Seeks.",
        "core signature: `(func (param i32 i32) (result i32))` (1 return pointer)");

    [Fact]
    public void Every_offset_of_broken_code_hovers_a_span_touching_it()
    {
        var loaded = IdeFixture.Load("""
            package my:pkg@1.0.0;
            interface i {
              use missing.{x};
              record r { a: u32, b: , c: list<
              variant v { a(, b }
              resource res { constructor(; m: func(self: u8) -> }
              @since(version = 
              f: func(a: r, b: borrow<res>) -> result<v
            }
            world w { import i; export f: func(x: string); include nope; }
            //- /t.witx
            (typename $a (record (field $x u8) (field $y $nope)))
            (module $m (@interface func (export "f") (param $p $a) (result $r
            """);
        foreach (var (path, text) in loaded.Files)
        {
            for (int offset = 0; offset <= text.Length; offset++)
            {
                var hover = HoverProvider.Hover(loaded.Snapshot, path, offset);
                if (hover is null) continue;
                Assert.True(hover.Span.Start <= offset && offset <= hover.Span.End, $"{path}@{offset}: {hover.Span}");
                Assert.NotEmpty(hover.Markdown);
            }
        }
    }
}
