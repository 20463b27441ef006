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
        // Read and answered without serialisation metadata (InitializeRequest.Read, InitializeAnswer): the answer does
        // not wait for the metadata of LSP's capability types, which nothing else needs.
        server.Connection.OnRawRequest("initialize", InitializeRequest.Read, (parameters, _) =>
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
            bool push = server.PushDiagnostics;
            return ValueTask.FromResult<Action<Utf8JsonWriter>>(writer => InitializeAnswer.Write(writer, push));
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
    /// Builds the serialisation metadata of the messages that follow <c>initialize</c> (<c>initialized</c>,
    /// <c>textDocument/didOpen</c>, the diagnostics the server publishes), and with the first of them what every use
    /// of the serialiser sets up once (the options' caches; the reflection that looks for polymorphism attributes).
    /// Run on another thread as the process starts, so that it is done, or nearly, when they arrive; <c>initialize</c>
    /// itself needs none of it.
    /// </summary>
    public static void PrepareSerialization()
    {
        try
        {
            BuildFirstMessagesMetadata();
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            // Only a head start: each message builds its metadata itself on first use and reports what fails.
        }
    }

    /// <summary>
    /// What <see cref="PrepareSerialization"/> does, with what fails thrown: the document opened and the diagnostics
    /// written (returned for the tests).
    /// </summary>
    internal static (DidOpenTextDocumentParams Opened, byte[] Published) BuildFirstMessagesMetadata()
    {
        var lsp = LspJsonContext.Default;
        JsonSerializer.Deserialize("{}"u8, lsp.EmptyParams);
        var opened = JsonSerializer.Deserialize("""{"textDocument":{"uri":"file:///a.wit","languageId":"wit","version":1,"text":""}}"""u8, lsp.DidOpenTextDocumentParams)!;
        var published = JsonSerializer.SerializeToUtf8Bytes(new PublishDiagnosticsParams { Uri = "file:///a.wit", Diagnostics = Array.Empty<Diagnostic>() }, lsp.PublishDiagnosticsParams);
        return (opened, published);
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
