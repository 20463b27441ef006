using System.Linq;
using Wit.Ide.SignatureHelp;
using Wit.LanguageServer.Translation;
using Wit.Protocol;
using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Handlers;

/// <summary><c>textDocument/signatureHelp</c>: the parameters of type constructors (<c>list&lt;T, N&gt;</c>) and gate attributes.</summary>
internal static class SignatureHelpHandler
{
    public static readonly string[] TriggerCharacters = { "<", "(", "," };

    public static void Register(WitLanguageServer server)
    {
        server.Query("textDocument/signatureHelp", () => LspJsonContext.Default.SignatureHelpParams, () => LspJsonContext.Default.SignatureHelp, (snapshot, parameters, _) =>
        {
            if (server.Translator.Locate(snapshot, parameters) is not var (document, offset)) return null;
            if (SignatureHelpProvider.Help(snapshot, document.Path, offset) is not { } help) return null;
            return new SignatureHelp
            {
                ActiveSignature = help.ActiveSignature,
                ActiveParameter = help.ActiveParameter,
                Signatures = help.Signatures.Select(s => new SignatureInformation
                {
                    Label = s.Label,
                    Documentation = s.Documentation is { } docs ? LspTranslator.Markdown(docs) : null,
                    Parameters = s.Parameters.Select(p => new ParameterInformation
                    {
                        Label = p.Label,
                        Documentation = p.Documentation is { } d ? LspTranslator.Markdown(d) : null,
                    }).ToArray(),
                }).ToArray(),
            };
        });
    }
}
