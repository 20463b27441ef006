namespace Wit.Core.Tests.Formatting;

/// <summary>
/// One wit-print case: its name (a directory's ends with <c>/</c>), whether its input has comments, the outcome, the
/// first differing line, and whether the two texts have the same non-blank lines in a different order.
/// </summary>
public sealed record WitPrintCase(string Name, bool HasComments, WitPrintOutcome Outcome, string? Difference, bool SameLinesReordered);
