using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.Core.Tests.TestKit;

namespace Wit.Benchmarks;

/// <summary>
/// One WASI proposal as a package root: its <c>wit/</c> directory when it has one (with <c>deps/</c> inside), else
/// the proposal directory. <see cref="Name"/> reads <c>0.2.12/http</c>.
/// </summary>
internal sealed record WasiWorkspace(string Name, string Path)
{
    /// <summary>Every proposal of WASI 0.2.12 and 0.3.0 in the shared corpus, in name order.</summary>
    public static IReadOnlyList<WasiWorkspace> All()
    {
        var result = new List<WasiWorkspace>();
        foreach (string version in new[] { "wasi-0.2.12", "wasi-0.3.0" })
        {
            foreach (string proposal in Directory.GetDirectories(Corpus.PathOf("wasi-wit", version)).OrderBy(d => d, StringComparer.Ordinal))
            {
                string wit = System.IO.Path.Combine(proposal, "wit");
                string name = $"{version.Substring("wasi-".Length)}/{System.IO.Path.GetFileName(proposal)}";
                result.Add(new WasiWorkspace(name, Directory.Exists(wit) ? wit : proposal));
            }
        }

        return result;
    }
}
