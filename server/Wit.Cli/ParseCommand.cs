using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Wit.Cli.Json;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Workspace;

namespace Wit.Cli;

/// <summary>
/// <c>wit parse &lt;path&gt;... [--format text|json] [--tree]</c>: parses every WIT and WITX file, prints their syntax
/// diagnostics (and with <c>--tree</c> their syntax trees) on standard output and a one-line summary on standard error.
/// </summary>
public sealed class ParseCommand : CommandHandler
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public ParseCommand(TextWriter output, TextWriter error, string workingDirectory)
        : base(output, error, workingDirectory)
    {
    }

    /// <summary>The command-line definition, bound to an instance writing to the given writers.</summary>
    public static Command Create(TextWriter output, TextWriter error, string workingDirectory)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "WIT or WITX files, or directories to search recursively for *.wit and *.witx files",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = CommandArguments.Format("How to print diagnostics: text (rustc style) or json", "text", "json");
        paths.Validators.Add(result =>
        {
            // An unknown option would otherwise be taken for a path; a file whose name starts with '-' can be given
            // as ./-name.
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-') result.AddError($"Unrecognized option '{token.Value}'.");
            }
        });
        var tree = new Option<bool>("--tree")
        {
            Description = "Also print each file's syntax tree, trivia included",
        };

        var timings = CommandArguments.Timings("read, parse, output");
        var command = new Command("parse", "Parse WIT and WITX files and report syntax errors") { paths, format, tree, timings };
        var handler = new ParseCommand(output, error, workingDirectory);
        command.SetAction(result => handler.Execute(
            result.GetValue(paths) ?? Array.Empty<string>(),
            result.GetValue(format) == "json" ? OutputFormat.Json : OutputFormat.Text,
            result.GetValue(tree),
            result.GetValue(timings)));
        return command;
    }

    /// <summary>Runs the command and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="timings">Print where the time went on standard error, before the summary (<see cref="PhaseTimings"/>).</param>
    public int Execute(IReadOnlyList<string> paths, OutputFormat format, bool printTree, bool timings = false)
    {
        var phases = timings ? new PhaseTimings() : null;
        var files = InputFileResolver.Resolve(paths, WorkingDirectory, Error);
        if (files is null) return ExitCodes.UsageOrIoError;
        HugePages.AdviseFor(files.Sum(file => new FileInfo(file.FullPath) is { Exists: true } info ? info.Length : 0));

        var report = new ParseReport();
        bool ioFailed = false;
        bool crashed = false;
        int parsed = 0;
        foreach (var file in files)
        {
            string text;
            try
            {
                phases?.Start();
                text = File.ReadAllText(file.FullPath, StrictUtf8);
                phases?.EndRead();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                Error.Write($"error: cannot read '{file.DisplayPath}': {e.Message}\n");
                ioFailed = true;
                continue;
            }
            catch (DecoderFallbackException)
            {
                Error.Write($"error: '{file.DisplayPath}' is not valid UTF-8\n");
                ioFailed = true;
                continue;
            }

            SyntaxTree tree;
            try
            {
                var source = SourceText.From(text, file.DisplayPath);
                tree = phases is null ? SyntaxTree.Parse(source) : phases.Parse(text, _ => SyntaxTree.Parse(source));
            }
            catch (Exception e)
            {
                // Parsers never throw by contract; if one does, name the file and carry on with the others.
                Error.Write($"error: internal error while parsing '{file.DisplayPath}': {e.GetType().Name}: {e.Message}\n");
                crashed = true;
                continue;
            }

            parsed++;
            phases?.Start();
            foreach (var diagnostic in tree.Diagnostics)
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error) report.ErrorCount++;
                else if (diagnostic.Severity == DiagnosticSeverity.Warning) report.WarningCount++;
            }

            if (format == OutputFormat.Json)
            {
                report.Files.Add(ParseReportBuilder.CreateFileReport(tree, file.DisplayPath, printTree ? TreePrinter.Print(tree) : null));
            }
            else
            {
                WriteText(tree, file.DisplayPath, printTree, withHeader: files.Count > 1);
            }

            phases?.EndOutput();
        }

        report.FileCount = parsed;
        phases?.Start();
        if (format == OutputFormat.Json)
        {
            Output.Write(JsonSerializer.Serialize(report, CliJsonContext.Output.ParseReport));
            Output.Write('\n');
        }

        WriteTimings(phases);

        Error.Write(Summary(parsed, report.ErrorCount, report.WarningCount) + "\n");
        if (crashed) return ExitCodes.InternalError;
        if (ioFailed) return ExitCodes.UsageOrIoError;
        return report.ErrorCount > 0 ? ExitCodes.DiagnosticErrors : ExitCodes.Success;
    }

    /// <summary>The last line on standard error, e.g. <c>parsed 12 files: 0 errors</c>.</summary>
    public static string Summary(int files, int errors, int warnings)
    {
        string summary = $"parsed {Plural(files, "file")}: {Plural(errors, "error")}";
        return warnings > 0 ? $"{summary}, {Plural(warnings, "warning")}" : summary;
    }

    private void WriteText(SyntaxTree tree, string displayPath, bool printTree, bool withHeader)
    {
        if (printTree)
        {
            if (withHeader) Output.Write($"==> {displayPath} <==\n");
            TreePrinter.Print(tree, Output);
        }

        // Text output shows at most DiagnosticLimit.PerFile diagnostics of a file, then how many more (JSON has all).
        foreach (var diagnostic in DiagnosticLimit.CapPerDocument(tree.Diagnostics))
        {
            DiagnosticRenderer.Render(diagnostic, tree.Text, displayPath, Output);
            Output.Write('\n');
        }
    }

    private static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}
