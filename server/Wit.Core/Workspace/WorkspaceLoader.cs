using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Wit.Nodes;
using System.Text;

namespace Wit.Core.Workspace;

/// <summary>
/// Reads a package root as wit-parser does: a <c>.wit</c> file, a WIT package encoded as a component (<c>.wasm</c>),
/// or a directory whose <c>*.wit</c> files form one package and whose <c>deps/</c> entries (directories, <c>.wit</c>
/// files, <c>.wasm</c> encoded packages) are dependencies, in name order. An encoded package becomes a source of one
/// file under the <c>.wasm</c>'s own path whose text is the decoded WIT (so diagnostics, hover and navigation point
/// into that text), with the stubs of other packages it carries added as nested packages when no other input defines
/// them. Encoded packages need an <see cref="IPackageDecoder"/> (and an <see cref="IBinaryFileSystem"/>); without one,
/// and for the component text format (<c>.wat</c>), they are reported as unsupported.
/// </summary>
public static class WorkspaceLoader
{
    public static LoadedWorkspace Load(IFileSystem fileSystem, string rootPath) => Load(fileSystem, rootPath, parse: null);

    /// <summary>
    /// Loads <paramref name="rootPath"/>, parsing each file's text with <paramref name="parse"/> (path, text) when given,
    /// so that an editor can hand back trees it already has (incrementally reparsed, or cached for unchanged files).
    /// </summary>
    public static LoadedWorkspace Load(IFileSystem fileSystem, string rootPath, Func<string, string, SyntaxTree>? parse) =>
        Load(fileSystem, rootPath, parse, decoder: null);

    /// <summary>
    /// Loads <paramref name="rootPath"/> as <see cref="Load(IFileSystem, string, Func{string, string, SyntaxTree}?)"/>
    /// does, decoding <c>.wasm</c> packages with <paramref name="decoder"/>.
    /// </summary>
    public static LoadedWorkspace Load(IFileSystem fileSystem, string rootPath, Func<string, string, SyntaxTree>? parse, IPackageDecoder? decoder)
    {
        parse ??= DefaultParse;
        var errors = new List<LoadError>();
        var dependencies = new List<PackageSource>();
        var encoded = new List<(string Path, bool IsRoot, int Index)>();
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
                    else if (extension is ".wat" or ".wasm" && Unsupported(extension, decoder) is { } unsupported)
                        errors.Add(new LoadError(entry.Path, unsupported));
                    else if (extension == ".wasm") encoded.Add((entry.Path, false, dependencies.Count));
                }
            }

            root = LoadDirectory(fileSystem, rootPath, isRoot: true, errors, parse);
        }
        else if (fileSystem.FileExists(rootPath))
        {
            string extension = Path.GetExtension(rootPath);
            if (extension is ".wat" or ".wasm" && Unsupported(extension, decoder) is { } unsupported) errors.Add(new LoadError(rootPath, unsupported));
            else if (extension == ".wasm") encoded.Add((rootPath, true, 0));
            else root = LoadFile(fileSystem, rootPath, isRoot: true, errors, parse);
        }
        else
        {
            errors.Add(new LoadError(rootPath, ResolveDiagnostics.NoSuchFileOrDirectory(rootPath)));
        }

        if (encoded.Count > 0)
        {
            var sources = LoadEncoded(fileSystem, encoded, dependencies, root, decoder!, errors, parse);
            // Dependencies keep their entries' name order: insert from the last, so earlier indices stay valid.
            for (int i = encoded.Count - 1; i >= 0; i--)
            {
                if (sources[i] is not { } source) continue;
                if (encoded[i].IsRoot) root = source;
                else dependencies.Insert(encoded[i].Index, source);
            }
        }

        return new LoadedWorkspace(rootPath, dependencies, root, errors);
    }

    private static DiagnosticMessage? Unsupported(string extension, IPackageDecoder? decoder) =>
        decoder is null ? ResolveDiagnostics.ComponentPackagesUnsupported()
        : extension == ".wat" ? ResolveDiagnostics.ComponentTextPackagesUnsupported()
        : null;

    /// <summary>
    /// Decodes the encoded packages and makes each a source of one file. The foreign stubs they carry (wit-parser
    /// merges them into the packages of the same name) become nested packages, each interface once, in the first file
    /// that carries it, unless a WIT source or another encoded package defines that package.
    /// </summary>
    private static PackageSource?[] LoadEncoded(IFileSystem fileSystem, List<(string Path, bool IsRoot, int Index)> encoded,
        List<PackageSource> dependencies, PackageSource? root, IPackageDecoder decoder, List<LoadError> errors, Func<string, string, SyntaxTree> parse)
    {
        var decoded = new DecodedPackage?[encoded.Count];
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in root is null ? dependencies : dependencies.Append(root))
        {
            foreach (var file in source.Files) AddDefinedPackages(file.Tree, defined);
        }

        for (int i = 0; i < encoded.Count; i++)
        {
            string path = encoded[i].Path;
            byte[] bytes;
            try
            {
                bytes = fileSystem is IBinaryFileSystem binary
                    ? binary.ReadAllBytes(path)
                    : throw new IOException("this file system reads text only");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add(new LoadError(path, ResolveDiagnostics.ReadFailed(path, e.Message)));
                continue;
            }

            var package = decoder.Decode(bytes);
            if (package.Error is { } error)
            {
                errors.Add(new LoadError(path, error));
                continue;
            }

            decoded[i] = package;
            defined.Add(package.Name);
        }

        var emitted = new HashSet<(string, string)>();
        var sources = new PackageSource?[encoded.Count];
        for (int i = 0; i < encoded.Count; i++)
        {
            if (decoded[i] is not { } package) continue;
            var text = new StringBuilder(package.Text);
            foreach (var group in package.Foreign.Where(f => !defined.Contains(f.Package) && emitted.Add((f.Package, f.Name))).GroupBy(f => f.Package, StringComparer.Ordinal))
            {
                text.Append("\npackage ").Append(group.Key).Append(" {\n");
                foreach (var stub in group) text.Append(stub.Text);
                text.Append("}\n");
            }

            var file = new SourceFile(encoded[i].Path, parse(encoded[i].Path, text.ToString()));
            sources[i] = new PackageSource(encoded[i].Path, isDirectory: false, encoded[i].IsRoot, new[] { file });
        }

        return sources;
    }

    private static void AddDefinedPackages(SyntaxTree tree, HashSet<string> defined)
    {
        if (WitNode.From(tree.Root) is not WitDocumentSyntax document) return;
        if (Semantics.WitResolver.ToPackageName(document.PackageDeclaration?.PackageName) is { } name) defined.Add(name.ToString());
        foreach (var nested in document.NestedPackages)
        {
            if (Semantics.WitResolver.ToPackageName(nested.PackageName) is { } nestedName) defined.Add(nestedName.ToString());
        }
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
