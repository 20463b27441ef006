using System;
using System.Collections.Generic;
using Wit.Core.Workspace;

namespace Wit.Ide.Configuration;

/// <summary>
/// The lint configuration files read last, by path: the same text gives back the same <see cref="LintConfigurationFile"/>,
/// whose <see cref="LintConfigurationFile.Apply"/> gives back the same options for the same editor options. A check
/// takes over the previous check's lint results only when its options are the very same object, so a keystroke in a
/// WIT file must not make new ones. Thread-safe: roots are analysed on whichever thread asks first.
/// </summary>
internal sealed class LintConfigurationCache
{
    private readonly Dictionary<string, LintConfigurationFile> _files = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>The configuration at <paramref name="path"/> as <paramref name="fileSystem"/> has it now.</summary>
    public LintConfigurationFile Read(IFileSystem fileSystem, string path)
    {
        var file = LintConfiguration.Read(fileSystem, path);
        lock (_gate)
        {
            if (_files.TryGetValue(path, out var cached) && string.Equals(cached.Text, file.Text, StringComparison.Ordinal)) return cached;
            _files[path] = file;
            return file;
        }
    }
}
