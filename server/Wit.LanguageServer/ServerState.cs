namespace Wit.LanguageServer;

/// <summary>The LSP lifecycle: requests are served only between <c>initialize</c> and <c>shutdown</c>.</summary>
internal enum ServerState
{
    Created,
    Initialized,
    ShutDown,
}
