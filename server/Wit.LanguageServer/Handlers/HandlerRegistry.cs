namespace Wit.LanguageServer.Handlers;

/// <summary>Registers every handler with the server's connection (one class per feature; see ARCHITECTURE.md's table).</summary>
internal static class HandlerRegistry
{
    public static void RegisterAll(WitLanguageServer server)
    {
        LifecycleHandler.Register(server);
        TextSyncHandler.Register(server);
        WorkspaceHandler.Register(server);
        DiagnosticHandler.Register(server);
        HoverHandler.Register(server);
        CompletionHandler.Register(server);
        SignatureHelpHandler.Register(server);
        NavigationHandler.Register(server);
        RenameHandler.Register(server);
        HierarchyHandler.Register(server);
        SymbolHandler.Register(server);
        SemanticTokensHandler.Register(server);
        StructureHandler.Register(server);
        CodeActionHandler.Register(server);
        InlayHintHandler.Register(server);
        CodeLensHandler.Register(server);
        PreviewHandler.Register(server);
        WasmHandler.Register(server);
    }
}
