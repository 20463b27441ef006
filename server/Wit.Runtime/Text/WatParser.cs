using System.Collections.Generic;
using System.Text;

namespace Wit.Runtime.Text;

/// <summary>
/// The WebAssembly text format (WebAssembly 2.0 without SIMD, plus multi-memory indices): a module in the text format
/// becomes the binary that <see cref="Binary.ModuleDecoder"/> reads. Malformed text raises a
/// <see cref="WatSyntaxException"/> with its line and column; nothing else leaves the parser. Whether the module is
/// valid is the validator's question, not the parser's.
/// </summary>
public static class WatParser
{
    /// <summary>Parses a module: <c>(module ...)</c>, or its fields without the wrapper (as a <c>.wat</c> file may be).</summary>
    public static byte[] ParseModule(string text) => ParseModule(Encoding.UTF8.GetBytes(text));

    /// <inheritdoc cref="ParseModule(string)"/>
    public static byte[] ParseModule(byte[] utf8) => Parse(utf8, allowQuote: true);

    private static byte[] Parse(byte[] utf8, bool allowQuote)
    {
        var cx = new WatContext(utf8);
        var nodes = SExprReader.Read(utf8);
        if (nodes.Count == 1 && nodes[0].Head == "module")
        {
            var items = nodes[0].Items;
            int i = 1;
            WatModuleBuilder.OptionalId(items, ref i);
            if (i < items.Count && items[i].IsAtom && items[i].Text is "binary" or "quote")
            {
                bool quote = items[i].Text == "quote";
                if (quote && !allowQuote)
                {
                    throw cx.Error(items[i], "unexpected token");
                }
                var bytes = new List<byte>();
                for (i++; i < items.Count; i++)
                {
                    bytes.AddRange(cx.String(items[i]));
                }
                return quote ? Parse(bytes.ToArray(), allowQuote: false) : bytes.ToArray();
            }
            return new WatModuleBuilder(cx).Build(items.GetRange(i, items.Count - i));
        }
        return new WatModuleBuilder(cx).Build(nodes);
    }
}
