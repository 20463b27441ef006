using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wit.Core.Text;
using Wit.Ide.CodeActions;
using Wit.Ide.Diagnostics;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.CodeActions;

public class CodeActionTests
{
    /// <summary>
    /// Asks for actions over the fixture's <c>[|...|]</c> span (or the <c>$0</c> cursor) with the document's diagnostics
    /// that touch it, applies the action titled <paramref name="title"/> and compares the whole text of the cursor's
    /// file with <paramref name="expected"/>; a null <paramref name="expected"/> asserts there is no such action.
    /// </summary>
    private static void Check(string fixture, string title, string? expected, string? kind = null)
    {
        var loaded = IdeFixture.Load(fixture);
        string path = loaded.MainPath;
        var range = loaded.Spans.Count > 0 ? loaded.Spans[0].Span : new TextSpan(loaded.CursorOffset, 0);
        var diagnostics = DocumentDiagnostics.For(loaded.Snapshot, path).Where(d => d.Span.IntersectsWith(range)).ToList();
        var actions = CodeActionProvider.Actions(loaded.Snapshot, path, range, diagnostics);
        var action = actions.FirstOrDefault(a => a.Title == title);
        string all = string.Join(" | ", actions.Select(a => a.Title)) + " // " + string.Join(" | ", diagnostics.Select(d => d.ToString()));
        if (expected is null)
        {
            Assert.True(action is null, $"unexpected `{title}` among: {all}");
            return;
        }

        Assert.True(action is not null, $"no `{title}` among: {all}");
        if (kind is not null) Assert.Equal(kind, action!.Kind);
        // The fixture kit ends every line with a line break, the last one included.
        Assert.Equal(expected + "\n", Apply(loaded.TextOf(path), action!.Edit.Changes[path]));
        Assert.Equal(new[] { path }, action.Edit.Changes.Keys);
    }

    private static string Apply(string text, IReadOnlyList<IdeTextEdit> edits)
    {
        var builder = new StringBuilder(text);
        foreach (var edit in edits.OrderByDescending(e => e.Span.Start))
        {
            builder.Remove(edit.Span.Start, edit.Span.Length).Insert(edit.Span.Start, edit.NewText);
        }

        return builder.ToString();
    }

    [Fact]
    public void Unknown_type_changes_to_a_close_name()
    {
        Check("package a:b;\ninterface i {\n  record point { x: u32 }\n  f: func(p: [|pont|]);\n}\n", "Change to `point`",
            "package a:b;\ninterface i {\n  record point { x: u32 }\n  f: func(p: point);\n}\n");
        Check("package a:b;\ninterface i {\n  record my-point { x: u32 }\n  f: func(p: [|myPoint|]);\n}\n", "Change to `my-point`",
            "package a:b;\ninterface i {\n  record my-point { x: u32 }\n  f: func(p: my-point);\n}\n");
        Check("package a:b;\ninterface i {\n  record point { x: u32 }\n  f: func(p: [|totally-else|]);\n}\n", "Change to `point`", null);
    }

    [Fact]
    public void Misspelled_builtin_type_changes_to_the_builtin()
    {
        Check("package a:b;\ninterface i {\n  f: func(p: option<[|strng|]>);\n}\n", "Change to `string`",
            "package a:b;\ninterface i {\n  f: func(p: option<string>);\n}\n");
        Check("package a:b;\ninterface i {\n  record r { x: [|u23|] }\n}\n", "Change to `u32`",
            "package a:b;\ninterface i {\n  record r { x: u32 }\n}\n");
        Check("package a:b;\ninterface i {\n  type t = list<[|bol|]>;\n}\n", "Change to `bool`",
            "package a:b;\ninterface i {\n  type t = list<bool>;\n}\n");
    }

    [Fact]
    public void Unknown_use_name_changes_to_a_type_of_the_interface()
    {
        Check("package a:b;\ninterface types { record point { x: u32 } }\ninterface i {\n  use types.{[|poitn|]};\n}\n", "Change to `point`",
            "package a:b;\ninterface types { record point { x: u32 } }\ninterface i {\n  use types.{point};\n}\n");
    }

    [Fact]
    public void Unknown_type_adds_a_use_of_the_interface_that_defines_it()
    {
        Check("package a:b;\ninterface types {\n  record point { x: u32 }\n}\ninterface i {\n  f: func(p: [|point|]);\n}\n", "Add `use types.{point}`",
            "package a:b;\ninterface types {\n  record point { x: u32 }\n}\ninterface i {\n  use types.{point};\n  f: func(p: point);\n}\n");
        Check("package a:b;\ninterface types {\n  record point { x: u32 }\n  type id = u32;\n}\ninterface i {\n  use types.{id};\n  f: func(p: [|point|]) -> id;\n}\n", "Add `use types.{point}`",
            "package a:b;\ninterface types {\n  record point { x: u32 }\n  type id = u32;\n}\ninterface i {\n  use types.{id, point};\n  f: func(p: point) -> id;\n}\n");
        Check("//- /app/main.wit\npackage a:b;\ninterface i {\n  use other.{x};\n  f: func(s: [|input-stream|]);\n}\ninterface other { type x = u8; }\n//- /app/deps/io/streams.wit\npackage wasi:io@0.2.0;\ninterface streams {\n  resource input-stream;\n}\n",
            "Add `use wasi:io/streams@0.2.0.{input-stream}`",
            "package a:b;\ninterface i {\n  use other.{x};\n  use wasi:io/streams@0.2.0.{input-stream};\n  f: func(s: input-stream);\n}\ninterface other { type x = u8; }");
    }

    [Fact]
    public void Keyword_used_as_a_name_is_escaped()
    {
        Check("package a:b;\ninterface i {\n  record[|:|] func();\n}\n", "Escape with `%` (`%record`)",
            "package a:b;\ninterface i {\n  %record: func();\n}\n");
        Check("package a:b;\ninterface i {\n  f: func([|type|]: u32);\n}\n", "Escape with `%` (`%type`)",
            "package a:b;\ninterface i {\n  f: func(%type: u32);\n}\n");
        Check("package a:b;\ninterface i {\n  f: func(a: u32[|)|] -> ;\n}\n", "Escape with `%` (`%u32`)", null);
    }

    [Fact]
    public void Names_that_are_not_kebab_case_are_converted()
    {
        Check("package a:b;\ninterface i {\n  [|myName|]: func();\n}\n", "Convert to `my-name`", "package a:b;\ninterface i {\n  my-name: func();\n}\n");
        Check("package a:b;\ninterface i {\n  [|my_name|]: func();\n}\n", "Convert to `my-name`", "package a:b;\ninterface i {\n  my-name: func();\n}\n");
        Check("package a:b;\ninterface i {\n  record [|HTTPServer|] { a: u32 }\n}\n", "Convert to `http-server`", "package a:b;\ninterface i {\n  record http-server { a: u32 }\n}\n");
        Check("package a:b;\ninterface i {\n  [|my-name|]: func();\n}\n", "Convert to `my-name`", null);
    }

    [Fact]
    public void Unused_use_names_are_removed()
    {
        const string types = "interface types { type a = u8; type b = u8; }\n";
        Check("package a:b;\n" + types + "interface i {\n  use types.{a, [|b|]};\n  f: func(x: a);\n}\n", "Remove unused `b`",
            "package a:b;\n" + types + "interface i {\n  use types.{a};\n  f: func(x: a);\n}\n");
        Check("package a:b;\n" + types + "interface i {\n  use types.{[|a|]};\n  f: func();\n}\n", "Remove unused `a`",
            "package a:b;\n" + types + "interface i {\n  f: func();\n}\n");
    }

    [Fact]
    public void Methods_that_repeat_the_resource_name_are_renamed()
    {
        Check("package a:b;\ninterface i {\n  resource fields {\n    [|fields-get|]: func() -> u32;\n  }\n}\n", "Rename to `get`",
            "package a:b;\ninterface i {\n  resource fields {\n    get: func() -> u32;\n  }\n}\n");
        Check("package a:b;\ninterface i {\n  resource fields {\n    get: func() -> u32;\n    [|fields-get|]: func() -> u32;\n  }\n}\n", "Rename to `get`", null);
    }

    [Fact]
    public void Organize_uses_sorts_merges_and_drops_unused()
    {
        const string types = "interface types { type a = u8; type b = u8; type c = u8; }\ninterface more { type m = u8; }\n";
        Check("package a:b;\n" + types + "interface i {\n  use types.{c, a};\n  use more.{m};\n  use types.{b, a};\n  f: func(x: a, y: b, z: c, w: m);\n}\n$0",
            "Organize `use` lines",
            "package a:b;\n" + types + "interface i {\n  use more.{m};\n  use types.{a, b, c};\n  f: func(x: a, y: b, z: c, w: m);\n}\n",
            CodeActionKinds.OrganizeImports);
        Check("package a:b;\n" + types + "interface i {\n  use more.{m};\n  use types.{a, b};\n  f: func(x: a, w: m);\n}\n$0", "Organize `use` lines",
            "package a:b;\n" + types + "interface i {\n  use more.{m};\n  use types.{a};\n  f: func(x: a, w: m);\n}\n");
        Check("package a:b;\n" + types + "interface i {\n  use more.{m};\n  use types.{a, b};\n  f: func(x: a, y: b, w: m);\n}\n$0", "Organize `use` lines", null);
    }

    [Fact]
    public void Organize_uses_sorts_top_level_uses_and_drops_exact_duplicates()
    {
        const string deps = "//- /ws/deps/io/io.wit\npackage wasi:io@0.2.0;\ninterface streams { type e = u8; }\ninterface poll { type p = u8; }\n";
        Check("//- /ws/main.wit\npackage a:b;\nuse wasi:io/streams@0.2.0 as s;\nuse wasi:io/poll@0.2.0 as p;\nuse wasi:io/streams@0.2.0 as s;\nworld w {\n  import s;\n  import p;\n}\n$0\n" + deps,
            "Organize `use` lines",
            "package a:b;\nuse wasi:io/poll@0.2.0 as p;\nuse wasi:io/streams@0.2.0 as s;\nworld w {\n  import s;\n  import p;\n}\n");
        // Already in order: nothing to do.
        Check("//- /ws/main.wit\npackage a:b;\nuse wasi:io/poll@0.2.0 as p;\nuse wasi:io/streams@0.2.0 as s;\nworld w {\n  import s;\n  import p;\n}\n$0\n" + deps,
            "Organize `use` lines", null);
    }
}
