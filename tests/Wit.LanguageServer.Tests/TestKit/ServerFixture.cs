using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.Core.Workspace;

namespace Wit.LanguageServer.Tests.TestKit;

/// <summary>
/// Starts a server on an in-memory workspace written in the shared fixture syntax (<see cref="Fixture"/>), and converts
/// the <c>$0</c> cursor to an LSP position.
/// </summary>
public static class ServerFixture
{
    public const string Root = Fixture.Root;

    public static async Task<(LspTestClient Client, Dictionary<string, string> Files, (string Path, int Line, int Character)? Cursor)> StartAsync(
        string fixture, JsonObject? initializationOptions = null, JsonNode? settings = null)
    {
        var parsed = Fixture.Parse(fixture);
        var files = parsed.Files.ToDictionary(f => f.Path, f => f.Text);
        (string, int, int)? cursor = null;
        if (parsed.Cursor is { } at)
        {
            // The test's own expectation of where the cursor is, in LSP terms (UTF-16, zero-based).
            string before = files[at.Path].Substring(0, at.Offset);
            cursor = (at.Path, before.Count(c => c == '\n'), at.Offset - (before.LastIndexOf('\n') + 1));
        }

        var disk = new InMemoryFileSystem();
        foreach (var (file, text) in files) disk.Add(file, text);
        var client = await LspTestClient.StartAsync(disk, new[] { Root }, initializationOptions, settings);
        return (client, files, cursor);
    }
}
