namespace Wit.Conformance.Tests.Rules;

/// <summary>What wit-oracle answered for a rule fixture: accepted, rejected with a message, or not recorded.</summary>
public sealed class UpstreamVerdict
{
    private UpstreamVerdict(bool isMissing, string? message)
    {
        IsMissing = isMissing;
        Message = message;
    }

    public static UpstreamVerdict Missing { get; } = new(true, null);

    public static UpstreamVerdict Accepted { get; } = new(false, null);

    /// <summary>True when the case has no (readable) <c>.upstream</c> record.</summary>
    public bool IsMissing { get; }

    /// <summary>The first line of upstream's error without its context prefixes; null when upstream accepts.</summary>
    public string? Message { get; }

    public static UpstreamVerdict Rejected(string message) => new(false, message);
}
