using System.Text.Json;
using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Custom;

/// <summary>
/// <c>initialize</c>'s params as the server reads them. The client's capabilities stay JSON until something asks for
/// them (<see cref="WitLanguageServer.Client"/>, after the answer): deserialising them into Wit.Protocol's
/// <see cref="ClientCapabilities"/> means building the serialisation metadata of its forty-odd types first, partly
/// through reflection, which was a fifth of the native server's CPU from start to the <c>initialize</c> answer.
/// The members the server does not use (client info, locale, trace) are skipped.
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
}
