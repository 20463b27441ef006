using System.Text.RegularExpressions;

namespace Wit.Repo.Tests;

/// <summary>A rule on source code: under <see cref="Folder"/> (but not <see cref="Except"/>), code must not match <see cref="Pattern"/>.</summary>
public sealed class SourceRule
{
    public SourceRule(string folder, string? except, string pattern, string reason)
    {
        Folder = folder;
        Except = except;
        Pattern = new Regex(pattern, RegexOptions.CultureInvariant);
        Reason = reason;
    }

    public string Folder { get; }

    public string? Except { get; }

    public Regex Pattern { get; }

    public string Reason { get; }

    public override string ToString() => $"{Folder}: {Reason}";
}
