using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Wit.Analyzers.Generation;

/// <summary>
/// A diagnostic of the generator kept as plain values (a <see cref="Diagnostic"/> holds a <see cref="Location"/>, which
/// the incremental pipeline cannot compare), made into one when reported. <see cref="Arguments"/> are the message
/// arguments of the descriptor <see cref="Id"/>; a null <see cref="Path"/> reports without a location.
/// </summary>
internal sealed record GeneratorProblem(string Id, EquatableArray<string> Arguments, string? Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static GeneratorProblem At(string id, string? path, Wit.Core.Text.SourceText? text, int start, int length, params string[] arguments)
    {
        if (path is null || text is null) return new(id, new EquatableArray<string>(arguments), path, 0, 0, 0, 0, 0, 0);
        int end = System.Math.Min(text.Length, start + length);
        start = System.Math.Min(start, end);
        var first = text.Lines.GetLinePosition(start);
        var last = text.Lines.GetLinePosition(end);
        return new(id, new EquatableArray<string>(arguments), path, start, end - start, first.Line, first.Character, last.Line, last.Character);
    }

    public Location Location => Path is null
        ? Location.None
        : Location.Create(Path, new TextSpan(Start, Length), new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));

    public Diagnostic ToDiagnostic()
    {
        var descriptor = Id switch
        {
            "WITH0001" => HostDiagnostics.With0001,
            "WITH0002" => HostDiagnostics.With0002,
            "WITH0003" => HostDiagnostics.With0003,
            "WITH0004" => HostDiagnostics.With0004,
            "WITH0005" => HostDiagnostics.With0005,
            "WITH0006" => HostDiagnostics.With0006,
            _ => throw new System.InvalidOperationException($"{Id} is not a code of the generator"),
        };
        return Diagnostic.Create(descriptor, Location, Arguments.ToArray());
    }
}
