using System.Collections.Generic;
using System.Text.Json;
using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Custom;

/// <summary>
/// <c>initialize</c>'s params as the server reads them: from the JSON itself (<see cref="Read"/>), as the first message
/// of a session is read and answered before any serialisation metadata is built (see
/// <see cref="Handlers.LifecycleHandler"/>). The client's capabilities and the initialisation options stay JSON; the
/// members the server does not use (client info, locale, trace) are skipped.
/// </summary>
internal sealed class InitializeRequest
{
    /// <summary>The process id of the parent process that started the server, or null.</summary>
    public int? ProcessId { get; set; }

    /// <summary>The root path of the workspace (deprecated in favour of <see cref="WorkspaceFolders"/>).</summary>
    public string? RootPath { get; set; }

    /// <summary>The root URI of the workspace (deprecated in favour of <see cref="WorkspaceFolders"/>).</summary>
    public string? RootUri { get; set; }

    /// <summary>User-provided initialisation options.</summary>
    public JsonElement? InitializationOptions { get; set; }

    /// <summary>The capabilities provided by the client, as sent.</summary>
    public JsonElement? Capabilities { get; set; }

    /// <summary>The workspace folders configured in the client when the server starts, or null when no folder is open.</summary>
    public WorkspaceFolder[]? WorkspaceFolders { get; set; }

    /// <summary>
    /// Reads the params as LSP types them, refusing (<see cref="JsonException"/>, answered as invalid params) what is not:
    /// params that are not an object, a <c>processId</c> that is not a 32-bit integer, a root that is not a string, a
    /// workspace folder without a string <c>uri</c> and <c>name</c>. JSON <c>null</c> is an absent member. What is kept
    /// of the message (capabilities, options) is cloned: the message's document does not outlive the reading.
    /// </summary>
    public static InitializeRequest Read(JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Object) throw new JsonException($"initialize's params must be an object, not {JsonShape.Describe(parameters)}.");
        var request = new InitializeRequest();
        if (Present(parameters, "processId") is { } processId)
        {
            request.ProcessId = processId.ValueKind == JsonValueKind.Number && processId.TryGetInt32(out int id)
                ? id
                : throw new JsonException($"processId must be an integer, not {JsonShape.Describe(processId)}.");
        }

        request.RootPath = String(parameters, "rootPath");
        request.RootUri = String(parameters, "rootUri");
        request.InitializationOptions = Present(parameters, "initializationOptions")?.Clone();
        request.Capabilities = Present(parameters, "capabilities")?.Clone();
        if (Present(parameters, "workspaceFolders") is { } folders)
        {
            if (folders.ValueKind != JsonValueKind.Array) throw new JsonException($"workspaceFolders must be an array, not {JsonShape.Describe(folders)}.");
            var list = new List<WorkspaceFolder>(folders.GetArrayLength());
            foreach (var folder in folders.EnumerateArray())
            {
                if (folder.ValueKind != JsonValueKind.Object) throw new JsonException($"a workspace folder must be an object, not {JsonShape.Describe(folder)}.");
                list.Add(new WorkspaceFolder
                {
                    Uri = String(folder, "uri") ?? throw new JsonException("a workspace folder must have a uri."),
                    Name = String(folder, "name") ?? throw new JsonException("a workspace folder must have a name."),
                });
            }

            request.WorkspaceFolders = list.ToArray();
        }

        return request;
    }

    /// <summary>The member <paramref name="name"/> of <paramref name="parent"/>, or null when it is absent or JSON null.</summary>
    private static JsonElement? Present(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>The string member <paramref name="name"/>, or null when absent or JSON null; anything else is refused.</summary>
    private static string? String(JsonElement parent, string name) => Present(parent, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { } value => throw new JsonException($"{name} must be a string, not {JsonShape.Describe(value)}."),
    };
}
