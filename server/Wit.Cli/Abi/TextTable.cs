using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Wit.Cli.Abi;

/// <summary>
/// A plain-text table for the terminal: a header row and rows of cells, columns separated by two spaces, numeric
/// columns aligned to the right, no trailing spaces.
/// </summary>
public sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = new();

    /// <summary>Creates a table; a header starting with '>' marks a right-aligned column (the '>' is not printed).</summary>
    public TextTable(params string[] headers)
    {
        _rightAligned = headers.Select(h => h.StartsWith('>')).ToArray();
        _headers = headers.Select(h => h.TrimStart('>')).ToArray();
    }

    /// <summary>Adds a row with one cell per column.</summary>
    public void Add(params string[] cells)
    {
        if (cells.Length != _headers.Length) throw new ArgumentException("one cell per column is needed", nameof(cells));
        _rows.Add(cells);
    }

    /// <summary>Appends the table, each line starting with <paramref name="indent"/> and ending with '\n'.</summary>
    public void WriteTo(StringBuilder builder, string indent)
    {
        int[] widths = _headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        WriteRow(builder, indent, _headers, widths);
        foreach (var row in _rows) WriteRow(builder, indent, row, widths);
    }

    private void WriteRow(StringBuilder builder, string indent, string[] cells, int[] widths)
    {
        var line = new StringBuilder(indent);
        for (int i = 0; i < cells.Length; i++)
        {
            if (i > 0) line.Append("  ");
            line.Append(_rightAligned[i] ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
        }

        builder.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
