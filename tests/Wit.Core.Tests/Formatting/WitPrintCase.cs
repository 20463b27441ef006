namespace Wit.Core.Tests.Formatting;

/// <summary>
/// One wit-print case: its name (a directory's ends with <c>/</c>), whether its input has comments, the outcome, the
/// first differing line, whether the two texts have the same non-blank lines in a different order, and whether the
/// difference is only what the printer does to a resolved package that the formatter does not (see
/// <see cref="WitPrintConformanceReport.ExplainedByThePrinter"/>).
/// </summary>
public sealed record WitPrintCase(string Name, bool HasComments, WitPrintOutcome Outcome, string? Difference, bool SameLinesReordered, bool ExplainedByThePrinter = false);
