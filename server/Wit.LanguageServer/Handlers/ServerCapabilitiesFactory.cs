using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Handlers;

/// <summary>What the server tells the client it can do, in <c>initialize</c>'s result (one entry per registered handler).</summary>
internal static class ServerCapabilitiesFactory
{
    public static ServerCapabilities Create(WitLanguageServer server)
    {
        return new ServerCapabilities
        {
            PositionEncoding = "utf-16",
            TextDocumentSync = new TextDocumentSyncOptions { OpenClose = true, Change = TextDocumentSyncKind.Incremental, Save = new SaveOptions { IncludeText = false } },
            DiagnosticProvider = server.PushDiagnostics ? null : new DiagnosticOptions { Identifier = "wit", InterFileDependencies = true, WorkspaceDiagnostics = false },
            HoverProvider = true,
            CompletionProvider = new CompletionOptions { TriggerCharacters = CompletionHandler.TriggerCharacters, ResolveProvider = false },
            SignatureHelpProvider = new SignatureHelpOptions { TriggerCharacters = SignatureHelpHandler.TriggerCharacters },
            DefinitionProvider = true,
            DeclarationProvider = true,
            TypeDefinitionProvider = true,
            ReferencesProvider = true,
            DocumentHighlightProvider = true,
            RenameProvider = new RenameOptions { PrepareProvider = true },
            TypeHierarchyProvider = true,
            CallHierarchyProvider = true,
            DocumentSymbolProvider = true,
            WorkspaceSymbolProvider = true,
            SemanticTokensProvider = new SemanticTokensOptions { Legend = SemanticTokensHandler.Legend, Range = true, Full = new SemanticTokensFullOptions { Delta = true } },
            FoldingRangeProvider = true,
            SelectionRangeProvider = true,
            DocumentFormattingProvider = true,
            DocumentRangeFormattingProvider = true,
            CodeActionProvider = new CodeActionOptions { CodeActionKinds = CodeActionHandler.Kinds },
            InlayHintProvider = new InlayHintOptions { ResolveProvider = false },
            CodeLensProvider = new CodeLensOptions { ResolveProvider = false },
            Workspace = new ServerWorkspaceCapabilities { WorkspaceFolders = new WorkspaceFoldersServerCapabilities { Supported = true, ChangeNotifications = true } },
        };
    }
}
