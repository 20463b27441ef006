using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Wit.Cli.Abi;

/// <summary>
/// Renders an <see cref="AbiReport"/> as text for a terminal: the type, function or world part by its own renderer,
/// with the pieces they share (core function types in WebAssembly text, aligned label-value blocks) here.
/// </summary>
public static class AbiTextRenderer
{
    /// <summary>The report as text, every line ending with '\n'.</summary>
    public static string Render(AbiReport report)
    {
        var builder = new StringBuilder();
        if (report.Type is { } type) AbiTypeTextRenderer.Render(type, report.Memory, builder);
        else if (report.Function is { } function) AbiFunctionTextRenderer.Render(function, report.Memory, builder);
        else if (report.World is { } world) AbiWorldTextRenderer.Render(world, report.Memory, builder);
        return builder.ToString();
    }

    /// <summary>A core function type as WebAssembly text: <c>(func (param i32 i32) (result i32))</c>, <c>(func)</c>.</summary>
    public static string CoreType(IReadOnlyCollection<string> parameters, IReadOnlyCollection<string> results)
    {
        var builder = new StringBuilder("(func");
        if (parameters.Count > 0) builder.Append(" (param ").Append(string.Join(" ", parameters)).Append(')');
        if (results.Count > 0) builder.Append(" (result ").Append(string.Join(" ", results)).Append(')');
        return builder.Append(')').ToString();
    }

    /// <summary>Appends <c>label  value</c> lines with the values aligned.</summary>
    public static void AppendLabels(StringBuilder builder, string indent, IReadOnlyList<(string Label, string Value)> lines)
    {
        int width = lines.Max(l => l.Label.Length);
        foreach (var (label, value) in lines) builder.Append(indent).Append(label.PadRight(width)).Append("  ").Append(value).Append('\n');
    }

    /// <summary>A number with its noun: <c>1 byte</c>, <c>16 bytes</c>.</summary>
    public static string Count(long count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
