namespace Wit.Core.Diagnostics;

/// <summary>Where each diagnostic code's documentation page is published (the repository's <c>docs/diagnostics/CODE.md</c>).</summary>
public static class DiagnosticDocs
{
    public const string BaseUri = "https://github.com/wit-language-tools/wit-language-tools/blob/main/docs/diagnostics/";

    public static string HelpUri(string code) => BaseUri + code + ".md";
}
