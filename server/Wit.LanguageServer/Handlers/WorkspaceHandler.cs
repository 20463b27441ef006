using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Wit.Ide.Configuration;
using Wit.Protocol;
using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Handlers;

/// <summary>
/// Workspace notifications: watched files, workspace folders, configuration. After <c>initialized</c> the server asks
/// the client to watch <c>.wit</c>/<c>.witx</c> files (when it can register watchers dynamically) and reads the
/// <c>wit</c> settings section (when the client supports <c>workspace/configuration</c>).
/// </summary>
internal static class WorkspaceHandler
{
    public static void Register(WitLanguageServer server)
    {
        server.Change("workspace/didChangeWatchedFiles", () => LspJsonContext.Default.DidChangeWatchedFilesParams, parameters =>
        {
            var paths = parameters.Changes.Select(c => server.Translator.Uris.ToPath(c.Uri)).OfType<string>().ToList();
            if (paths.Count > 0) server.Mutate(w => w.FilesChanged(paths));
        });

        server.Change("workspace/didChangeWorkspaceFolders", () => LspJsonContext.Default.DidChangeWorkspaceFoldersParams, parameters =>
        {
            var removed = parameters.Event.Removed.Select(f => server.Translator.Uris.ToPath(f.Uri)).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var added = parameters.Event.Added.Select(f => server.Translator.Uris.ToPath(f.Uri)).OfType<string>();
            server.Mutate(w => w.SetFolders(w.Folders.Where(f => !removed.Contains(f)).Concat(added).ToList()));
        });

        server.Change("workspace/didChangeConfiguration", () => LspJsonContext.Default.DidChangeConfigurationParams, parameters =>
        {
            // Clients either push the settings or send an empty notification meaning "ask me".
            if (parameters.Settings is { ValueKind: JsonValueKind.Object } settings && settings.TryGetProperty("wit", out var section))
            {
                Apply(server, ServerSettings.From(section));
            }
            else if (server.Client.Configuration)
            {
                _ = PullConfigurationAsync(server);
            }
        });
    }

    /// <summary>Registers file watchers and reads the configuration, without blocking the message loop.</summary>
    public static void AfterInitialized(WitLanguageServer server)
    {
        if (server.Client.WatchedFilesRegistration) _ = RegisterWatchersAsync(server);
        if (server.Client.Configuration) _ = PullConfigurationAsync(server);
        server.Diagnostics.Notify(null);
    }

    private static async Task RegisterWatchersAsync(WitLanguageServer server)
    {
        var lsp = LspJsonContext.Default;
        var options = new DidChangeWatchedFilesRegistrationOptions
        {
            Watchers = new[]
            {
                new FileSystemWatcher { GlobPattern = "**/*.wit" },
                new FileSystemWatcher { GlobPattern = "**/*.witx" },
                new FileSystemWatcher { GlobPattern = "**/deps/**" },
                new FileSystemWatcher { GlobPattern = "**/" + LintConfiguration.FileName },
            },
        };
        var registration = new Registration
        {
            Id = "wit-watched-files",
            Method = "workspace/didChangeWatchedFiles",
            RegisterOptions = JsonSerializer.SerializeToElement(options, lsp.DidChangeWatchedFilesRegistrationOptions),
        };
        try
        {
            await server.Connection.SendRequestAsync("client/registerCapability", new RegistrationParams { Registrations = new[] { registration } },
                lsp.RegistrationParams, lsp.JsonElement, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonRpcException or OperationCanceledException)
        {
            server.Log($"the client refused to watch files: {e.Message}");
        }
    }

    private static async Task PullConfigurationAsync(WitLanguageServer server)
    {
        var lsp = LspJsonContext.Default;
        try
        {
            var result = await server.Connection.SendRequestAsync("workspace/configuration",
                new ConfigurationParams { Items = new[] { new ConfigurationItem { Section = "wit" } } },
                lsp.ConfigurationParams, lsp.JsonElementArray, CancellationToken.None).ConfigureAwait(false);
            // A client without a `wit` section answers null: the initialization options' settings then stay.
            if (result is { Length: > 0 } && result[0].ValueKind == JsonValueKind.Object) Apply(server, ServerSettings.From(result[0]));
        }
        catch (Exception e) when (e is JsonRpcException or OperationCanceledException or JsonException)
        {
            server.Log($"could not read the wit settings: {e.Message}");
        }
    }

    private static void Apply(WitLanguageServer server, ServerSettings settings)
    {
        foreach (var problem in settings.Problems) server.Log($"setting ignored: {problem}");
        server.Settings = settings;
        server.Mutate(w => w.SetOptions(settings.Options));
    }
}
