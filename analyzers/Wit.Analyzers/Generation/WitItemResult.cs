namespace Wit.Analyzers.Generation;

/// <summary>What one <c>&lt;Wit&gt;</c> item produced: generated files and problems to report, compared by value.</summary>
internal sealed record WitItemResult(EquatableArray<GeneratedSource> Sources, EquatableArray<GeneratorProblem> Problems);
