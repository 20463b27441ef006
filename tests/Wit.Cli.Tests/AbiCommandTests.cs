using System.Linq;
using System.Text.Json;
using Xunit;

namespace Wit.Cli.Tests;

/// <summary>
/// <c>wit abi</c>. Every expected layout, offset and core signature below was worked out by hand from
/// CanonicalABI.md (<c>alignment</c>, <c>elem_size</c>, <c>flatten_type</c>, <c>flatten_functype</c>); the
/// comments show the arithmetic, so a reader can check it without the engine.
/// </summary>
public class AbiCommandTests
{
    private const string Package = """
        package demo:abi@1.0.0;

        interface types {
          record mixed {
            flag: bool,
            big: u64,
            small: u16,
            ratio: f32,
            name: string,
            tail: u8,
          }

          variant shape {
            point(tuple<u8, u32>),
            span(u64),
            label(string),
            empty,
          }

          flags perms { read, write, exec }

          type bytes = list<u8>;
        }

        interface api {
          use types.{shape};

          send: func(to: string, body: list<u8>, headers: list<tuple<string, string>>, retries: u8, timeout: u64,
                     weights: tuple<f32, f32, f32, f32, f32, f32, f32, f32, f32, f32>) -> result<u64, string>;

          area: func(s: shape) -> u32;
        }

        world app {
          import api;
          import log: func(msg: string);
          type id = u32;
          export run: func(args: list<string>) -> result<string, u32>;
        }

        """;

    // Fields are placed at the next multiple of their alignment: bool at 0 (ends 1), u64 at 8 (ends 16), u16 at 16
    // (ends 18), f32 at 20 (ends 24), string (4-byte aligned pointer and length) at 24 (ends 32), u8 at 32 (ends 33);
    // the record is aligned to its widest field (8), so its size is 33 rounded up to 40.
    private const string MixedText = """
        record demo:abi/types@1.0.0.mixed (memory32)
          size       40
          alignment  8
          flat       i32 i64 i32 f32 i32 i32 i32 (7 values)

          field  type    offset  size  align
          flag   bool         0     1      1
          big    u64          8     8      8
          small  u16         16     2      2
          ratio  f32         20     4      4
          name   string      24     8      4
          tail   u8          32     1      1

        """;

    // Four cases fit a u8 discriminant. The payloads are tuple<u8, u32> (u8 at 0, u32 at 4: 8 bytes, align 4), u64
    // (8, align 8) and string (8, align 4): the payload starts at 1 rounded up to 8 and is 8 bytes, 16 in all.
    // Flattened: [i32 i32], [i64], [i32 i32] join slot by slot to [i64 i32] (i32 and i64 join to i64), after the
    // discriminant's i32.
    private const string ShapeText = """
        variant demo:abi/types@1.0.0.shape (memory32)
          size            16
          alignment       8
          flat            i32 i64 i32 (3 values)
          discriminant    1 byte
          payload offset  8

          case   payload         size
          point  tuple<u8, u32>     8
          span   u64                8
          label  string             8
          empty  -                  0

        """;

    // Parameters flatten to 2 (string) + 2 (list) + 2 (list) + 1 (u8) + 1 (u64) + 10 (ten f32) = 18 > 16, so they are
    // spilled as a tuple: strings and lists at 0, 8, 16 (8 bytes each, align 4), u8 at 24, u64 at 32, the ten f32 at
    // 40..80; aligned to 8, 80 bytes. result<u64, string> flattens to [i32 i64 i32] (3 > 1): it goes through memory,
    // u8 discriminant then the payload at 8 (u64: 8 bytes, string: 8 bytes), 16 bytes. Sync lift: one pointer in,
    // the result pointer out; sync lower: the parameter pointer and a return pointer in. Async lift keeps the spilled
    // parameter pointer and returns a callback code (callback) or nothing (stackful); async lower spills above 4 flat
    // parameters and adds the result pointer, returning the i32 status.
    private const string SendText = """
        func demo:abi/api@1.0.0.send (memory32)
          func(to: string, body: list<u8>, headers: list<tuple<string, string>>, retries: u8, timeout: u64, weights: tuple<f32, f32, f32, f32, f32, f32, f32, f32, f32, f32>) -> result<u64, string>

        core signatures
          sync lift             (func (param i32) (result i32))
          sync lower            (func (param i32 i32))
          async lift, callback  (func (param i32) (result i32))
          async lift, stackful  (func (param i32))
          async lower           (func (param i32 i32) (result i32))

        called as an export (the host lowers the arguments into the component, which lifts them)
          - 18 flat parameters: spilled to memory (80 bytes), which the callee allocates on every call
          - allocates in the callee on every call: parameters `to`, `body`, `headers` (strings/lists)
          - returns through a pointer (16 bytes)
          - needs post-return: the callee frees the result's strings/lists after the caller has read them
          - string-encoding sensitive: strings are transcoded when the two sides' encodings differ

        called as an import (the component lowers the arguments, the host lifts them)
          - 18 flat parameters: spilled to memory (80 bytes)
          - returns through a pointer (16 bytes)
          - allocates in the caller on every call: the result holds strings/lists
          - string-encoding sensitive: strings are transcoded when the two sides' encodings differ

        """;

    // `types` is imported implicitly (api uses it) but has no functions or resources, so it adds no core import. The
    // module name keeps the version's compatible prefix (1.0.0 -> 1). send: sync lower as above. area: shape flattens
    // to 3 values, u32 to one i32. log: a string is a pointer and a length. run is lifted: list<string> is 2 values;
    // result<string, u32> flattens to [i32 i32 i32] (3 > 1), so it returns a pointer, which run_post takes.
    // Per function in the world's direction: send (import) and run (export) allocate through cabi_realloc (send's
    // result holds a string, run's parameter is a list); send spills; send and run return through memory; run's
    // string result needs a post-return.
    private const string AppText = """
        world demo:abi/app@1.0.0 (memory32)

        imports
          module                 name  core type
          cm32p2|demo:abi/api@1  send  (func (param i32 i32))
          cm32p2|demo:abi/api@1  area  (func (param i32 i64 i32) (result i32))
          cm32p2                 log   (func (param i32 i32))

        exports
          name               core type
          cm32p2||run        (func (param i32 i32) (result i32))
          cm32p2||run_post   (func (param i32))
          cm32p2_realloc     (func (param i32 i32 i32 i32) (result i32))
          cm32p2_initialize  (func)

        4 functions (3 imported, 1 exported)
          allocate per call (cabi_realloc)  2
          spill parameters to memory        1
          return through memory             2
          need post-return                  1

        """;

    [Fact]
    public void Record_with_mixed_alignment_prints_the_field_offsets()
    {
        var run = Run("--type", "types.mixed");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(MixedText, run.Output);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void Variant_prints_the_discriminant_payload_offset_and_cases()
    {
        var run = Run("--type", "types.shape");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(ShapeText, run.Output);
    }

    [Fact]
    public void Function_that_spills_and_allocates_prints_its_signatures_and_costs()
    {
        var run = Run("--func", "api.send");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(SendText, run.Output);
    }

    [Fact]
    public void World_lists_core_imports_and_exports_and_counts_costs()
    {
        var run = Run("--world", "app");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(AppText, run.Output);
    }

    [Fact]
    public void Flags_type_alias_and_world_level_items_are_found()
    {
        // Three flags fit one byte. `type bytes = list<u8>` is a pointer and a length. World-level items are
        // named WORLD.NAME: `id` aliases u32; `log` takes a string (2 flat values, both passed as core values).
        var flags = Run("--type", "types.perms");
        var bytes = Run("--type", "types.bytes");
        var id = Run("--type", "app.id");
        var log = Run("--func", "app.log");

        Assert.True(flags.ExitCode == 0 && bytes.ExitCode == 0 && id.ExitCode == 0 && log.ExitCode == 0, $"{flags}\n{bytes}\n{id}\n{log}");
        Assert.Equal("""
            flags demo:abi/types@1.0.0.perms (memory32)
              size       1
              alignment  1
              flat       i32 (1 value)
              flags      3

            """, flags.Output);
        Assert.Equal("""
            type demo:abi/types@1.0.0.bytes = list<u8> (memory32)
              size       8
              alignment  4
              flat       i32 i32 (2 values)
              element    u8 (1 byte each)

            """, bytes.Output);
        Assert.Equal("""
            type demo:abi/app@1.0.0.id = u32 (memory32)
              size       4
              alignment  4
              flat       i32 (1 value)

            """, id.Output);
        Assert.StartsWith("func demo:abi/app@1.0.0.log (memory32)\n  func(msg: string)\n", log.Output);
        Assert.Contains("  - 2 flat parameters: passed as core values\n", log.Output);
    }

    [Fact]
    public void Memory64_doubles_pointers_so_a_string_takes_16_bytes()
    {
        // With 8-byte pointers and lengths the string is 16 bytes aligned to 8: it still starts at 24 (ends 40), the
        // u8 sits at 40, and 41 rounds up to 48. Its two flat values become i64.
        var run = Run("--type", "types.mixed", "--memory64", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("memory64", root.GetProperty("memory").GetString());
        var type = root.GetProperty("type");
        Assert.Equal(48, type.GetProperty("size").GetInt64());
        var name = type.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "name");
        Assert.Equal((24, 16, 8), (name.GetProperty("offset").GetInt64(), name.GetProperty("size").GetInt64(), name.GetProperty("alignment").GetInt32()));
        Assert.Equal(new[] { "i32", "i64", "i32", "f32", "i64", "i64", "i32" }, type.GetProperty("flat").EnumerateArray().Select(e => e.GetString()).ToArray());

        var text = Run("--type", "types.mixed", "--memory64");
        Assert.Contains("  name   string      24    16      8\n", text.Output);
    }

    [Fact]
    public void Json_of_a_type_has_layout_fields_and_cases()
    {
        var mixed = Run("--type", "types.mixed", "--format", "json");
        var shape = Run("--type", "types.shape", "--format", "json");

        Assert.True(mixed.ExitCode == 0 && shape.ExitCode == 0, mixed + "\n" + shape);
        using var mixedJson = JsonDocument.Parse(mixed.Output);
        Assert.Equal(new[] { "path", "memory", "type" }, mixedJson.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        var type = mixedJson.RootElement.GetProperty("type");
        Assert.Equal(new[] { "name", "kind", "size", "alignment", "flatCount", "flat", "fields" }, type.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("demo:abi/types@1.0.0.mixed", type.GetProperty("name").GetString());
        Assert.Equal("record", type.GetProperty("kind").GetString());
        Assert.Equal(new long[] { 0, 8, 16, 20, 24, 32 }, type.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("offset").GetInt64()).ToArray());

        using var shapeJson = JsonDocument.Parse(shape.Output);
        var variant = shapeJson.RootElement.GetProperty("type");
        Assert.Equal(1, variant.GetProperty("discriminantSize").GetInt32());
        Assert.Equal(8, variant.GetProperty("payloadOffset").GetInt64());
        var empty = variant.GetProperty("cases").EnumerateArray().Last();
        Assert.Equal("empty", empty.GetProperty("name").GetString());
        Assert.False(empty.TryGetProperty("payload", out _));
        Assert.Equal(0, empty.GetProperty("payloadSize").GetInt64());
    }

    [Fact]
    public void Json_of_a_function_has_signatures_and_facts_for_both_directions()
    {
        var run = Run("--func", "api.send", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var function = json.RootElement.GetProperty("function");
        Assert.Equal(new[] { "name", "wit", "signatures", "export", "import" }, function.EnumerateObject().Select(p => p.Name).ToArray());
        var signatures = function.GetProperty("signatures");
        Assert.Equal(new[] { "syncLift", "syncLower", "asyncLiftCallback", "asyncLiftStackful", "asyncLower" }, signatures.EnumerateObject().Select(p => p.Name).ToArray());
        var lower = signatures.GetProperty("syncLower");
        Assert.Equal(new[] { "i32", "i32" }, lower.GetProperty("params").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.Equal(0, lower.GetProperty("results").GetArrayLength());
        Assert.True(lower.GetProperty("parametersSpilled").GetBoolean());
        Assert.True(lower.GetProperty("resultsThroughMemory").GetBoolean());

        var export = function.GetProperty("export");
        Assert.Equal(18, export.GetProperty("flatParameterCount").GetInt64());
        Assert.Equal(80, export.GetProperty("parameterBytesThroughMemory").GetInt64());
        Assert.Equal(new[] { "to", "body", "headers" }, export.GetProperty("reallocParameters").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.True(export.GetProperty("reallocForSpilledParameters").GetBoolean());
        Assert.True(export.GetProperty("needsPostReturn").GetBoolean());
        Assert.Equal(16, export.GetProperty("resultBytesThroughMemory").GetInt64());

        var import = function.GetProperty("import");
        Assert.Equal(0, import.GetProperty("reallocParameters").GetArrayLength());
        Assert.True(import.GetProperty("reallocForResults").GetBoolean());
        Assert.False(import.GetProperty("needsPostReturn").GetBoolean());
        Assert.True(import.GetProperty("allocatesPerCall").GetBoolean());
    }

    [Fact]
    public void Json_of_a_world_has_imports_exports_and_summary()
    {
        var run = Run("--world", "app", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var world = json.RootElement.GetProperty("world");
        Assert.Equal("demo:abi/app@1.0.0", world.GetProperty("name").GetString());
        var send = world.GetProperty("imports")[0];
        Assert.Equal(("cm32p2|demo:abi/api@1", "send", "function"), (send.GetProperty("module").GetString(), send.GetProperty("name").GetString(), send.GetProperty("role").GetString()));
        var exports = world.GetProperty("exports").EnumerateArray().ToList();
        Assert.Equal(new[] { "cm32p2||run", "cm32p2||run_post", "cm32p2_realloc", "cm32p2_initialize" }, exports.Select(e => e.GetProperty("name").GetString()).ToArray());
        Assert.Equal(new[] { "function", "post-return", "realloc", "initialize" }, exports.Select(e => e.GetProperty("role").GetString()).ToArray());
        Assert.False(exports[0].TryGetProperty("module", out _));
        var summary = world.GetProperty("summary");
        Assert.Equal(
            (4, 3, 1, 2, 1, 2, 1),
            (summary.GetProperty("functions").GetInt32(), summary.GetProperty("imported").GetInt32(), summary.GetProperty("exported").GetInt32(),
                summary.GetProperty("allocatePerCall").GetInt32(), summary.GetProperty("spillParameters").GetInt32(),
                summary.GetProperty("returnThroughMemory").GetInt32(), summary.GetProperty("needPostReturn").GetInt32()));
    }

    [Fact]
    public void Dependency_items_are_named_with_their_package_and_version()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/app.wit", "package demo:app;\n\nworld w {\n  import demo:dep/things@0.2.1;\n}\n");
        dir.Write("pkg/deps/dep/things.wit", "package demo:dep@0.2.1;\n\ninterface things {\n  record pt { x: s16, y: s64 }\n  dist: func(a: pt, b: pt) -> f64;\n}\n");

        // s16 at 0, s64 at 8: 16 bytes aligned to 8. The version's dots do not end the interface's name.
        var versioned = CliRun.Start(dir.Path, "abi", "pkg", "--type", "demo:dep/things@0.2.1.pt");
        var unversioned = CliRun.Start(dir.Path, "abi", "pkg", "--type", "demo:dep/things.pt");
        var world = CliRun.Start(dir.Path, "abi", "pkg", "--world", "w");

        Assert.True(versioned.ExitCode == 0, versioned.ToString());
        Assert.StartsWith("record demo:dep/things@0.2.1.pt (memory32)\n  size       16\n  alignment  8\n", versioned.Output);
        Assert.Equal(versioned.Output, unversioned.Output);
        // Two pt records flatten to [i32 i64 i32 i64] and the f64 comes back as a core value.
        Assert.Contains("  cm32p2|demo:dep/things@0.2  dist  (func (param i32 i64 i32 i64) (result f64))\n", world.Output);
    }

    [Fact]
    public void Inline_world_interfaces_and_resource_functions_are_found()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", """
            package a:b;

            interface files {
              resource file {
                constructor(path: string);
                size: func() -> u64;
              }
            }

            world w {
              export tools: interface {
                record pair { a: u8, b: u16 }
                swap: func(p: pair) -> pair;
              }
            }

            """);

        var pair = CliRun.Start(dir.Path, "abi", "a.wit", "--type", "w.tools.pair");
        var swap = CliRun.Start(dir.Path, "abi", "a.wit", "--func", "w.tools.swap");
        var size = CliRun.Start(dir.Path, "abi", "a.wit", "--func", "files.file.size");
        var constructor = CliRun.Start(dir.Path, "abi", "a.wit", "--func", "files.file.constructor");

        Assert.True(pair.ExitCode == 0 && swap.ExitCode == 0 && size.ExitCode == 0 && constructor.ExitCode == 0, $"{pair}\n{swap}\n{size}\n{constructor}");
        // u8 at 0, u16 at 2: 4 bytes aligned to 2.
        Assert.StartsWith("record a:b/w.tools.pair (memory32)\n  size       4\n  alignment  2\n", pair.Output);
        // A pair is 2 flat values in and 2 out (more than 1): lifted, the result comes back through a pointer.
        Assert.Contains("  sync lift             (func (param i32 i32) (result i32))\n", swap.Output);
        Assert.StartsWith("func a:b/files.[method]file.size (memory32)\n  func(self: borrow<file>) -> u64\n", size.Output);
        Assert.StartsWith("func a:b/files.[constructor]file (memory32)\n  func(path: string) -> file\n", constructor.Output);
    }

    [Theory]
    [InlineData("--type", "types.nope", "error: interface `demo:abi/types@1.0.0` has no type `nope` (available: mixed, shape, perms, bytes)\n")]
    [InlineData("--type", "nope.mixed", "error: no interface or world `nope` in package `demo:abi@1.0.0` (available: types, api, app)\n")]
    [InlineData("--type", "mixed", "error: expected IFACE.TYPE or WORLD.TYPE, found `mixed`\n")]
    [InlineData("--type", "app.nope", "error: world `demo:abi/app@1.0.0` has no type `nope` (available: id)\n")]
    [InlineData("--func", "api.nope", "error: interface `demo:abi/api@1.0.0` has no function `nope` (available: send, area)\n")]
    [InlineData("--func", "other:pkg/api.send", "error: no package `other:pkg` is loaded (loaded: demo:abi@1.0.0)\n")]
    [InlineData("--world", "nope", "error: no interface or world `nope` in package `demo:abi@1.0.0` (available: types, api, app)\n")]
    [InlineData("--world", "api", "error: `api` is an interface, not a world\n")]
    public void Unknown_names_are_usage_errors(string option, string name, string expected)
    {
        var run = Run(option, name);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal(expected, run.Error);
    }

    [Fact]
    public void Exactly_one_target_option_is_required()
    {
        var none = Run();
        var two = Run("--type", "types.mixed", "--world", "app");

        Assert.True(none.ExitCode == 2 && two.ExitCode == 2, none + "\n" + two);
        Assert.StartsWith("error: give exactly one of --type, --func or --world\n", none.Error);
        Assert.StartsWith("error: give exactly one of --type, --func or --world\n", two.Error);
    }

    [Fact]
    public void Resolution_errors_are_printed_and_exit_1()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", "package a:b;\n\ninterface i {\n  f: func(x: nope);\n}\n");

        var run = CliRun.Start(dir.Path, "abi", "a.wit", "--func", "i.f");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.StartsWith("error[WIT1001]: name `nope` does not exist\n     --> a.wit:4:14\n", run.Error);
        Assert.EndsWith("checked 1 file: 1 error\n", run.Error);
    }

    [Fact]
    public void Types_the_component_model_cannot_represent_are_resolution_errors()
    {
        // Flags are limited to 32 members and `list<u8, 0>` has no elements: upstream rejects both, so the resolver
        // reports them (WIT1016) and `wit abi` stops there with exit 1, before any layout is asked for.
        using var dir = new TempDirectory();
        string flags = string.Join(", ", Enumerable.Range(0, 33).Select(i => $"g{i}"));
        dir.Write("a.wit", $"package a:b;\n\ninterface i {{\n  flags big {{ {flags} }}\n  type zero = list<u8, 0>;\n  f: func(x: big);\n}}\n");

        var big = CliRun.Start(dir.Path, "abi", "a.wit", "--type", "i.big");
        var f = CliRun.Start(dir.Path, "abi", "a.wit", "--func", "i.f");

        Assert.True(big.ExitCode == 1 && f.ExitCode == 1, $"{big}\n{f}");
        Assert.Contains("error[WIT1016]: cannot have more than 32 flags", big.Output + big.Error);
        Assert.Contains("error[WIT1016]: fixed-length lists must have more than zero elements", big.Output + big.Error);
        Assert.Contains("error[WIT1016]", f.Output + f.Error);
    }

    [Fact]
    public void Missing_path_is_a_usage_error()
    {
        using var dir = new TempDirectory();

        var run = CliRun.Start(dir.Path, "abi", "missing.wit", "--world", "w");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("error: no such file or directory: 'missing.wit'\n", run.Error);
    }

    private static CliRun Run(params string[] options)
    {
        using var dir = new TempDirectory();
        dir.Write("abi.wit", Package);
        return CliRun.Start(dir.Path, new[] { "abi", "abi.wit" }.Concat(options).ToArray());
    }

    [Fact]
    public void A_name_not_found_among_many_shows_the_closest_few_not_every_candidate()
    {
        using var dir = new TempDirectory();
        var text = new System.Text.StringBuilder("package a:b;\ninterface big {\n");
        for (int i = 0; i < 400; i++) text.Append($"  record item-number-{i} {{ x: u32 }}\n");
        text.Append("  record widget { x: u32 }\n  record gadget { x: u32 }\n}\n");
        dir.Write("a.wit", text.ToString());

        var run = CliRun.Start(dir.Path, "abi", "a.wit", "--type", "big.widgets");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("error: interface `a:b/big` has no type `widgets` (closest: widget, gadget, item-number-0, item-number-1, item-number-2; 402 in all)\n", run.Error);
    }
}
