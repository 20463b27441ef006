using System.Linq;
using System.Text;
using Wit.Ide.Rename;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.Rename;

public class RenameTests
{
    /// <summary>
    /// Renames the symbol at <c>$0</c> to <paramref name="newName"/> and compares every changed file, edits applied,
    /// with <paramref name="expected"/> (a fixture of the changed files only, without markers).
    /// </summary>
    private static void Check(string fixture, string newName, string expected)
    {
        var f = IdeFixture.Load(fixture);
        var result = RenameProvider.Rename(f.Snapshot, f.CursorPath!, f.CursorOffset, newName);
        Assert.Null(result.Error);
        var actual = new StringBuilder();
        foreach (var (path, edits) in result.Edit!.Changes.OrderBy(c => c.Key, System.StringComparer.Ordinal))
        {
            var text = f.TextOf(path);
            foreach (var edit in edits.OrderByDescending(e => e.Span.Start)) text = text.Remove(edit.Span.Start, edit.Span.Length).Insert(edit.Span.Start, edit.NewText);
            actual.Append("//- ").Append(path.Substring(IdeFixture.Root.Length)).Append('\n').Append(text);
        }

        Assert.Equal(expected.Replace("\r\n", "\n").TrimEnd(), actual.ToString().TrimEnd());
    }

    /// <summary>Expects the rename (or with a null name, prepareRename) at <c>$0</c> to be refused with a message containing <paramref name="message"/>.</summary>
    private static void CheckRefused(string fixture, string? newName, string message)
    {
        var f = IdeFixture.Load(fixture);
        string? error = newName is null
            ? RenameProvider.Prepare(f.Snapshot, f.CursorPath!, f.CursorOffset).Error
            : RenameProvider.Rename(f.Snapshot, f.CursorPath!, f.CursorOffset, newName).Error;
        Assert.NotNull(error);
        Assert.Contains(message, error!, System.StringComparison.Ordinal);
    }

    private const string ThreeFiles = """
        //- /app/a.wit
        package my:app;
        interface api {
          use my:dep/types.{point};
          use my:dep/types.{point as p};
          get: func() -> point;
          put: func(x: p);
        }
        //- /app/b.wit
        package my:app;
        world w {
          use my:dep/types.{point};
          import get: func() -> option<point>;
        }
        //- /app/deps/dep/types.wit
        package my:dep;
        interface types {
          record poi$0nt { x: u32 }
          make: func() -> point;
        }
        """;

    [Fact]
    public void Across_three_files_keeping_an_alias() => Check(ThreeFiles, "spot", """
        //- /app/a.wit
        package my:app;
        interface api {
          use my:dep/types.{spot};
          use my:dep/types.{spot as p};
          get: func() -> spot;
          put: func(x: p);
        }
        //- /app/b.wit
        package my:app;
        world w {
          use my:dep/types.{spot};
          import get: func() -> option<spot>;
        }
        //- /app/deps/dep/types.wit
        package my:dep;
        interface types {
          record spot { x: u32 }
          make: func() -> spot;
        }
        """);

    [Fact]
    public void Renaming_the_alias_edits_only_the_alias_and_its_uses() => Check("""
        package my:app;
        interface types { record point { x: u32 } }
        interface api {
          use types.{point as p};
          get: func() -> p$0;
          put: func(x: p, y: point2);
          record point2 { x: u32 }
        }
        """, "q", """
        //- /main.wit
        package my:app;
        interface types { record point { x: u32 } }
        interface api {
          use types.{point as q};
          get: func() -> q;
          put: func(x: q, y: point2);
          record point2 { x: u32 }
        }
        """);

    [Fact]
    public void A_keyword_gets_a_percent() => Check("""
        package my:app;
        interface api {
          record po$0int { x: u32 }
          get: func() -> point;
        }
        """, "interface", """
        //- /main.wit
        package my:app;
        interface api {
          record %interface { x: u32 }
          get: func() -> %interface;
        }
        """);

    [Fact]
    public void An_escaped_occurrence_stays_escaped() => Check("""
        package my:app;
        interface api {
          record %po$0int { x: u32 }
          get: func() -> point;
        }
        """, "spot", """
        //- /main.wit
        package my:app;
        interface api {
          record %spot { x: u32 }
          get: func() -> spot;
        }
        """);

    [Fact]
    public void A_resource_with_borrow_and_a_field_alone() => Check("""
        package my:app;
        interface files {
          resource fi$0le;
          record info { size: u64 }
          read: func(f: borrow<file>, i: info) -> own<file>;
        }
        """, "blob", """
        //- /main.wit
        package my:app;
        interface files {
          resource blob;
          record info { size: u64 }
          read: func(f: borrow<blob>, i: info) -> own<blob>;
        }
        """);

    [Fact]
    public void A_record_field_renames_its_declaration_only() => Check("""
        package my:app;
        interface api {
          record info { si$0ze: u64 }
          size: func() -> info;
        }
        """, "length", """
        //- /main.wit
        package my:app;
        interface api {
          record info { length: u64 }
          size: func() -> info;
        }
        """);

    [Theory]
    [InlineData("Foo_bar")]
    [InlineData("1abc")]
    [InlineData("a--b")]
    [InlineData("")]
    [InlineData("-a")]
    [InlineData("aBc")]
    public void Invalid_names_are_refused(string name) => CheckRefused(ThreeFiles, name, name.Length == 0 ? "empty" : "not a valid WIT identifier");

    [Fact]
    public void A_name_already_in_the_scope_is_refused() => CheckRefused("""
        package my:app;
        interface api {
          record po$0int { x: u32 }
          record other { y: u32 }
        }
        """, "other", "already defined");

    [Fact]
    public void A_parameter_name_clash_is_refused() => CheckRefused("""
        package my:app;
        interface api { f: func(a$0: u32, b: u32); }
        """, "b", "already defined");

    [Fact]
    public void Keywords_primitives_and_packages_cannot_be_renamed()
    {
        CheckRefused("package my:app;\nrec$0ord x { }\n", null, "keyword");
        CheckRefused("package my:app;\ninterface api { f: func() -> u3$02; }\n", null, "primitive");
        CheckRefused("package my:a$0pp;\ninterface api { }\n", null, "package");
        CheckRefused("""
            //- /app/app.wit
            package my:app;
            interface api { use wasi:i$0o/streams@0.2.0.{error}; }
            //- /app/deps/io/streams.wit
            package wasi:io@0.2.0;
            interface streams { record error { code: u32 } }
            """, null, "package");
    }

    [Fact]
    public void Prepare_gives_the_name_span_and_plain_name()
    {
        var f = IdeFixture.Load("package my:app;\ninterface api { record %ty$0pe { x: u32 } }\n");
        var prepared = RenameProvider.Prepare(f.Snapshot, f.CursorPath!, f.CursorOffset);
        Assert.Null(prepared.Error);
        Assert.Equal("type", prepared.Placeholder);
        Assert.Equal("%type", f.TextOf(f.CursorPath!).Substring(prepared.Span.Start, prepared.Span.Length));
    }

    private const string AliasFile = """
        //- /app/app.wit
        package my:app;
        use wasi:io/streams@0.2.0 as s;
        interface api {
          use s.{error};
        }
        world w {
          import s$0;
        }
        interface other { }
        //- /app/deps/io/streams.wit
        package wasi:io@0.2.0;
        interface streams { record error { code: u32 } }
        """;

    [Fact]
    public void A_top_level_use_alias_is_renamed_with_its_local_paths()
    {
        Check(AliasFile, "io", """
            //- /app/app.wit
            package my:app;
            use wasi:io/streams@0.2.0 as io;
            interface api {
              use io.{error};
            }
            world w {
              import io;
            }
            interface other { }
            """);
        var f = IdeFixture.Load(AliasFile);
        var prepared = RenameProvider.Prepare(f.Snapshot, f.CursorPath!, f.CursorOffset);
        Assert.Null(prepared.Error);
        Assert.Equal("s", prepared.Placeholder);
        // A keyword is escaped; a name the package already has is refused.
        Check(AliasFile, "world", "//- /app/app.wit\npackage my:app;\nuse wasi:io/streams@0.2.0 as %world;\ninterface api {\n  use %world.{error};\n}\nworld w {\n  import %world;\n}\ninterface other { }");
        CheckRefused(AliasFile, "other", "already defined");
    }
}
