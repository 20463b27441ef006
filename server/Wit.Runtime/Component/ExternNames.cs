using System;
using System.Text.RegularExpressions;

namespace Wit.Runtime.Component;

/// <summary>The kind of an import or export name (Explainer, "Import and Export Definitions").</summary>
public enum ExternNameKind
{
    Label,
    Constructor,
    Method,
    Static,
    Interface,
}

/// <summary>
/// Component import and export names: the <c>externname</c> grammar (plain names with their <c>[constructor]</c>,
/// <c>[method]</c> and <c>[static]</c> annotations, and interface names <c>ns:pkg/iface@version</c>) and the canonical
/// form that strong uniqueness compares.
/// </summary>
public static partial class ExternNames
{
    [GeneratedRegex(@"^(?:[a-z][0-9a-z]*|[A-Z][0-9A-Z]*)(?:-(?:[0-9a-z]+|[0-9A-Z]+))*$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^[a-z][0-9a-z]*(?:-[0-9a-z]+)*$")]
    private static partial Regex WordsPattern();

    // semver.org's recommended expression.
    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$")]
    private static partial Regex SemverPattern();

    [GeneratedRegex(@"^(?:[1-9][0-9]*|0\.[1-9][0-9]*|0\.0\.[1-9][0-9]*|0\.0\.0)$")]
    private static partial Regex CanonVersionPattern();

    [GeneratedRegex(@"^[0-9A-Za-z.+-]*$")]
    private static partial Regex SuffixPattern();

    public static bool IsLabel(string s) => LabelPattern().IsMatch(s);

    public static bool IsSemver(string s) => SemverPattern().IsMatch(s);

    /// <summary>Classifies <paramref name="name"/>, or returns an error message when it is not an <c>externname</c>.</summary>
    public static string? Check(string name, out ExternNameKind kind, out string? resource)
    {
        resource = null;
        kind = ExternNameKind.Label;
        if (name.StartsWith("[constructor]", StringComparison.Ordinal))
        {
            kind = ExternNameKind.Constructor;
            resource = name["[constructor]".Length..];
            return IsLabel(resource) ? null : $"`{resource}` is not in kebab case";
        }
        foreach (var (prefix, k) in new[] { ("[method]", ExternNameKind.Method), ("[static]", ExternNameKind.Static) })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                kind = k;
                string rest = name[prefix.Length..];
                int dot = rest.IndexOf('.');
                if (dot < 0)
                {
                    return $"failed to find `.` character in `{rest}`";
                }
                resource = rest[..dot];
                string method = rest[(dot + 1)..];
                return IsLabel(resource) && IsLabel(method) ? null : $"`{rest}` is not in kebab case";
            }
        }
        if (name.StartsWith('['))
        {
            return $"unknown annotation in name `{name}`";
        }
        if (name.Contains(':') || name.Contains('/'))
        {
            kind = ExternNameKind.Interface;
            return CheckInterface(name);
        }
        return IsLabel(name) ? null : $"`{name}` is not in kebab case";
    }

    /// <summary>Checks an interface name <c>ns:pkg/iface[@version]</c>; null when it is one.</summary>
    public static string? CheckInterface(string name)
    {
        string body = name;
        int at = name.IndexOf('@');
        if (at >= 0)
        {
            string version = name[(at + 1)..];
            body = name[..at];
            if (!IsSemver(version) && !CanonVersionPattern().IsMatch(version))
            {
                return $"`{version}` is not a valid semver";
            }
        }
        int colon = body.IndexOf(':');
        int slash = body.IndexOf('/');
        if (colon <= 0 || slash < colon)
        {
            return $"`{name}` is not a valid interface name: expected `namespace:package/interface`";
        }
        string ns = body[..colon], pkg = body[(colon + 1)..slash], iface = body[(slash + 1)..];
        if (!WordsPattern().IsMatch(ns) || !WordsPattern().IsMatch(pkg))
        {
            return $"`{name}` is not a valid interface name: `{ns}:{pkg}` is not in kebab case";
        }
        if (!IsLabel(iface))
        {
            return $"`{iface}` is not in kebab case";
        }
        return null;
    }

    /// <summary>Whether a <c>versionsuffix</c> attribute is well formed and completes the name's canonical version to a valid semver.</summary>
    public static string? CheckVersionSuffix(string name, string suffix)
    {
        if (!SuffixPattern().IsMatch(suffix))
        {
            return $"`{suffix}` is not a valid version suffix";
        }
        int at = name.IndexOf('@');
        if (at < 0 || !CanonVersionPattern().IsMatch(name[(at + 1)..]))
        {
            return $"a version suffix needs a canonical version in `{name}`";
        }
        return IsSemver(name[(at + 1)..] + suffix) ? null : $"`{name[(at + 1)..]}{suffix}` is not a valid semver";
    }

    /// <summary>The canonical form that strong uniqueness compares (Explainer, "Name Uniqueness").</summary>
    public static string Canonical(string name)
    {
        string s = name.ToLowerInvariant();
        foreach (var prefix in new[] { "[method]", "[static]" })
        {
            if (s.StartsWith(prefix, StringComparison.Ordinal))
            {
                s = s[prefix.Length..];
                int dot = s.IndexOf('.');
                if (dot >= 0 && s[..dot] == s[(dot + 1)..])
                {
                    return s[..dot];
                }
                return s;
            }
        }
        return s;
    }
}
