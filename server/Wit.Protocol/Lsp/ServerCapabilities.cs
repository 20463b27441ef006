using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The capabilities a server provides. Providers that LSP types as <c>boolean | Options</c> are booleans here unless the options carry something this server needs.</summary>
public sealed class ServerCapabilities
{
    /// <summary>The position encoding the server picked from the client's offers; see <see cref="PositionEncodingKind"/>.</summary>
    public string? PositionEncoding { get; set; }

    /// <summary>How text documents are synced.</summary>
    public TextDocumentSyncOptions? TextDocumentSync { get; set; }

    /// <summary>The server's completion support.</summary>
    public CompletionOptions? CompletionProvider { get; set; }

    /// <summary>Whether the server provides hover support.</summary>
    public bool? HoverProvider { get; set; }

    /// <summary>The server's signature help support.</summary>
    public SignatureHelpOptions? SignatureHelpProvider { get; set; }

    /// <summary>Whether the server provides go to declaration.</summary>
    public bool? DeclarationProvider { get; set; }

    /// <summary>Whether the server provides go to definition.</summary>
    public bool? DefinitionProvider { get; set; }

    /// <summary>Whether the server provides go to type definition.</summary>
    public bool? TypeDefinitionProvider { get; set; }

    /// <summary>Whether the server provides go to implementation.</summary>
    public bool? ImplementationProvider { get; set; }

    /// <summary>Whether the server provides find references.</summary>
    public bool? ReferencesProvider { get; set; }

    /// <summary>Whether the server provides document highlights.</summary>
    public bool? DocumentHighlightProvider { get; set; }

    /// <summary>Whether the server provides document symbols.</summary>
    public bool? DocumentSymbolProvider { get; set; }

    /// <summary>The server's code action support.</summary>
    public CodeActionOptions? CodeActionProvider { get; set; }

    /// <summary>The server's code lens support.</summary>
    public CodeLensOptions? CodeLensProvider { get; set; }

    /// <summary>Whether the server provides document formatting.</summary>
    public bool? DocumentFormattingProvider { get; set; }

    /// <summary>Whether the server provides range formatting.</summary>
    public bool? DocumentRangeFormattingProvider { get; set; }

    /// <summary>The server's rename support.</summary>
    public RenameOptions? RenameProvider { get; set; }

    /// <summary>Whether the server provides folding ranges.</summary>
    public bool? FoldingRangeProvider { get; set; }

    /// <summary>The server's execute command support.</summary>
    public ExecuteCommandOptions? ExecuteCommandProvider { get; set; }

    /// <summary>Whether the server provides selection ranges.</summary>
    public bool? SelectionRangeProvider { get; set; }

    /// <summary>Whether the server provides call hierarchy support.</summary>
    public bool? CallHierarchyProvider { get; set; }

    /// <summary>The server's semantic tokens support.</summary>
    public SemanticTokensOptions? SemanticTokensProvider { get; set; }

    /// <summary>Whether the server provides type hierarchy support.</summary>
    public bool? TypeHierarchyProvider { get; set; }

    /// <summary>The server's inlay hint support.</summary>
    public InlayHintOptions? InlayHintProvider { get; set; }

    /// <summary>The server's pull diagnostics support.</summary>
    public DiagnosticOptions? DiagnosticProvider { get; set; }

    /// <summary>Whether the server provides workspace symbol support.</summary>
    public bool? WorkspaceSymbolProvider { get; set; }

    /// <summary>Workspace-specific server capabilities.</summary>
    public ServerWorkspaceCapabilities? Workspace { get; set; }

    /// <summary>Experimental server capabilities.</summary>
    public JsonElement? Experimental { get; set; }
}
