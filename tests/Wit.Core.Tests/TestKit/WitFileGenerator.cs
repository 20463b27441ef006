using System.Globalization;
using System.Text;

namespace Wit.Core.Tests.TestKit;

/// <summary>
/// Generates large, valid, realistic WIT: a package header, then interfaces with doc comments, records, variants,
/// enums, flags, resources and functions, and a world at the end. Deterministic, so benchmarks compare like with like.
/// Shared with the benchmark project as a linked source file.
/// </summary>
public static class WitFileGenerator
{
    /// <summary>A file of at least <paramref name="minimumLines"/> lines (whole interface blocks, plus header and world).</summary>
    public static string Generate(int minimumLines)
    {
        var builder = new StringBuilder(minimumLines * 36);
        builder.Append("// Generated for parser tests and benchmarks.\n");
        builder.Append("package bench:generated@1.2.3;\n\n");
        int lines = 3;
        int count = 0;
        var block = new StringBuilder();
        while (lines + 6 < minimumLines)
        {
            block.Clear();
            AppendInterface(block, count);
            string text = block.ToString();
            foreach (char c in text)
            {
                if (c == '\n') lines++;
            }

            builder.Append(text);
            count++;
        }

        builder.Append("/// The world that uses the interfaces.\n");
        builder.Append("world bench-world {\n");
        builder.Append("  import iface0;\n");
        builder.Append("  export run: func(args: list<string>) -> result<_, string>;\n");
        builder.Append("  include other-world;\n");
        builder.Append("}\n");
        return builder.ToString();
    }

    /// <summary>
    /// One interface of at least <paramref name="minimumLines"/> lines holding records and functions, four lines per
    /// pair (a 100,000-line file is about 3.6 MB with 25,000 of each): the shape of the large-input throughput goals.
    /// </summary>
    public static string GenerateOneInterface(int minimumLines)
    {
        var builder = new StringBuilder(minimumLines * 38);
        builder.Append("package bench:large@1.0.0;\n\n/// Many records and functions in one interface.\ninterface large {\n");
        int lines = 4;
        for (int n = 0; lines + 1 < minimumLines; n++)
        {
            string i = n.ToString(CultureInfo.InvariantCulture);
            builder.Append("  /// Record ").Append(i).Append(".\n");
            builder.Append("  record rec").Append(i).Append(" { id: u64, name: string, tags: list<string> }\n");
            builder.Append("  get").Append(i).Append(": func(key: string, r: rec").Append(i).Append(") -> result<rec").Append(i).Append(", string>;\n");
            builder.Append('\n');
            lines += 4;
        }

        return builder.Append("}\n").ToString();
    }

    private static void AppendInterface(StringBuilder b, int n)
    {
        string i = n.ToString(CultureInfo.InvariantCulture);
        b.Append("/// Interface number ").Append(i).Append(".\n");
        b.Append("@since(version = 1.2.0)\n");
        b.Append("interface iface").Append(i).Append(" {\n");
        b.Append("  use wasi:io/streams@0.2.0.{input-stream, output-stream as out};\n\n");
        b.Append("  /// A record with a few fields.\n");
        b.Append("  record rec").Append(i).Append(" {\n");
        b.Append("    field-a: u32,\n");
        b.Append("    field-b: string,\n");
        b.Append("    field-c: list<option<u64>>,\n");
        b.Append("    field-d: tuple<u8, s16, f64>,\n");
        b.Append("  }\n\n");
        b.Append("  variant outcome").Append(i).Append(" {\n");
        b.Append("    none,\n");
        b.Append("    some(rec").Append(i).Append("),\n");
        b.Append("    failed(string),\n");
        b.Append("  }\n\n");
        b.Append("  enum color").Append(i).Append(" { red, green, blue }\n");
        b.Append("  flags perms").Append(i).Append(" { read, write, exec }\n");
        b.Append("  type alias").Append(i).Append(" = result<list<rec").Append(i).Append(">, outcome").Append(i).Append(">;\n\n");
        b.Append("  /* A resource with a constructor,\n");
        b.Append("     methods and a static function. */\n");
        b.Append("  resource res").Append(i).Append(" {\n");
        b.Append("    constructor(name: string);\n");
        b.Append("    get: func() -> result<rec").Append(i).Append(", string>;\n");
        b.Append("    set: func(value: borrow<res").Append(i).Append(">, color: color").Append(i).Append(");\n");
        b.Append("    make: static func(x: u32) -> res").Append(i).Append(";\n");
        b.Append("  }\n\n");
        b.Append("  /// Does a thing.\n");
        b.Append("  do-thing: func(a: rec").Append(i).Append(", b: borrow<res").Append(i).Append(">, c: perms").Append(i).Append(") -> alias").Append(i).Append(";\n");
        b.Append("  read-all: func(s: borrow<input-stream>) -> result<list<u8>>;\n");
        b.Append("  run-async: async func(count: u64) -> future<option<string>>;\n");
        b.Append("  // A plain comment.\n");
        b.Append("  stream-out: func() -> stream<u8>;\n");
        b.Append("  handle: func(h: own<res").Append(i).Append(">) -> option<char>;\n");
        b.Append("  pair: func(a: s32, b: s64) -> tuple<bool, f32>;\n");
        b.Append("  noop: func();\n");
        b.Append("}\n\n");
    }
}
