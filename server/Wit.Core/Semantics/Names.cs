namespace Wit.Core.Semantics;

/// <summary>Name helpers shared by the resolver and the IDE features.</summary>
public static class Names
{
    /// <summary>The name a possibly <c>%</c>-escaped identifier stands for.</summary>
    public static string Unescape(string identifier) =>
        identifier.Length > 0 && identifier[0] == '%' ? identifier.Substring(1) : identifier;
}
