using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.Conformance.Tests.TestKit;

namespace Wit.Conformance.Tests.Report;

/// <summary>
/// The package roots of the other corpora that must resolve without a diagnostic: every WASI 0.2.12 and 0.3.0
/// proposal (its <c>wit/</c> folder when it has one), every <c>.wit</c> file and folder of <c>wit-print</c>, and the
/// <c>wit/</c> folders of the real-world APIs. Paths are relative to <c>../shared/corpus</c>.
/// </summary>
public static class CorpusRoots
{
    public static string Directory => RepoPaths.Corpus();

    public static IReadOnlyList<string> Wasi()
    {
        var roots = new List<string>();
        foreach (string release in new[] { "wasi-0.2.12", "wasi-0.3.0" })
        {
            foreach (string proposal in Children(Path.Combine("wasi-wit", release)))
            {
                string wit = proposal + "/wit";
                roots.Add(System.IO.Directory.Exists(Path.Combine(Directory, wit)) ? wit : proposal);
            }
        }

        return roots;
    }

    public static IReadOnlyList<string> WitPrint()
    {
        string folder = Path.Combine(Directory, "wit-print");
        var files = System.IO.Directory.EnumerateFiles(folder, "*.wit").Select(f => "wit-print/" + Path.GetFileName(f));
        return files.Concat(Children("wit-print")).OrderBy(p => p, StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<string> RealWorld() => new[] { "realworld/wasi-crypto/wit", "realworld/wasi-webgpu/wit" };

    private static IEnumerable<string> Children(string relative) =>
        System.IO.Directory.EnumerateDirectories(Path.Combine(Directory, relative))
            .Select(d => relative.Replace('\\', '/') + "/" + Path.GetFileName(d))
            .OrderBy(p => p, StringComparer.Ordinal);
}
