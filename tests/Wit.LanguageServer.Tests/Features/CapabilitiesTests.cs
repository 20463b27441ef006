using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.Core.Workspace;
using Wit.LanguageServer.Tests.TestKit;
using Xunit;

namespace Wit.LanguageServer.Tests.Features;

public class CapabilitiesTests
{
    [Fact]
    public async Task Initialize_advertises_every_feature()
    {
        await using var client = new LspTestClient(new InMemoryFileSystem());

        var result = await client.ResultAsync("initialize", new JsonObject { ["processId"] = null, ["rootUri"] = null, ["capabilities"] = new JsonObject() });

        var capabilities = result!["capabilities"]!;
        foreach (var provider in new[]
        {
            "hoverProvider", "definitionProvider", "declarationProvider", "typeDefinitionProvider", "referencesProvider",
            "documentHighlightProvider", "typeHierarchyProvider", "callHierarchyProvider", "documentSymbolProvider",
            "workspaceSymbolProvider", "foldingRangeProvider", "selectionRangeProvider", "documentFormattingProvider",
            "documentRangeFormattingProvider",
        })
        {
            Assert.True(capabilities[provider]?.GetValue<bool>() == true, provider);
        }

        Assert.Equal("utf-16", capabilities["positionEncoding"]!.GetValue<string>());
        Assert.Equal(2, capabilities["textDocumentSync"]!["change"]!.GetValue<int>());
        Assert.True(capabilities["textDocumentSync"]!["openClose"]!.GetValue<bool>());
        Assert.Contains(".", capabilities["completionProvider"]!["triggerCharacters"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Contains("<", capabilities["signatureHelpProvider"]!["triggerCharacters"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.True(capabilities["renameProvider"]!["prepareProvider"]!.GetValue<bool>());
        var tokens = capabilities["semanticTokensProvider"]!;
        Assert.True(tokens["range"]!.GetValue<bool>());
        Assert.True(tokens["full"]!["delta"]!.GetValue<bool>());
        Assert.NotEmpty(tokens["legend"]!["tokenTypes"]!.AsArray());
        Assert.Contains("quickfix", capabilities["codeActionProvider"]!["codeActionKinds"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.NotNull(capabilities["inlayHintProvider"]);
        Assert.NotNull(capabilities["codeLensProvider"]);
        Assert.True(capabilities["workspace"]!["workspaceFolders"]!["supported"]!.GetValue<bool>());
        Assert.True(capabilities["workspace"]!["workspaceFolders"]!["changeNotifications"]!.GetValue<bool>());
    }
}
