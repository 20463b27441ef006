using System;
using System.Linq;
using Wit.Ide;
using Wit.Ide.Completion;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.Completion;

public class CompletionTests
{
    /// <summary>
    /// Completes at the fixture's <c>$0</c>. <paramref name="present"/> and <paramref name="absent"/> list labels, each
    /// optionally with a kind (<c>"u32:Keyword"</c>). A <c>[|...|]</c> span in the fixture is the expected replace span.
    /// </summary>
    private static CompletionResult Check(string fixture, string[] present, string[]? absent = null)
    {
        var loaded = IdeFixture.Load(fixture);
        var result = CompletionProvider.Complete(loaded.Snapshot, loaded.CursorPath!, loaded.CursorOffset);
        Assert.NotNull(result);
        string Describe() => string.Join(", ", result!.Items.Select(i => $"{i.Label}:{i.Kind}"));
        foreach (var expected in present)
        {
            Assert.True(Matches(result!, expected), $"missing `{expected}` in [{Describe()}]");
        }

        foreach (var unexpected in absent ?? Array.Empty<string>())
        {
            Assert.False(Matches(result!, unexpected), $"unexpected `{unexpected}` in [{Describe()}]");
        }

        if (loaded.Spans.Count > 0) Assert.Equal(loaded.Spans[0].Span, result!.ReplaceSpan);
        else Assert.Equal(new Wit.Core.Text.TextSpan(loaded.CursorOffset, 0), result!.ReplaceSpan);
        return result!;
    }

    private static bool Matches(CompletionResult result, string expected)
    {
        int colon = expected.LastIndexOf(':');
        if (colon > 0 && Enum.TryParse<CompletionItemKind>(expected.Substring(colon + 1), out var kind))
        {
            string label = expected.Substring(0, colon);
            return result.Items.Any(i => i.Label == label && i.Kind == kind);
        }

        return result.Items.Any(i => i.Label == expected);
    }

    private static void CheckNone(string fixture)
    {
        var loaded = IdeFixture.Load(fixture);
        var result = CompletionProvider.Complete(loaded.Snapshot, loaded.CursorPath!, loaded.CursorOffset);
        Assert.True(result is null || result.Items.Count == 0, result is null ? null : string.Join(", ", result.Items.Select(i => i.Label)));
    }

    private const string Deps = """
        //- /app/deps/io/streams.wit
        package wasi:io@0.2.0;
        /// Byte streams.
        interface streams {
          /// An input stream.
          resource input-stream;
          resource output-stream;
          type stream-error = u32;
        }
        interface poll {
          resource pollable;
        }
        world imports {
          import streams;
        }
        //- /app/deps/clocks/clocks.wit
        package wasi:clocks;
        interface wall-clock {
          record datetime { seconds: u64 }
        }
        """;

    /// <summary>
    /// Issue 14, finding 4: an interface header without a name (a fuzzing mutant, <c>interface{-&gt;p</c>) used to
    /// throw a NullReferenceException while listing the interfaces whose types a typed fragment may name; the types
    /// of the package's other interfaces are offered, as in any interface body.
    /// </summary>
    [Fact]
    public void A_nameless_interface_header_still_offers_the_types_of_other_interfaces()
    {
        Check("package a:b;\ninterface other { record point { x: u32 } }\ninterface{->[|p$0|]", new[] { "point:Type" });
    }

    [Fact]
    public void Top_level_offers_items_snippets_and_gates()
    {
        Check("package a:b;\n$0\n", new[] { "interface:Keyword", "interface:Snippet", "world:Keyword", "use:Keyword", "package:Snippet", "@since:Snippet", "@unstable:Snippet" },
            new[] { "record", "u32", "import" });
        Check("package a:b;\ninterface i {}\n[|wor$0|]\n", new[] { "world:Keyword" });
        Check("$0", new[] { "package:Keyword", "package:Snippet" });
    }

    [Fact]
    public void Interface_body_offers_type_definitions_functions_and_gates()
    {
        Check("package a:b;\ninterface i {\n  $0\n}\n", new[] { "record:Keyword", "variant:Snippet", "enum", "flags", "resource", "type", "use", "func:Snippet", "@since", "@deprecated" },
            new[] { "import", "constructor", "interface", "u32" });
        Check("package a:b;\ninterface i {\n  f: func();\n  [|rec$0|]\n}\n", new[] { "record:Keyword" });
        Check("package a:b;\ninterface i {\n  record r { a: u32 }\n  $0\n}\n", new[] { "record:Keyword" });
        Check("package a:b;\ninterface i {\n  @since(version = 0.1.0)\n  $0\n}\n", new[] { "func:Snippet", "record:Keyword" });
    }

    [Fact]
    public void Resource_body_offers_constructor_methods_and_async()
    {
        Check("package a:b;\ninterface i {\n  resource r {\n    $0\n  }\n}\n", new[] { "constructor:Keyword", "constructor:Snippet", "method:Snippet", "static:Snippet", "async:Snippet" },
            new[] { "record", "import" });
        Check("package a:b;\ninterface i {\n  resource r {\n    get: func();\n    [|con$0|]\n  }\n}\n", new[] { "constructor:Keyword" });
    }

    [Fact]
    public void World_body_offers_imports_exports_include_and_types()
    {
        Check("package a:b;\nworld w {\n  $0\n}\n", new[] { "import:Keyword", "export:Keyword", "include:Keyword", "use:Keyword", "type:Keyword", "import func:Snippet", "export interface:Snippet" },
            new[] { "constructor", "func" });
        Check("package a:b;\nworld w {\n  import x: func();\n  [|exp$0|]\n}\n", new[] { "export:Keyword" });
        Check("package a:b;\nworld w {\n  import x: interface {\n    $0\n  }\n}\n", new[] { "func:Snippet", "record:Keyword" }, new[] { "import" });
    }

    [Fact]
    public void Type_positions_offer_builtins_and_types_in_scope()
    {
        const string body = """
            package a:b;
            interface types { record point { x: u32 } resource handle; }
            interface i {
              use types.{point};
              /// A local record.
              record local { a: u32 }
              resource res;
              enum color { red }
            """;
        var result = Check(body + "  f: func(a: $0);\n}\n", new[] { "u32:Keyword", "string", "error-context", "list:Keyword", "option", "result", "tuple", "borrow", "own", "future", "stream", "map", "local:Type", "point:Type", "res:Resource", "color:Type" },
            new[] { "record", "interface", "handle" });
        // Types out of scope come once a character is typed; the list says it is incomplete until then.
        Assert.True(result.IsIncomplete);
        // `handle` is not in scope: choosing it also adds it to the `use` of its interface.
        result = Check(body + "  f: func(a: [|h$0|]);\n}\n", new[] { "handle:Resource", "point:Type" });
        var handle = Assert.Single(result.Items, i => i.Label == "handle");
        Assert.Equal("use types.{handle}", handle.Detail);
        Assert.Null(Assert.Single(result.Items, i => i.Label == "point").AdditionalEdits);
        var list = result.Items.First(i => i.Label == "list");
        Assert.True(list.IsSnippet);
        Assert.Equal("list<${1:T}>", list.InsertText);
        Assert.Equal("A local record.", result.Items.First(i => i.Label == "local").Documentation);

        Check(body + "  f: func() -> $0;\n}\n", new[] { "u64", "local", "point" });
        Check(body + "  type t = $0\n}\n", new[] { "u64", "local" });
        Check(body + "  record r { field: list<$0> }\n}\n", new[] { "u8", "local", "res" });
        Check(body + "  f: func() -> result<u8, $0>;\n}\n", new[] { "u8", "color" });
        Check(body + "  variant v { some($0) }\n}\n", new[] { "u8", "color" });
    }

    /// <summary>Completes at <c>$0</c>, takes the item with <paramref name="label"/> and <paramref name="detail"/>, and applies its text and its additional edits.</summary>
    private static string ApplyItem(string fixture, string label, string detail)
    {
        var loaded = IdeFixture.Load(fixture);
        var result = CompletionProvider.Complete(loaded.Snapshot, loaded.CursorPath!, loaded.CursorOffset);
        Assert.NotNull(result);
        var item = Assert.Single(result!.Items, i => i.Label == label && i.Detail == detail);
        var edits = (item.AdditionalEdits ?? Array.Empty<IdeTextEdit>()).Append(new IdeTextEdit(result.ReplaceSpan, item.InsertText ?? item.Label));
        string text = loaded.Snapshot.GetDocument(loaded.CursorPath!)!.Text.Text;
        foreach (var edit in edits.OrderByDescending(e => e.Span.Start)) text = text.Substring(0, edit.Span.Start) + edit.NewText + text.Substring(edit.Span.End);
        // The fixture loader may end a file with a line break of its own.
        return text.TrimEnd('\r', '\n');
    }

    [Fact]
    public void Types_of_other_interfaces_complete_with_their_use()
    {
        // A new `use` line, after the last one, indented like it; the qualified, versioned path for another package.
        Assert.Equal(
            "package a:b;\ninterface i {\n    use types.{x};\n    use wasi:io/streams@0.2.0.{input-stream};\n    f: func(a: input-stream);\n}\ninterface types { type x = u8; }",
            ApplyItem("//- /app/main.wit\npackage a:b;\ninterface i {\n    use types.{x};\n    f: func(a: inp$0);\n}\ninterface types { type x = u8; }\n" + Deps,
                "input-stream", "use wasi:io/streams@0.2.0.{input-stream}"));
        // Without any `use`: before the first member. Within the package: the interface's plain name.
        Assert.Equal(
            "package a:b;\ninterface i {\n  use types.{x};\n  f: func(a: x);\n}\ninterface types { type x = u8; }",
            ApplyItem("package a:b;\ninterface i {\n  f: func(a: x$0);\n}\ninterface types { type x = u8; }\n", "x", "use types.{x}"));
        // In a world.
        Assert.Equal(
            "package a:b;\ninterface types { type x = u8; }\nworld w {\n  use types.{x};\n  import f: func(a: x);\n}",
            ApplyItem("package a:b;\ninterface types { type x = u8; }\nworld w {\n  import f: func(a: %x$0);\n}\n", "x", "use types.{x}"));
    }

    [Fact]
    public void Types_already_in_scope_or_of_the_same_interface_are_not_offered_again()
    {
        var result = Check("package a:b;\ninterface types { type xy = u8; type yx = u8; }\ninterface i {\n  use types.{xy};\n  type xz = u8;\n  f: func(a: [|x$0|]);\n}\n",
            new[] { "xy", "xz" }, new[] { "yx" });
        Assert.Single(result.Items, i => i.Label == "xy");
        Assert.Single(result.Items, i => i.Label == "xz");
        Assert.Equal("use types.{yx}", Assert.Single(Check("package a:b;\ninterface types { type xy = u8; type yx = u8; }\ninterface i {\n  use types.{xy};\n  f: func(a: [|yx$0|]);\n}\n", new[] { "yx" }).Items, i => i.Label == "yx").Detail);
        // Resources only inside borrow<...>; the fragment filters like the editor (first character, then in order).
        Check("//- /app/main.wit\npackage a:b;\ninterface i {\n  f: func(a: borrow<[|is$0|]>);\n}\n" + Deps, new[] { "input-stream:Resource" }, new[] { "output-stream", "pollable", "stream-error", "datetime" });
        Check("//- /app/main.wit\npackage a:b;\ninterface i {\n  f: func(a: borrow<[|p$0|]>);\n}\n" + Deps, new[] { "pollable:Resource" }, new[] { "input-stream", "output-stream" });
    }

    [Fact]
    public void Half_typed_type_positions_still_complete()
    {
        Check("package a:b;\ninterface i {\n  record local { a: u32 }\n  f: func(a: [|li$0|]\n", new[] { "list", "local", "u32" });
        Check("package a:b;\ninterface i {\n  record local { a: u32 }\n  f: func(a: u32, b: [|%loc$0|]) -> u32;\n}\n", new[] { "local" });
        Check("package a:b;\ninterface i {\n  f: func(a: list<[|str$0|]\n}\n", new[] { "string" });
    }

    [Fact]
    public void Borrow_offers_only_resources()
    {
        Check("package a:b;\ninterface types { resource handle; }\ninterface i {\n  use types.{handle};\n  resource res;\n  record rec { a: u32 }\n  f: func(a: borrow<$0>);\n}\n",
            new[] { "res:Resource", "handle:Resource" }, new[] { "rec", "u32", "list" });
    }

    [Fact]
    public void Function_keyword_after_a_function_name()
    {
        Check("package a:b;\ninterface i {\n  f: $0\n}\n", new[] { "func:Keyword", "async:Keyword", "func():Snippet" }, new[] { "static" });
        Check("package a:b;\ninterface i {\n  resource r {\n    f: $0\n  }\n}\n", new[] { "func", "static:Keyword" });
    }

    [Fact]
    public void Use_paths_offer_local_interfaces_and_known_packages()
    {
        Check("//- /app/main.wit\npackage a:b;\ninterface types {}\ninterface i {\n  use $0\n}\n" + Deps,
            new[] { "types:Interface", "i:Interface", "wasi:io/streams@0.2.0:Interface", "wasi:io/poll@0.2.0", "wasi:clocks/wall-clock" },
            new[] { "wasi:io/imports@0.2.0" });
        Check("//- /app/main.wit\npackage a:b;\ninterface i {}\nuse $0\n" + Deps, new[] { "i", "wasi:io/streams@0.2.0" });
    }

    [Fact]
    public void Use_paths_after_a_package_offer_its_interfaces_with_versions()
    {
        Check("//- /app/main.wit\npackage a:b;\ninterface i {\n  use wasi:io/[|st$0|]\n}\n" + Deps,
            new[] { "streams@0.2.0:Interface", "poll@0.2.0" }, new[] { "wall-clock", "i" });
        Check("//- /app/main.wit\npackage a:b;\ninterface i {\n  use wasi:clocks/$0\n}\n" + Deps, new[] { "wall-clock" }, new[] { "streams@0.2.0" });
        Check("//- /app/main.wit\npackage a:b;\ninterface i {\n  use wasi:$0\n}\n" + Deps, new[] { "io/streams@0.2.0", "clocks/wall-clock" });
    }

    [Fact]
    public void Use_names_offer_the_types_of_the_interface_not_yet_listed()
    {
        Check("//- /app/main.wit\npackage a:b;\ninterface i {\n  use wasi:io/streams@0.2.0.{input-stream, $0};\n}\n" + Deps,
            new[] { "output-stream:Resource", "stream-error:Type" }, new[] { "input-stream", "pollable" });
        Check("//- /app/main.wit\npackage a:b;\ninterface types {\n  record point { x: u32 }\n  type id = u32;\n}\ninterface i {\n  use types.{[|p$0|]};\n}\n" + Deps,
            new[] { "point:Type", "id:Type" });
        Check("//- /app/main.wit\npackage a:b;\ninterface i {\n  use wasi:io/streams.{$0\n}\n" + Deps, new[] { "input-stream" });
    }

    [Fact]
    public void Import_and_export_offer_interfaces_and_a_function_snippet()
    {
        Check("//- /app/main.wit\npackage a:b;\ninterface api {}\nworld w {\n  import $0\n}\n" + Deps,
            new[] { "api:Interface", "wasi:io/streams@0.2.0:Interface", "name: func:Snippet" }, new[] { "w", "import" });
        Check("//- /app/main.wit\npackage a:b;\ninterface api {}\nworld w {\n  export [|ap$0|]\n}\n" + Deps, new[] { "api" });
        Check("//- /app/main.wit\npackage a:b;\nworld w {\n  import wasi:io/$0\n}\n" + Deps, new[] { "streams@0.2.0" });
        Check("//- /app/main.wit\npackage a:b;\nworld w {\n  import f: $0\n}\n" + Deps, new[] { "func:Keyword", "interface:Keyword" });
    }

    [Fact]
    public void Include_offers_worlds()
    {
        Check("//- /app/main.wit\npackage a:b;\ninterface api {}\nworld base {}\nworld w {\n  include $0\n}\n" + Deps,
            new[] { "base:World", "w:World", "wasi:io/imports@0.2.0:World" }, new[] { "api", "wasi:io/streams@0.2.0" });
    }

    [Fact]
    public void Gates_offer_attribute_names_and_keys()
    {
        Check("package a:b;\ninterface i {\n  @$0\n}\n", new[] { "since:Snippet", "unstable", "deprecated" });
        var since = Check("package a:b;\ninterface i {\n  @since($0)\n  f: func();\n}\n", new[] { "version:Property" }, new[] { "feature" });
        Assert.Equal("version = $0", since.Items.Single().InsertText);
        Check("package a:b;\ninterface i {\n  @unstable([|fe$0|]\n}\n", new[] { "feature:Property" }, new[] { "version" });
        Check("package a:b;\ninterface i {\n  @deprecated($0)\n}\n", new[] { "version" });
    }

    [Fact]
    public void Nothing_in_comments_strings_or_names_being_declared()
    {
        CheckNone("package a:b;\n// interface $0\n");
        CheckNone("package a:b;\ninterface i {\n  /// docs $0\n  f: func();\n}\n");
        CheckNone("package a:b;\ninterface i {\n  record r { a: u32, $0 }\n}\n");
        CheckNone("package a:b;\ninterface $0\n");
    }

    [Fact]
    public void Witx_offers_form_keywords_after_a_paren()
    {
        Check("//- /api.witx\n(typename $fd u32)\n([|ty$0|]\n", new[] { "typename:Module", "module", "param", "u8", "@interface func", "@witx", "use" }, new[] { "$fd" });
        Check("//- /api.witx\n(typename $r (record ($0)))\n", new[] { "field", "variant", "list" });
        Check("//- /api.witx\n(typename $p (@witx $0))\n", new[] { "pointer", "const_pointer" });
    }

    [Fact]
    public void Witx_offers_typenames_after_a_dollar()
    {
        var result = Check("//- /api.witx\n;;; A file descriptor.\n(typename $fd u32)\n(typename $size u64)\n(module $m (@interface func (export \"f\") (param $a [|$f$0|])))\n",
            new[] { "$fd:Type", "$size:Type" }, new[] { "typename" });
        Assert.Contains("file descriptor", result.Items.First(i => i.Label == "$fd").Documentation ?? string.Empty, StringComparison.Ordinal);
        CheckNone("//- /api.witx\n;; comment ($0\n");
    }
}
