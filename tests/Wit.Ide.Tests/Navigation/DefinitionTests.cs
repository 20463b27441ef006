using System.Linq;
using Wit.Ide.Navigation;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.Navigation;

public class DefinitionTests
{
    private enum Kind
    {
        Definition,
        Declaration,
        TypeDefinition,
    }

    /// <summary>Asks for the locations at <c>$0</c> and expects exactly the <c>[|..|]</c> spans (any file).</summary>
    private static void Check(string fixture, Kind kind = Kind.Definition)
    {
        var f = IdeFixture.Load(fixture);
        var actual = kind switch
        {
            Kind.Definition => NavigationProvider.Definition(f.Snapshot, f.CursorPath!, f.CursorOffset),
            Kind.Declaration => NavigationProvider.Declaration(f.Snapshot, f.CursorPath!, f.CursorOffset),
            _ => NavigationProvider.TypeDefinition(f.Snapshot, f.CursorPath!, f.CursorOffset),
        };
        var expected = f.Spans.Select(s => new IdeLocation(s.Path, s.Span)).ToList();
        Assert.Equal(expected, actual.OrderBy(l => l.Path, System.StringComparer.Ordinal).ThenBy(l => l.Span.Start).ToList());
    }

    private const string Deps = """
        //- /app/deps/io/streams.wit
        package [|wasi:io@0.2.0|];
        interface [|streams|] {
          resource [|input-stream|];
          record [|error|] { code: u32 }
        }
        """;

    [Fact]
    public void A_type_from_a_dependency_through_use() => Check("""
        //- /app/app.wit
        package my:app;
        interface api {
          use wasi:io/streams@0.2.0.{error};
          get: func() -> err$0or;
        }
        //- /app/deps/io/streams.wit
        package wasi:io@0.2.0;
        interface streams {
          record [|error|] { code: u32 }
        }
        """);

    [Fact]
    public void Each_segment_of_a_use_path()
    {
        string app = """
            //- /app/app.wit
            package my:app;
            interface api {
              use NS:io/STREAMS@0.2.0.{ERR};
            }

            """;
        Check(app.Replace("NS", "wa$0si").Replace("STREAMS", "streams").Replace("ERR", "error") + Only(Deps, "wasi:io@0.2.0"));
        Check(app.Replace("NS", "wasi").Replace("STREAMS", "str$0eams").Replace("ERR", "error") + Only(Deps, "streams"));
        Check(app.Replace("NS", "wasi").Replace("STREAMS", "streams").Replace("ERR", "er$0ror") + Only(Deps, "error"));
        Check(app.Replace("NS", "wasi").Replace("STREAMS", "streams").Replace("ERR", "input-stream$0") + Only(Deps, "input-stream"));
    }

    /// <summary>The dependency fixture with only the span around <paramref name="name"/> kept.</summary>
    private static string Only(string fixture, string name) =>
        fixture.Replace("[|", string.Empty).Replace("|]", string.Empty).Replace(" " + name + " ", " [|" + name + "|] ").Replace(" " + name + ";", " [|" + name + "|];");

    [Fact]
    public void Include_import_path_and_borrow() => Check("""
        package my:app;
        interface [|files|] { resource file; }
        world base { import files; }
        world full {
          include base;
          import fil$0es;
        }
        """);

    [Fact]
    public void Include_goes_to_the_world() => Check("""
        package my:app;
        world [|base|] { }
        world full { include ba$0se; }
        """);

    [Fact]
    public void Borrow_goes_to_the_resource() => Check("""
        package my:app;
        interface files {
          resource [|file|];
          read: func(f: borrow<fi$0le>);
        }
        """);

    [Fact]
    public void Definition_of_a_renamed_use_goes_to_the_original() => Check("""
        package my:app;
        interface types { record [|point|] { x: u32 } }
        interface api {
          use types.{point as p};
          get: func() -> p$0;
        }
        """);

    [Fact]
    public void Declaration_of_a_renamed_use_is_the_alias() => Check("""
        package my:app;
        interface types { record point { x: u32 } }
        interface api {
          use types.{point as [|p|]};
          get: func() -> p$0;
        }
        """, Kind.Declaration);

    [Fact]
    public void Top_level_use_alias_goes_to_the_interface() => Check("""
        //- /app/app.wit
        package my:app;
        use wasi:io/streams@0.2.0 as s;
        interface api {
          use s$0.{error};
        }
        //- /app/deps/io/streams.wit
        package wasi:io@0.2.0;
        interface [|streams|] { record error { code: u32 } }
        """);

    [Fact]
    public void Type_definition_from_a_parameter_goes_through_aliases() => Check("""
        package my:app;
        interface api {
          record [|point|] { x: u32 }
          type p = point;
          get: func(a$0t: p);
        }
        """, Kind.TypeDefinition);

    [Fact]
    public void Type_definition_of_a_field_with_an_anonymous_type_gives_each_named_type() => Check("""
        package my:app;
        interface api {
          record [|a|] { x: u32 }
          enum [|b|] { one }
          record holder { fie$0ld: result<list<a>, b> }
        }
        """, Kind.TypeDefinition);

    [Fact]
    public void Type_definition_of_a_primitive_field_is_empty() => Check("""
        package my:app;
        interface api { record holder { fie$0ld: u32 } }
        """, Kind.TypeDefinition);

    [Fact]
    public void A_half_written_interface_still_navigates() => Check("""
        package my:app;
        interface api {
          record [|point|] { x: u32 }
          get: func(p: poi$0nt) ->
          broken stuff here
        """);
}
