using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Wit.Runtime.Tests.Spec;

/// <summary>
/// The WebAssembly spec test suite of the shared corpus (<c>wasm-spec-testsuite</c>), converted to JSON and binary
/// modules by wabt's <c>wast2json</c> into a cache outside the repository (<c>$WIT_SPEC_CACHE</c>, default
/// <c>~/.cache/wit-runtime/spec-json</c>), keyed by a hash of each <c>.wast</c>. <c>wast2json</c> is installed with apt
/// when it is missing and the tests run as root. A file of <c>wast-patched/</c> replaces its namesake of <c>wast/</c>
/// (wabt 1.0.32 cannot parse the originals; see the corpus's MANIFEST.md).
/// </summary>
internal static class SpecCorpus
{
    private static readonly object Gate = new();
    private static bool _toolChecked;

    public static string Root => RepoPaths.Corpus("wasm-spec-testsuite");

    /// <summary>Every <c>.wast</c> name (without extension), sorted.</summary>
    public static IReadOnlyList<string> AllNames() =>
        Directory.GetFiles(Path.Combine(Root, "wast"), "*.wast").Select(Path.GetFileNameWithoutExtension).OfType<string>().OrderBy(n => n, StringComparer.Ordinal).ToList();

    public static bool IsSimd(string name) => name.StartsWith("simd_", StringComparison.Ordinal);

    public static string WastPath(string name)
    {
        string patched = Path.Combine(Root, "wast-patched", name + ".wast");
        return File.Exists(patched) ? patched : Path.Combine(Root, "wast", name + ".wast");
    }

    /// <summary>The path of the converted JSON for <paramref name="name"/>, converting it first when the cache lacks it.</summary>
    public static string Json(string name)
    {
        string wast = WastPath(name);
        string hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(wast)))[..16].ToLowerInvariant();
        string cache = Environment.GetEnvironmentVariable("WIT_SPEC_CACHE")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "wit-runtime", "spec-json");
        string dir = Path.Combine(cache, $"{name}-{hash}");
        string json = Path.Combine(dir, name + ".json");
        if (File.Exists(json))
        {
            return json;
        }
        EnsureTool();
        // A name of its own: tests of one process convert the same file at the same time too.
        string tmp = dir + ".tmp-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(tmp);
        var (code, output) = Run("wast2json", $"\"{wast}\" -o \"{Path.Combine(tmp, name + ".json")}\"");
        if (code != 0)
        {
            throw new InvalidOperationException($"wast2json failed on {wast}: {output}");
        }
        try
        {
            Directory.Move(tmp, dir);
        }
        catch (IOException) when (File.Exists(json))
        {
            // Another test process converted it at the same time.
            Directory.Delete(tmp, true);
        }
        return json;
    }

    /// <summary>Makes sure wabt's tools are installed (with apt when missing and running as root).</summary>
    public static void EnsureTool()
    {
        lock (Gate)
        {
            if (_toolChecked)
            {
                return;
            }
            if (!HasTool())
            {
                if (Environment.UserName != "root")
                {
                    throw new InvalidOperationException("wast2json (Debian package wabt) is missing: install it with `apt-get install -y wabt`.");
                }
                var (code, output) = Run("bash", "-c \"apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wabt\"");
                if (code != 0 || !HasTool())
                {
                    throw new InvalidOperationException($"installing wabt failed: {output}");
                }
            }
            _toolChecked = true;
        }
    }

    private static bool HasTool()
    {
        try
        {
            return Run("wast2json", "--version").Code == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public static (int Code, string Output) Run(string file, string args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, new StringBuilder(stdout.Result).Append(stderr).ToString());
    }
}
