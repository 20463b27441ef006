using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Wit.LanguageServer.Custom;
using Wit.Protocol;
using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Handlers;

/// <summary><c>initialize</c>, <c>initialized</c>, <c>shutdown</c>, <c>exit</c>: the server's lifecycle and capabilities.</summary>
internal static class LifecycleHandler
{
    public static void Register(WitLanguageServer server)
    {
        // Set by `initialize`, taken by `initialized`; both run exclusively, so no lock is needed.
        List<string>? pendingFolders = null;
        server.Connection.OnRequest("initialize", () => ServerJsonContext.Default.InitializeRequest, () => LspJsonContext.Default.InitializeResult, (parameters, _) =>
        {
            if (server.State != ServerState.Created) throw new JsonRpcException(JsonRpcErrorCodes.InvalidRequest, "initialize may be sent only once");
            server.SetClientCapabilities(parameters.Capabilities);
            var options = parameters.InitializationOptions;
            server.Settings = ServerSettings.From(options is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("settings", out var s) ? s : options);
            server.PushDiagnostics = !(options is { ValueKind: JsonValueKind.Object } opts
                && opts.TryGetProperty("diagnosticMode", out var mode) && mode.ValueKind == JsonValueKind.String && mode.GetString() == "pull");
            // The folders are searched for packages after the answer (on `initialized`, which a client sends before
            // anything else), so a large folder never delays `initialize`.
            pendingFolders = Folders(server, parameters);
            server.Mutate(workspace => workspace.SetOptions(server.Settings.Options));
            server.MarkInitialized();
            return ValueTask.FromResult<InitializeResult?>(new InitializeResult
            {
                Capabilities = ServerCapabilitiesFactory.Create(server),
                ServerInfo = new ServerInfo { Name = "wit-language-server", Version = typeof(LifecycleHandler).Assembly.GetName().Version?.ToString(3) },
            });
        }, RequestOrdering.Exclusive);

        server.Connection.OnNotification("initialized", () => LspJsonContext.Default.EmptyParams, (_, _) =>
        {
            if (server.State != ServerState.Initialized) return ValueTask.CompletedTask;
            if (pendingFolders is { } folders)
            {
                pendingFolders = null;
                server.Mutate(workspace => workspace.SetFolders(folders));
            }

            WorkspaceHandler.AfterInitialized(server);
            server.StartIdleWatch();
            return ValueTask.CompletedTask;
        }, RequestOrdering.Exclusive);

        server.Connection.OnRequest("shutdown", () => LspJsonContext.Default.EmptyParams, (_, _) =>
        {
            server.EnsureServing();
            server.MarkShutDown();
            return ValueTask.CompletedTask;
        }, RequestOrdering.Exclusive);

        server.Connection.OnNotification("exit", () => LspJsonContext.Default.EmptyParams, (_, _) =>
        {
            server.Exit();
            return ValueTask.CompletedTask;
        }, RequestOrdering.Immediate);
    }

    /// <summary>
    /// Builds the serialisation metadata of <c>initialize</c>'s params and result (the result's a graph of some forty
    /// types, configured on first use and partly through reflection), then of the client's capabilities, which
    /// <c>initialized</c> reads. Run on another thread as the process starts: the metadata is ready, or nearly, when the
    /// client's <c>initialize</c> arrives.
    /// </summary>
    public static void PrepareSerialization()
    {
        try
        {
            JsonSerializer.Deserialize("{}"u8, ServerJsonContext.Default.InitializeRequest);
            JsonSerializer.Serialize(System.IO.Stream.Null, new InitializeResult { Capabilities = new ServerCapabilities() }, LspJsonContext.Default.InitializeResult);
            JsonSerializer.Deserialize("{}"u8, LspJsonContext.Default.ClientCapabilities);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            // Only a head start: `initialize` builds the metadata itself and reports what fails.
        }
    }

    private static List<string> Folders(WitLanguageServer server, InitializeRequest parameters)
    {
        var uris = parameters.WorkspaceFolders?.Select(f => f.Uri).ToList() ?? new List<string>();
        if (uris.Count == 0 && parameters.RootUri is { } rootUri) uris.Add(rootUri);
        var paths = uris.Select(u => server.Translator.Uris.ToPath(u)).OfType<string>().ToList();
        if (paths.Count == 0 && parameters.RootPath is { Length: > 0 } rootPath)
        {
            try
            {
                paths.Add(System.IO.Path.GetFullPath(rootPath));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or System.IO.PathTooLongException)
            {
                server.Log($"ignoring rootPath '{rootPath}': {e.Message}");
            }
        }

        return paths;
    }
}
