using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit.Sdk;

namespace Wit.Conformance.Tests.TestKit;

/// <summary>
/// A checked-in list of the cases on which we knowingly disagree with upstream, one per line:
/// <c>kind case: reason</c> (<c>#</c> starts a comment). A conformance check then asserts exactly: every case not
/// listed agrees, and every listed case still disagrees, so that a fix is noticed and the list only shrinks.
/// </summary>
public sealed class KnownDisagreements
{
    private readonly Dictionary<string, Dictionary<string, string>> _byKind;
    private readonly string _display;

    private KnownDisagreements(Dictionary<string, Dictionary<string, string>> byKind, string display)
    {
        _byKind = byKind;
        _display = display;
    }

    public static KnownDisagreements Read(string path)
    {
        var byKind = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (string raw in File.ReadAllLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int space = line.IndexOf(' ');
            int colon = line.IndexOf(':', Math.Max(space, 0));
            if (space < 0 || colon < 0 || line.Substring(colon + 1).Trim().Length == 0)
            {
                throw new XunitException($"{path}: expected `kind case: reason`, found `{line}`");
            }

            string kind = line.Substring(0, space);
            string name = line.Substring(space + 1, colon - space - 1).Trim();
            if (!byKind.TryGetValue(kind, out var cases)) byKind[kind] = cases = new Dictionary<string, string>(StringComparer.Ordinal);
            cases[name] = line.Substring(colon + 1).Trim();
        }

        return new KnownDisagreements(byKind, Path.GetFileName(path));
    }

    /// <summary>
    /// Asserts that <paramref name="disagreements"/> (each <c>case</c> or <c>case: details</c>) are exactly the cases
    /// listed under <paramref name="kind"/>.
    /// </summary>
    public void AssertExact(string kind, IEnumerable<string> disagreements)
    {
        var listed = _byKind.TryGetValue(kind, out var cases) ? cases : new Dictionary<string, string>();
        var actual = disagreements.ToList();
        var names = actual.Select(CaseName).ToHashSet(StringComparer.Ordinal);
        var unexpected = actual.Where(d => !listed.ContainsKey(CaseName(d))).ToList();
        var fixedCases = listed.Keys.Where(name => !names.Contains(name)).ToList();
        if (unexpected.Count == 0 && fixedCases.Count == 0) return;
        var message = new List<string>();
        if (unexpected.Count > 0) message.Add($"{unexpected.Count} {kind} disagreement(s) not listed in {_display}:\n  " + string.Join("\n  ", unexpected));
        if (fixedCases.Count > 0) message.Add($"listed in {_display} under `{kind}` but agreeing now (remove them): " + string.Join(", ", fixedCases));
        throw new XunitException(string.Join("\n", message));
    }

    private static string CaseName(string disagreement)
    {
        int colon = disagreement.IndexOf(':');
        return (colon < 0 ? disagreement : disagreement.Substring(0, colon)).Trim();
    }
}
