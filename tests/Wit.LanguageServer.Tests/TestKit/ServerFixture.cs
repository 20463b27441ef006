using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.Core.Workspace;

namespace Wit.LanguageServer.Tests.TestKit;

/// <summary>
/// Starts a server on an in-memory workspace written as <c>//- /path</c> fixtures (paths under <see cref="Root"/>),
/// with <c>$0</c> marking a cursor (at most one), and converts the cursor to an LSP position.
/// </summary>
public static class ServerFixture
{
    public const string Root = "/ws";

    public static async Task<(LspTestClient Client, Dictionary<string, string> Files, (string Path, int Line, int Character)? Cursor)> StartAsync(
        string fixture, JsonObject? initializationOptions = null, JsonNode? settings = null)
    {
        var files = new Dictionary<string, string>();
        (string, int, int)? cursor = null;
        string path = Root + "/main.wit";
        var lines = new List<string>();
        void Flush()
        {
            if (lines.Count == 0) return;
            string text = string.Join("\n", lines) + "\n";
            int marker = text.IndexOf("$0", System.StringComparison.Ordinal);
            if (marker >= 0)
            {
                text = text.Remove(marker, 2);
                string before = text.Substring(0, marker);
                int line = before.Count(c => c == '\n');
                int character = marker - (before.LastIndexOf('\n') + 1);
                cursor = (path, line, character);
            }

            files[path] = text;
            lines.Clear();
        }

        foreach (var line in fixture.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("//- ", System.StringComparison.Ordinal))
            {
                Flush();
                path = Root + line.Substring(4).Trim();
                continue;
            }

            lines.Add(line);
        }

        Flush();
        var disk = new InMemoryFileSystem();
        foreach (var (file, text) in files) disk.Add(file, text);
        var client = await LspTestClient.StartAsync(disk, new[] { Root }, initializationOptions, settings);
        return (client, files, cursor);
    }
}
