namespace Wit.Core.Tests.Formatting;

/// <summary>How our formatting of a wit-print case compares with the printed text.</summary>
public enum WitPrintOutcome
{
    Equal,
    EqualAfterArtefacts,

    /// <summary>
    /// The same lines in the same order, blank lines apart: the input separates some members, on lines of their own,
    /// differently from the printer, and the formatter keeps the author's choice there.
    /// </summary>
    EqualButTheAuthorsBlankLines,
    Differs,
}
