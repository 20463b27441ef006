using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Wit.Benchmarks;

/// <summary>Collects rows and prints them as a Markdown table with aligned columns.</summary>
internal sealed class MarkdownTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = new();

    public MarkdownTable(params string[] headers) => _headers = headers;

    public void Add(params string[] cells)
    {
        if (cells.Length != _headers.Length) throw new ArgumentException("cell count differs from header count", nameof(cells));
        _rows.Add(cells);
    }

    public override string ToString()
    {
        int[] widths = _headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        var b = new StringBuilder();
        AppendRow(b, _headers, widths);
        b.Append('|');
        foreach (int width in widths) b.Append(new string('-', width + 2)).Append('|');
        b.AppendLine();
        foreach (var row in _rows) AppendRow(b, row, widths);
        return b.ToString();
    }

    private static void AppendRow(StringBuilder b, string[] cells, int[] widths)
    {
        b.Append('|');
        for (int i = 0; i < cells.Length; i++) b.Append(' ').Append(cells[i].PadRight(widths[i])).Append(" |");
        b.AppendLine();
    }
}
