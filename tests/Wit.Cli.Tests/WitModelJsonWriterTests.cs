using System.Linq;
using System.Text.Json;
using Wit.Cli.Json;
using Wit.Core.Semantics;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Cli.Tests;

/// <summary>
/// The spellings the wit-parser UI corpus has no example of (async functions, fixed-length lists), and the others
/// on types that the corpus shows elsewhere. The conformance tests compare whole documents with upstream's.
/// </summary>
public class WitModelJsonWriterTests
{
    private const string Kinds = """
        package demo:kinds;

        interface k {
          resource r {
            m: async func();
            s: static async func() -> stream<u8>;
          }
          f: async func(a: list<u8, 4>, b: map<string, u32>, c: future, d: error-context) -> future<u32>;
          g: func(x: result, y: result<_, string>, z: stream);
        }
        """;

    [Fact]
    public void Type_kinds_are_spelled_as_wit_parser_s_serde_names_them()
    {
        var root = Resolve(Kinds).RootElement;

        var kinds = root.GetProperty("types").EnumerateArray().Select(t => Compact(t.GetProperty("kind"))).ToList();
        Assert.Contains("\"resource\"", kinds);
        Assert.Contains("{\"stream\":\"u8\"}", kinds);
        Assert.Contains("{\"stream\":null}", kinds);
        Assert.Contains("{\"fixed-length-list\":[\"u8\",4]}", kinds);
        Assert.Contains("{\"map\":[\"string\",\"u32\"]}", kinds);
        Assert.Contains("{\"future\":null}", kinds);
        Assert.Contains("{\"future\":\"u32\"}", kinds);
        Assert.Contains("{\"result\":{\"ok\":null,\"err\":null}}", kinds);
        Assert.Contains("{\"result\":{\"ok\":null,\"err\":\"string\"}}", kinds);
        Assert.Contains("{\"handle\":{\"borrow\":0}}", kinds);
    }

    [Fact]
    public void Async_function_kinds_are_kebab_case()
    {
        var functions = Resolve(Kinds).RootElement.GetProperty("interfaces")[0].GetProperty("functions");

        Assert.Equal("{\"async-method\":0}", Compact(functions.GetProperty("[method]r.m").GetProperty("kind")));
        Assert.Equal("{\"async-static\":0}", Compact(functions.GetProperty("[static]r.s").GetProperty("kind")));
        Assert.Equal("\"async-freestanding\"", Compact(functions.GetProperty("f").GetProperty("kind")));
        Assert.Equal("\"freestanding\"", Compact(functions.GetProperty("g").GetProperty("kind")));
        Assert.Equal("error-context", functions.GetProperty("f").GetProperty("params")[3].GetProperty("type").GetString());
        Assert.False(functions.GetProperty("g").TryGetProperty("result", out _));
    }

    [Fact]
    public void Unstable_and_deprecated_items_carry_their_stability()
    {
        const string text = """
            package demo:gates@2.0.0;

            @since(version = 1.0.0)
            @deprecated(version = 2.0.0)
            interface old {
              @unstable(feature = shiny)
              f: func();
            }
            """;

        var @interface = Resolve(text, new ResolveOptions(new[] { "shiny" })).RootElement.GetProperty("interfaces")[0];

        Assert.Equal("{\"stable\":{\"since\":\"1.0.0\",\"deprecated\":\"2.0.0\"}}", Compact(@interface.GetProperty("stability")));
        Assert.Equal("{\"unstable\":{\"feature\":\"shiny\"}}", Compact(@interface.GetProperty("functions").GetProperty("f").GetProperty("stability")));
        Assert.Equal(new[] { "name", "types", "functions", "stability", "package" }, @interface.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void An_empty_model_is_four_empty_arenas()
    {
        Assert.Equal("{\n  \"worlds\": [],\n  \"interfaces\": [],\n  \"types\": [],\n  \"packages\": []\n}", WitModelJsonWriter.Write(new WitModel()));
    }

    private static JsonDocument Resolve(string text, ResolveOptions? options = null)
    {
        var model = WitResolver.Resolve(new InMemoryFileSystem().Add("/k.wit", text), "/k.wit", options);
        Assert.True(model.Diagnostics.Count == 0, string.Join("\n", model.Diagnostics.Select(d => d.ToString())));
        return JsonDocument.Parse(WitModelJsonWriter.Write(model));
    }

    private static string Compact(JsonElement element)
    {
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) element.WriteTo(writer);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
