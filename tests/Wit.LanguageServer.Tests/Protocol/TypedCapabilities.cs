using System.Linq;
using Wit.LanguageServer.Handlers;
using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Tests.Protocol;

/// <summary>
/// What the server tells the client it can do, as Wit.Protocol's typed LSP model says it: the reference
/// <see cref="InitializeAnswerTests"/> holds the hand-written answer (<see cref="InitializeAnswer"/>) to. A capability
/// the server gains is added to both.
/// </summary>
internal static class TypedCapabilities
{
    public static ServerCapabilities Create(bool pushDiagnostics)
    {
        return new ServerCapabilities
        {
            PositionEncoding = "utf-16",
            TextDocumentSync = new TextDocumentSyncOptions { OpenClose = true, Change = TextDocumentSyncKind.Incremental, Save = new SaveOptions { IncludeText = false } },
            DiagnosticProvider = pushDiagnostics ? null : new DiagnosticOptions { Identifier = "wit", InterFileDependencies = true, WorkspaceDiagnostics = false },
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
            SemanticTokensProvider = new SemanticTokensOptions { Legend = new SemanticTokensLegend { TokenTypes = Ide.SemanticTokens.SemanticTokensLegend.TokenTypes.ToArray(), TokenModifiers = Ide.SemanticTokens.SemanticTokensLegend.TokenModifiers.ToArray() }, Range = true, Full = new SemanticTokensFullOptions { Delta = true } },
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
