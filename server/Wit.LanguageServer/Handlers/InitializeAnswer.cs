using System.Collections.Generic;
using System.Text.Json;

namespace Wit.LanguageServer.Handlers;

/// <summary>
/// <c>initialize</c>'s result, the server's capabilities and name, written by hand: the first answer of a session goes
/// out without the serialisation metadata of LSP's capability types (forty-odd, configured on first use and partly
/// through reflection), which the server never needs otherwise. What it writes is what serialising Wit.Protocol's
/// <c>InitializeResult</c> gives (<c>InitializeAnswerTests</c> compares the two).
/// </summary>
internal static class InitializeAnswer
{
    /// <summary>The server's version (three parts), as <c>serverInfo</c> reports it.</summary>
    public static readonly string? Version = typeof(InitializeAnswer).Assembly.GetName().Version?.ToString(3);

    /// <summary>
    /// Writes the result: diagnostics are pulled (<c>diagnosticProvider</c>) only when the client asked for that mode
    /// (<paramref name="pushDiagnostics"/> false).
    /// </summary>
    public static void Write(Utf8JsonWriter writer, bool pushDiagnostics)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("capabilities");
        writer.WriteString("positionEncoding", "utf-16");

        writer.WriteStartObject("textDocumentSync");
        writer.WriteBoolean("openClose", true);
        writer.WriteNumber("change", (int)Protocol.Lsp.TextDocumentSyncKind.Incremental);
        writer.WriteStartObject("save");
        writer.WriteBoolean("includeText", false);
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartObject("completionProvider");
        Strings(writer, "triggerCharacters", CompletionHandler.TriggerCharacters);
        writer.WriteBoolean("resolveProvider", false);
        writer.WriteEndObject();
        writer.WriteBoolean("hoverProvider", true);
        writer.WriteStartObject("signatureHelpProvider");
        Strings(writer, "triggerCharacters", SignatureHelpHandler.TriggerCharacters);
        writer.WriteEndObject();
        writer.WriteBoolean("declarationProvider", true);
        writer.WriteBoolean("definitionProvider", true);
        writer.WriteBoolean("typeDefinitionProvider", true);
        writer.WriteBoolean("referencesProvider", true);
        writer.WriteBoolean("documentHighlightProvider", true);
        writer.WriteBoolean("documentSymbolProvider", true);
        writer.WriteStartObject("codeActionProvider");
        Strings(writer, "codeActionKinds", CodeActionHandler.Kinds);
        writer.WriteEndObject();
        Resolving(writer, "codeLensProvider");
        writer.WriteBoolean("documentFormattingProvider", true);
        writer.WriteBoolean("documentRangeFormattingProvider", true);
        writer.WriteStartObject("renameProvider");
        writer.WriteBoolean("prepareProvider", true);
        writer.WriteEndObject();
        writer.WriteBoolean("foldingRangeProvider", true);
        writer.WriteBoolean("selectionRangeProvider", true);
        writer.WriteBoolean("callHierarchyProvider", true);

        writer.WriteStartObject("semanticTokensProvider");
        writer.WriteStartObject("legend");
        Strings(writer, "tokenTypes", Ide.SemanticTokens.SemanticTokensLegend.TokenTypes);
        Strings(writer, "tokenModifiers", Ide.SemanticTokens.SemanticTokensLegend.TokenModifiers);
        writer.WriteEndObject();
        writer.WriteBoolean("range", true);
        writer.WriteStartObject("full");
        writer.WriteBoolean("delta", true);
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteBoolean("typeHierarchyProvider", true);
        Resolving(writer, "inlayHintProvider");
        if (!pushDiagnostics)
        {
            writer.WriteStartObject("diagnosticProvider");
            writer.WriteString("identifier", "wit");
            writer.WriteBoolean("interFileDependencies", true);
            writer.WriteBoolean("workspaceDiagnostics", false);
            writer.WriteEndObject();
        }

        writer.WriteBoolean("workspaceSymbolProvider", true);
        writer.WriteStartObject("workspace");
        writer.WriteStartObject("workspaceFolders");
        writer.WriteBoolean("supported", true);
        writer.WriteBoolean("changeNotifications", true);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject(); // capabilities

        writer.WriteStartObject("serverInfo");
        writer.WriteString("name", "wit-language-server");
        if (Version is not null) writer.WriteString("version", Version);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Options whose items the server does not resolve later: <c>{"resolveProvider": false}</c>.</summary>
    private static void Resolving(Utf8JsonWriter writer, string name)
    {
        writer.WriteStartObject(name);
        writer.WriteBoolean("resolveProvider", false);
        writer.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }
}
