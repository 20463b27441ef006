using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Wit.TestKit;

namespace Wit.Core.Tests.TestKit;

/// <summary>
/// The shared test corpus (<c>../shared/corpus</c> next to the repository). Files are read where they are, never
/// copied into the repository; paths are listed in ordinal order so every run sees the same sequence.
/// </summary>
public static class Corpus
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The corpus root.</summary>
    public static string Root { get; } = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "corpus"));

    /// <summary>An absolute path inside the corpus, e.g. <c>PathOf("wit-parser-ui", "parse-fail")</c>.</summary>
    public static string PathOf(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

    /// <summary>Every file under a corpus folder (recursively) whose name ends with <paramref name="extension"/>.</summary>
    public static IReadOnlyList<string> Files(string folder, string extension) => FilesUnder(PathOf(folder), extension);

    /// <summary>Every file under any directory (recursively) whose name ends with <paramref name="extension"/>, in ordinal order.</summary>
    public static IReadOnlyList<string> FilesUnder(string directory, string extension)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Corpus folder missing: {directory}");
        return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(extension, StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The path relative to the corpus root, with <c>/</c> separators, for messages.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    /// <summary>
    /// The file as UTF-8 text, exactly: a byte order mark stays in the text as U+FEFF and invalid UTF-8 throws, so
    /// the text encodes back to the same bytes.
    /// </summary>
    public static string ReadText(string path) => StrictUtf8.GetString(File.ReadAllBytes(path));
}
