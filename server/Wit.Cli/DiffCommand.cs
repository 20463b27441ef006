using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Wit.Core.Diff;
using Wit.Core.Semantics;

namespace Wit.Cli;

/// <summary>
/// <c>wit diff &lt;old-path&gt; &lt;new-path&gt; [--features a,b] [--all-features] [--format text|json]</c>: resolves
/// both paths as <c>wit check</c> does, compares their root packages and prints every API change as breaking,
/// compatible or a warning, then whether the version bump covers the breaking ones. Exit codes: 0 when the bump is
/// sufficient (or nothing breaks), 1 when a breaking change comes with too small a bump or a side has resolution
/// errors, 2 for usage and I/O errors.
/// </summary>
public sealed class DiffCommand : CommandHandler
{
    /// <summary>Creates the command's handler, writing to the given writers.</summary>
    public DiffCommand(TextWriter output, TextWriter error, string workingDirectory)
        : base(output, error, workingDirectory)
    {
    }

    /// <summary>The command-line definition, bound to an instance writing to the given writers.</summary>
    public static Command Create(TextWriter output, TextWriter error, string workingDirectory)
    {
        var oldPath = new Argument<string>("old-path") { Description = "The old version: a .wit file or a package directory" };
        var newPath = new Argument<string>("new-path") { Description = "The new version: a .wit file or a package directory" };
        var format = CommandArguments.Format("How to print changes: text or json", "text", "json");
        var command = new Command("diff", "Compare two versions of a WIT package and classify each change under semver") { oldPath, newPath, format };
        var features = FeatureOptions.AddTo(command);
        var handler = new DiffCommand(output, error, workingDirectory);
        command.SetAction(result => handler.Execute(
            result.GetValue(oldPath) ?? string.Empty,
            result.GetValue(newPath) ?? string.Empty,
            features.ToResolveOptions(result),
            result.GetValue(format) == "json" ? OutputFormat.Json : OutputFormat.Text));
        return command;
    }

    /// <summary>Runs the command and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    public int Execute(string oldPath, string newPath, ResolveOptions options, OutputFormat format)
    {
        WorkspaceInput? oldInput, newInput;
        try
        {
            oldInput = WorkspaceInput.Load(oldPath, WorkingDirectory, options, Error, "diff");
            newInput = oldInput is null ? null : WorkspaceInput.Load(newPath, WorkingDirectory, options, Error, "diff");
        }
        catch (Exception e)
        {
            // The command's top-level guard: the library never throws by contract; if it does, exit with
            // InternalError and a one-line message rather than a stack trace.
            Error.Write($"error: internal error while loading: {e.GetType().Name}: {e.Message}\n");
            return ExitCodes.InternalError;
        }

        if (oldInput is null || newInput is null) return ExitCodes.UsageOrIoError;
        if (oldInput.HasReadErrors || newInput.HasReadErrors)
        {
            Error.Write("error: could not read every input file\n");
            return ExitCodes.UsageOrIoError;
        }

        bool resolutionErrors = false;
        foreach (var input in new[] { oldInput, newInput })
        {
            if (input.ErrorCount == 0) continue;
            resolutionErrors = true;
            Error.Write($"error: '{input.Path}' has {input.ErrorCount} error(s); run 'wit check {input.Path}'\n");
        }

        var oldPackage = RootPackage(oldInput.Model);
        var newPackage = RootPackage(newInput.Model);
        if (oldPackage is null || newPackage is null)
        {
            Error.Write($"error: no package in '{(oldPackage is null ? oldPath : newPath)}'\n");
            return ExitCodes.DiagnosticErrors;
        }

        if (oldPackage.Name.WithoutVersion != newPackage.Name.WithoutVersion)
        {
            // Two packages are not two versions of one API: every item would read as removed and added.
            Error.Write($"error: '{oldPath}' holds {oldPackage.Name} and '{newPath}' holds {newPackage.Name}: wit diff compares two versions of one package\n");
            return ExitCodes.UsageOrIoError;
        }

        var result = PackageDiff.Compare(oldPackage, newPackage);
        if (format == OutputFormat.Json) WriteJson(oldPackage, newPackage, result);
        else WriteText(oldPackage, newPackage, result);
        return resolutionErrors || !result.IsBumpSufficient ? ExitCodes.DiagnosticErrors : ExitCodes.Success;
    }

    /// <summary>The last package that is not a dependency (not under <c>deps/</c>), or the last package.</summary>
    public static Package? RootPackage(WitModel model) =>
        model.Packages.LastOrDefault(p => p.Location?.Path is { } path && !path.Replace('\\', '/').Contains("/deps/") && !path.Replace('\\', '/').StartsWith("deps/", StringComparison.Ordinal))
        ?? model.Packages.LastOrDefault();

    /// <summary>The summary line, e.g. <c>a:b 1.0.0 → 1.1.0: 1 breaking, 2 compatible, 0 warnings; needs a major bump</c>.</summary>
    public static string Summary(Package oldPackage, Package newPackage, DiffResult result)
    {
        int breaking = result.Changes.Count(c => c.Kind == ApiChangeKind.Breaking);
        int compatible = result.Changes.Count(c => c.Kind == ApiChangeKind.Compatible);
        int warnings = result.Changes.Count(c => c.Kind == ApiChangeKind.Warning);
        string versions = $"{oldPackage.Name.WithoutVersion} {result.OldVersion ?? "(no version)"} -> {result.NewVersion ?? "(no version)"}";
        string counts = $"{breaking} breaking, {compatible} compatible, {warnings} warning{(warnings == 1 ? string.Empty : "s")}";
        string verdict = !result.HasBreakingChanges
            ? "version bump is sufficient"
            : result.IsBumpSufficient
                ? $"{BumpName(result.Bump)} bump is sufficient"
                : $"insufficient version bump: breaking changes need a {BumpName(result.RequiredBump)} bump, {GotText(result.Bump)}";
        return $"{versions}: {counts}; {verdict}";
    }

    /// <summary>What the versions did, after "need a major bump, ...".</summary>
    private static string GotText(VersionBump bump) => bump switch
    {
        VersionBump.Unknown => "but the versions cannot be compared",
        VersionBump.Downgrade => "but the version went down",
        VersionBump.None => "but the version did not change",
        _ => $"but got a {BumpName(bump)} bump",
    };

    /// <summary>Each change, then where it is (the new item, or the old one when it was removed), as diagnostics show it.</summary>
    private void WriteText(Package oldPackage, Package newPackage, DiffResult result)
    {
        var text = new StringBuilder();
        foreach (var change in result.Changes)
        {
            text.Append(change).Append('\n');
            if ((change.NewLocation ?? change.OldLocation) is { } at) text.Append("     --> ").Append(at.ToString().Replace('\\', '/')).Append('\n');
        }

        text.Append(Summary(oldPackage, newPackage, result)).Append('\n');
        Output.Write(text.ToString());
    }

    private void WriteJson(Package oldPackage, Package newPackage, DiffResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("package", newPackage.Name.WithoutVersion);
            json.WriteString("oldVersion", result.OldVersion);
            json.WriteString("newVersion", result.NewVersion);
            json.WriteString("bump", BumpName(result.Bump));
            json.WriteString("requiredBump", BumpName(result.RequiredBump));
            json.WriteBoolean("bumpSufficient", result.IsBumpSufficient);
            json.WriteStartArray("changes");
            foreach (var change in result.Changes)
            {
                json.WriteStartObject();
                json.WriteString("kind", ApiChange.KindName(change.Kind));
                json.WriteString("path", change.Path);
                json.WriteString("description", change.Description);
                if (change.OldLocation is { } oldAt) json.WriteString("oldLocation", oldAt.ToString());
                if (change.NewLocation is { } newAt) json.WriteString("newLocation", newAt.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("summary", Summary(oldPackage, newPackage, result));
            json.WriteEndObject();
        }

        Output.Write(Encoding.UTF8.GetString(stream.ToArray()));
        Output.Write('\n');
    }

    private static string BumpName(VersionBump bump) => bump switch
    {
        VersionBump.Unknown => "unknown",
        VersionBump.Downgrade => "downgrade",
        VersionBump.None => "none",
        VersionBump.Patch => "patch",
        VersionBump.Minor => "minor",
        _ => "major",
    };
}
