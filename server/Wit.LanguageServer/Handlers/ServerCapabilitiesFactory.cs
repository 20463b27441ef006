using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Handlers;

/// <summary>What the server tells the client it can do, in <c>initialize</c>'s result.</summary>
internal static class ServerCapabilitiesFactory
{
    public static ServerCapabilities Create(WitLanguageServer server)
    {
        return new ServerCapabilities
        {
            PositionEncoding = "utf-16",
            TextDocumentSync = new TextDocumentSyncOptions { OpenClose = true, Change = TextDocumentSyncKind.Incremental, Save = new SaveOptions { IncludeText = false } },
            DiagnosticProvider = server.PushDiagnostics ? null : new DiagnosticOptions { Identifier = "wit", InterFileDependencies = true, WorkspaceDiagnostics = false },
            Workspace = new ServerWorkspaceCapabilities { WorkspaceFolders = new WorkspaceFoldersServerCapabilities { Supported = true, ChangeNotifications = true } },
        };
    }
}
