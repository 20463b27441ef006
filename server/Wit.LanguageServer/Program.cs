namespace Wit.LanguageServer;

/// <summary>Entry point of the WIT language server; the LSP wiring lands with the handlers.</summary>
public static class Program
{
    public static int Main(string[] args) => args.Length == 0 ? 0 : 0;
}
