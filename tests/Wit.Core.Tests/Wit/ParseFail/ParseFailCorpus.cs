using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.Core.Tests.TestKit;

namespace Wit.Core.Tests.Wit.ParseFail;

/// <summary>Loads the cases of <c>wit-parser-ui/parse-fail</c>, one per <c>X.wit.result</c> file.</summary>
public static class ParseFailCorpus
{
    private const string ResultSuffix = ".wit.result";

    public static string Directory => Corpus.PathOf("wit-parser-ui", "parse-fail");

    /// <summary>The cases, and the names of results whose input the corpus does not include.</summary>
    public static (IReadOnlyList<ParseFailCase> Cases, IReadOnlyList<string> MissingInputs) Load()
    {
        var cases = new List<ParseFailCase>();
        var missing = new List<string>();
        var results = System.IO.Directory.EnumerateFiles(Directory, "*" + ResultSuffix).OrderBy(path => path, StringComparer.Ordinal);
        foreach (string result in results)
        {
            string name = Path.GetFileName(result);
            name = name.Substring(0, name.Length - ResultSuffix.Length);
            string file = Path.Combine(Directory, name + ".wit");
            string directory = Path.Combine(Directory, name);
            IReadOnlyList<string> files;
            IReadOnlyList<string> allFiles;
            if (File.Exists(file))
            {
                files = allFiles = new[] { file };
            }
            else if (System.IO.Directory.Exists(directory))
            {
                files = System.IO.Directory.EnumerateFiles(directory, "*.wit").OrderBy(path => path, StringComparer.Ordinal).ToList();
                allFiles = Corpus.FilesUnder(directory, ".wit");
            }
            else
            {
                missing.Add(name);
                continue;
            }

            cases.Add(new ParseFailCase(name, files, allFiles, UpstreamError.Parse(File.ReadAllText(result), Directory)));
        }

        return (cases, missing);
    }
}
