using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;
using Wit.Core.Text;

namespace Wit.Core.Workspace;

/// <summary>
/// Reads a package root as wit-parser does: a <c>.wit</c> file, or a directory whose <c>*.wit</c> files form one
/// package and whose <c>deps/</c> entries (directories, <c>.wit</c> files; <c>.wat</c>/<c>.wasm</c> reported as
/// unsupported) are dependencies, in name order.
/// </summary>
public static class WorkspaceLoader
{
    public static LoadedWorkspace Load(IFileSystem fileSystem, string rootPath) => Load(fileSystem, rootPath, parse: null);

    /// <summary>
    /// Loads <paramref name="rootPath"/>, parsing each file's text with <paramref name="parse"/> (path, text) when given,
    /// so that an editor can hand back trees it already has (incrementally reparsed, or cached for unchanged files).
    /// </summary>
    public static LoadedWorkspace Load(IFileSystem fileSystem, string rootPath, Func<string, string, SyntaxTree>? parse)
    {
        parse ??= DefaultParse;
        var errors = new List<LoadError>();
        var dependencies = new List<PackageSource>();
        PackageSource? root = null;
        if (fileSystem.DirectoryExists(rootPath))
        {
            string deps = Path.Combine(rootPath, "deps");
            if (fileSystem.FileExists(deps))
            {
                // wit-parser lists `deps` whenever it exists, and a file cannot be listed.
                errors.Add(new LoadError(deps, ResolveDiagnostics.NotADirectory(deps)));
            }
            else if (fileSystem.DirectoryExists(deps))
            {
                var entries = fileSystem.GetDirectories(deps).Select(d => (Path: d, IsDirectory: true))
                    .Concat(fileSystem.GetFiles(deps).Select(f => (Path: f, IsDirectory: false)))
                    .OrderBy(e => Path.GetFileName(e.Path), StringComparer.Ordinal);
                foreach (var entry in entries)
                {
                    if (entry.IsDirectory)
                    {
                        dependencies.Add(LoadDirectory(fileSystem, entry.Path, isRoot: false, errors, parse));
                        continue;
                    }

                    // wit-parser reads every entry's metadata, so a link to nothing fails, whatever its name.
                    if (fileSystem is ISymbolicLinks links && links.IsDanglingLink(entry.Path))
                    {
                        errors.Add(new LoadError(entry.Path, ResolveDiagnostics.DanglingDependencyLink(deps, Path.GetFileName(entry.Path))));
                        continue;
                    }

                    string extension = Path.GetExtension(entry.Path);
                    if (extension == ".wit") dependencies.Add(LoadFile(fileSystem, entry.Path, isRoot: false, errors, parse));
                    else if (extension is ".wat" or ".wasm")
                        errors.Add(new LoadError(entry.Path, ResolveDiagnostics.ComponentPackagesUnsupported()));
                }
            }

            root = LoadDirectory(fileSystem, rootPath, isRoot: true, errors, parse);
        }
        else if (fileSystem.FileExists(rootPath))
        {
            string extension = Path.GetExtension(rootPath);
            if (extension is ".wat" or ".wasm") errors.Add(new LoadError(rootPath, ResolveDiagnostics.ComponentPackagesUnsupported()));
            else root = LoadFile(fileSystem, rootPath, isRoot: true, errors, parse);
        }
        else
        {
            errors.Add(new LoadError(rootPath, ResolveDiagnostics.NoSuchFileOrDirectory(rootPath)));
        }

        return new LoadedWorkspace(rootPath, dependencies, root, errors);
    }

    private static PackageSource LoadDirectory(IFileSystem fileSystem, string directory, bool isRoot, List<LoadError> errors, Func<string, string, SyntaxTree> parse)
    {
        var files = new List<SourceFile>();
        foreach (var path in fileSystem.GetFiles(directory).Where(f => Path.GetExtension(f) == ".wit").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal))
        {
            if (Read(fileSystem, path, inDirectory: true, errors, parse) is { } file) files.Add(file);
        }

        return new PackageSource(directory, isDirectory: true, isRoot, files);
    }

    private static PackageSource LoadFile(IFileSystem fileSystem, string path, bool isRoot, List<LoadError> errors, Func<string, string, SyntaxTree> parse)
    {
        var files = new List<SourceFile>();
        if (Read(fileSystem, path, inDirectory: false, errors, parse) is { } file) files.Add(file);
        return new PackageSource(path, isDirectory: false, isRoot, files);
    }

    private static SyntaxTree DefaultParse(string path, string text) => SyntaxTree.ParseWit(SourceText.From(text, path));

    private static SourceFile? Read(IFileSystem fileSystem, string path, bool inDirectory, List<LoadError> errors, Func<string, string, SyntaxTree> parse)
    {
        try
        {
            string text = fileSystem.ReadAllText(path);
            return new SourceFile(path, parse(path, text));
        }
        catch (System.Text.DecoderFallbackException)
        {
            // wit-parser's wording: a file of a directory package is read as text, a single file as bytes first.
            errors.Add(new LoadError(path, inDirectory ? ResolveDiagnostics.FileInDirectoryNotUtf8(path) : ResolveDiagnostics.InputFileNotUtf8(path), isInvalidUtf8: true));
            return null;
        }
        catch (InputTooLargeException e)
        {
            errors.Add(new LoadError(path, e.Diagnostic));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new LoadError(path, ResolveDiagnostics.ReadFailed(path, e.Message)));
            return null;
        }
    }
}
