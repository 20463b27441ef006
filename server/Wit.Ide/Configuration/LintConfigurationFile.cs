using System;
using System.Collections.Generic;
using System.Threading;
using Wit.Core.Diagnostics;
using Wit.Core.Lint;

namespace Wit.Ide.Configuration;

/// <summary>
/// A <c>.witlint.json</c> as read: the profile it names (if any), its per-rule levels, or the problem that made it
/// unusable (<see cref="LintConfigurationDiagnostics.Wit2100"/>, placed in the file's text). An unusable file
/// configures nothing.
/// </summary>
public sealed class LintConfigurationFile
{
    /// <summary>The last <see cref="Apply"/>: one object, so a reader on another thread sees both halves or neither.</summary>
    private Applied? _applied;

    internal LintConfigurationFile(string? path, string text, LintProfile? profile, IReadOnlyDictionary<string, DiagnosticSeverity?> rules, Diagnostic? problem)
    {
        Path = path;
        Text = text;
        Profile = profile;
        Rules = rules;
        Problem = problem;
    }

    /// <summary>Where the file is (null for a text parsed without one).</summary>
    public string? Path { get; }

    /// <summary>The text read.</summary>
    public string Text { get; }

    /// <summary>The profile the file names, or null when it names none.</summary>
    public LintProfile? Profile { get; }

    /// <summary>The levels the file gives rules, by code (null: off).</summary>
    public IReadOnlyDictionary<string, DiagnosticSeverity?> Rules { get; }

    /// <summary>Why the file is unusable, or null when it is usable.</summary>
    public Diagnostic? Problem { get; }

    /// <summary>
    /// The options of this file laid over <paramref name="under"/> (the editor's settings, or the defaults): the
    /// file's profile replaces the one below when it names one, and each rule the file mentions takes the file's
    /// level; every other rule keeps the level below. An unusable file leaves <paramref name="under"/> as it is.
    /// The same <paramref name="under"/> twice in a row gives the same object back.
    /// </summary>
    public LintOptions Apply(LintOptions under)
    {
        if (under is null) throw new ArgumentNullException(nameof(under));
        if (Problem is not null || (Profile is null && Rules.Count == 0)) return under;
        if (Volatile.Read(ref _applied) is { } last && ReferenceEquals(last.Under, under)) return last.Result;
        var severities = new Dictionary<string, DiagnosticSeverity?>(StringComparer.Ordinal);
        foreach (var rule in under.Severities) severities[rule.Key] = rule.Value;
        foreach (var rule in Rules) severities[rule.Key] = rule.Value;
        var applied = new LintOptions(severities, Profile ?? under.Profile);
        Volatile.Write(ref _applied, new Applied(under, applied));
        return applied;
    }

    private sealed record Applied(LintOptions Under, LintOptions Result);
}
