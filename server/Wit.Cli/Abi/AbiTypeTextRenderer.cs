using System.Collections.Generic;
using System.Text;

namespace Wit.Cli.Abi;

/// <summary>
/// Renders a type's layout: a header (<c>record ns:pkg/iface.name (memory32)</c>), size, alignment and flat types,
/// then what the kind has: a field table with offsets, the discriminant and a case table, the flag count, the element.
/// </summary>
public static class AbiTypeTextRenderer
{
    public static void Render(AbiTypeReport type, string memory, StringBuilder builder)
    {
        builder.Append(type.Kind).Append(' ').Append(type.Name);
        if (type.AliasOf is { } aliased) builder.Append(" = ").Append(aliased);
        builder.Append(" (").Append(memory).Append(")\n");

        var lines = new List<(string, string)>
        {
            ("size", AbiTextRenderer.Number(type.Size)),
            ("alignment", AbiTextRenderer.Number(type.Alignment)),
            ("flat", type.Flat is { } flat
                ? $"{string.Join(" ", flat)} ({AbiTextRenderer.Count(type.FlatCount, "value")})"
                : $"{AbiTextRenderer.Count(type.FlatCount, "value")}, too many to list"),
        };
        if (type.DiscriminantSize is { } discriminant) lines.Add(("discriminant", AbiTextRenderer.Count(discriminant, "byte")));
        if (type.PayloadOffset is { } payloadOffset) lines.Add(("payload offset", AbiTextRenderer.Number(payloadOffset)));
        if (type.FlagCount is { } flags) lines.Add(("flags", AbiTextRenderer.Number(flags)));
        if (type.Element is { } element)
        {
            lines.Add(("element", type.ElementSize is { } elementSize ? $"{element} ({AbiTextRenderer.Count(elementSize, "byte")} each)" : element));
        }

        if (type.Length is { } length) lines.Add(("length", AbiTextRenderer.Number(length)));
        AbiTextRenderer.AppendLabels(builder, "  ", lines);

        if (type.Fields is { Count: > 0 } fields)
        {
            var table = new TextTable("field", "type", ">offset", ">size", ">align");
            foreach (var field in fields)
            {
                table.Add(field.Name, field.Type, AbiTextRenderer.Number(field.Offset), AbiTextRenderer.Number(field.Size), AbiTextRenderer.Number(field.Alignment));
            }

            builder.Append('\n');
            table.WriteTo(builder, "  ");
        }

        if (type.Cases is { Count: > 0 } cases)
        {
            var table = new TextTable("case", "payload", ">size");
            foreach (var @case in cases) table.Add(@case.Name, @case.Payload ?? "-", AbiTextRenderer.Number(@case.PayloadSize));
            builder.Append('\n');
            table.WriteTo(builder, "  ");
        }
    }
}
