using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;
using Wit.Core.Diagnostics;
using Wit.Core.Formatting;
using Wit.Core.Syntax;
using Wit.Core.Text;

namespace Wit.Cli;

/// <summary>
/// <c>wit fmt &lt;path&gt;... [--check] [--diff] [--indent N|tab]</c>: formats WIT files in place with
/// <see cref="WitFormatter"/>, writing only the files that change. Each file's indentation unit is, first to answer:
/// <c>--indent</c>; the nearest <c>.editorconfig</c> files' <c>indent_style</c>/<c>indent_size</c> for the file; the
/// unit the file already uses (<see cref="WitFormatter.DetectIndent"/>); two spaces. Directories are searched recursively for <c>*.wit</c> files. A file with
/// syntax errors is never touched: its errors go to standard error and it is skipped. <c>--check</c> writes nothing
/// and lists the files that would change on standard output; <c>--diff</c> writes nothing and prints a unified diff
/// of each. Exit codes: 0 when every file is formatted (or, with <c>--check</c>/<c>--diff</c>, already was), 1 when
/// a file would change under <c>--check</c>/<c>--diff</c> or has syntax errors, 2 for usage and I/O errors.
/// </summary>
public sealed class FmtCommand : CommandHandler
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Creates the command's handler, writing to the given writers.</summary>
    public FmtCommand(TextWriter output, TextWriter error, string workingDirectory)
        : base(output, error, workingDirectory)
    {
    }

    /// <summary>The command-line definition, bound to an instance writing to the given writers.</summary>
    public static Command Create(TextWriter output, TextWriter error, string workingDirectory)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "WIT files, or directories to search recursively for *.wit files",
            Arity = ArgumentArity.OneOrMore,
        };
        paths.Validators.Add(result =>
        {
            // An unknown option would otherwise be taken for a path; a file whose name starts with '-' can be given
            // as ./-name.
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-') result.AddError($"Unrecognized option '{token.Value}'.");
            }
        });
        var check = new Option<bool>("--check") { Description = "Write nothing; list the files that would change and exit 1 if any would" };
        var diff = new Option<bool>("--diff") { Description = "Write nothing; print a unified diff of each file that would change and exit 1 if any would" };
        var indent = new Option<string?>("--indent")
        {
            Description = "Indent with N spaces (1 to 16) or 'tab'; by default .editorconfig's indent_style/indent_size, else the file's own unit, else 2 spaces",
        };
        indent.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && ParseIndent(result.Tokens[0].Value) is null)
            {
                result.AddError($"invalid --indent '{result.Tokens[0].Value}': give a number of spaces from 1 to {FormatOptions.MaxIndentSize} or 'tab'");
            }
        });
        var command = new Command("fmt", "Format WIT files: layout as wasm-tools prints WIT, comments and order kept, the file's indentation unit kept") { paths, check, diff, indent };
        var handler = new FmtCommand(output, error, workingDirectory);
        command.SetAction(result => handler.Execute(
            result.GetValue(paths) ?? Array.Empty<string>(),
            result.GetValue(check),
            result.GetValue(diff),
            result.GetValue(indent) is { } given ? ParseIndent(given) : null));
        return command;
    }

    /// <summary>The unit <c>--indent</c> names (<c>tab</c>, or 1 to 16 spaces), or null.</summary>
    public static FormatOptions? ParseIndent(string value)
    {
        if (string.Equals(value, "tab", StringComparison.OrdinalIgnoreCase)) return FormatOptions.Tabs;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int spaces) && spaces >= 1 && spaces <= FormatOptions.MaxIndentSize
            ? FormatOptions.Spaces(spaces)
            : null;
    }

    /// <summary>Runs the command and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="indent">The indentation <c>--indent</c> gives, or null to take each file's from .editorconfig or the file.</param>
    public int Execute(IReadOnlyList<string> paths, bool check, bool diff, FormatOptions? indent = null)
    {
        bool usageFailed = false;
        foreach (string path in paths)
        {
            string fullPath = Path.GetFullPath(Path.Combine(WorkingDirectory, path));
            if (File.Exists(fullPath) && SyntaxTree.LanguageOf(fullPath) == SyntaxLanguage.Witx)
            {
                Error.Write($"error: '{path}' is a WITX file; wit fmt formats WIT files only\n");
                usageFailed = true;
            }
        }

        var files = InputFileResolver.Resolve(paths, WorkingDirectory, Error);
        if (files is null) return ExitCodes.UsageOrIoError;

        bool writeFiles = !check && !diff;
        var editorConfigs = new Dictionary<string, string?>(StringComparer.Ordinal);
        int formatted = 0, changed = 0, skipped = 0;
        bool ioFailed = false;
        foreach (var file in files)
        {
            // A directory search also finds WITX files; an explicitly named one was refused above.
            if (SyntaxTree.LanguageOf(file.FullPath) == SyntaxLanguage.Witx) continue;
            string? text = Read(file);
            if (text is null)
            {
                ioFailed = true;
                continue;
            }

            var tree = SyntaxTree.ParseWit(SourceText.From(text, file.DisplayPath));
            if (ReportSyntaxErrors(tree, file.DisplayPath))
            {
                skipped++;
                continue;
            }

            formatted++;
            string result = WitFormatter.Format(tree, indent ?? EditorConfig.IndentFor(file.FullPath, directory => ReadEditorConfig(directory, editorConfigs), WitFormatter.DetectIndent(tree)));
            if (string.Equals(result, text, StringComparison.Ordinal)) continue;
            changed++;
            if (diff) Output.Write(UnifiedDiff.Create(file.DisplayPath, text, result));
            else if (check) Output.Write(file.DisplayPath + "\n");
            else if (!Write(file, result)) ioFailed = true;
        }

        Error.Write(Summary(writeFiles, formatted, changed, skipped) + "\n");
        if (usageFailed || ioFailed) return ExitCodes.UsageOrIoError;
        if (skipped > 0 || (!writeFiles && changed > 0)) return ExitCodes.DiagnosticErrors;
        return ExitCodes.Success;
    }

    /// <summary>
    /// The last line on standard error: <c>formatted 3 files: 1 changed</c>, or with <c>--check</c>/<c>--diff</c>
    /// <c>checked 3 files: 1 would change</c>; files skipped for syntax errors are counted after.
    /// </summary>
    public static string Summary(bool writeFiles, int formatted, int changed, int skipped)
    {
        string files = formatted.ToString(CultureInfo.InvariantCulture) + (formatted == 1 ? " file" : " files");
        string count = changed.ToString(CultureInfo.InvariantCulture);
        string summary = writeFiles ? $"formatted {files}: {count} changed" : $"checked {files}: {count} would change";
        if (skipped > 0) summary += $", {skipped.ToString(CultureInfo.InvariantCulture)} skipped with syntax errors";
        return summary;
    }

    /// <summary>The file's text, a byte order mark kept as U+FEFF so that writing it back keeps it; null after an error.</summary>
    private string? Read(InputFile file)
    {
        try
        {
            return StrictUtf8.GetString(File.ReadAllBytes(file.FullPath));
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            Error.Write($"error: cannot read '{file.DisplayPath}': {e.Message}\n");
        }
        catch (DecoderFallbackException)
        {
            Error.Write($"error: '{file.DisplayPath}' is not valid UTF-8\n");
        }

        return null;
    }

    /// <summary>
    /// The <c>.editorconfig</c> of <paramref name="directory"/>, or null; read once per run. An unreadable one is
    /// reported and treated as absent.
    /// </summary>
    private string? ReadEditorConfig(string directory, Dictionary<string, string?> cache)
    {
        if (cache.TryGetValue(directory, out string? cached)) return cached;
        string path = Path.Combine(directory, EditorConfig.FileName);
        string? text = null;
        try
        {
            if (File.Exists(path)) text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            Error.Write($"warning: cannot read '{path}': {e.Message}\n");
        }

        cache[directory] = text;
        return text;
    }

    private bool Write(InputFile file, string text)
    {
        try
        {
            File.WriteAllBytes(file.FullPath, StrictUtf8.GetBytes(text));
            return true;
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            Error.Write($"error: cannot write '{file.DisplayPath}': {e.Message}\n");
            return false;
        }
    }

    /// <summary>Writes the file's syntax errors to standard error, rustc style; true when there were any.</summary>
    private bool ReportSyntaxErrors(SyntaxTree tree, string displayPath)
    {
        int errors = 0;
        foreach (var diagnostic in tree.Diagnostics)
        {
            if (diagnostic.Severity != DiagnosticSeverity.Error) continue;
            errors++;
            DiagnosticRenderer.Render(diagnostic, tree.Text, displayPath, Error);
            Error.Write('\n');
        }

        if (errors == 0) return false;
        Error.Write($"error: '{displayPath}' has {errors.ToString(CultureInfo.InvariantCulture)} syntax error{(errors == 1 ? string.Empty : "s")}; not formatted\n");
        return true;
    }
}
