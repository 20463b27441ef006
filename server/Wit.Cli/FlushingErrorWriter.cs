using System;
using System.IO;
using System.Text;

namespace Wit.Cli;

/// <summary>
/// Standard error for a buffered standard output: every write first flushes what standard output holds, so the two
/// streams keep their order on a terminal (diagnostics, then the summary) while standard output reaches the system in
/// large writes rather than one per diagnostic line.
/// </summary>
public sealed class FlushingErrorWriter : TextWriter
{
    private readonly TextWriter _error;
    private readonly TextWriter _output;

    /// <param name="error">Where the text goes (the console's standard error).</param>
    /// <param name="output">The buffered standard output flushed before each write.</param>
    public FlushingErrorWriter(TextWriter error, TextWriter output)
    {
        _error = error;
        _output = output;
    }

    public override Encoding Encoding => _error.Encoding;

    public override IFormatProvider FormatProvider => _error.FormatProvider;

    public override string NewLine
    {
        get => _error.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter takes a string?; the writer's own rules apply.
        set => _error.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value)
    {
        _output.Flush();
        _error.Write(value);
    }

    public override void Write(string? value)
    {
        _output.Flush();
        _error.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        _output.Flush();
        _error.Write(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        _output.Flush();
        _error.Write(buffer);
    }

    public override void WriteLine(string? value)
    {
        _output.Flush();
        _error.WriteLine(value);
    }

    public override void Flush()
    {
        _output.Flush();
        _error.Flush();
    }
}
