namespace Wit.Core.Tests.Formatting;

/// <summary>How our formatting of a wit-print case compares with the printed text.</summary>
public enum WitPrintOutcome
{
    Equal,
    EqualAfterArtefacts,
    Differs,
}
