using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wit.LanguageServer.Custom;
using Wit.LanguageServer.Handlers;
using Wit.Protocol;
using Wit.Protocol.Lsp;
using Xunit;

namespace Wit.LanguageServer.Tests.Protocol;

/// <summary>
/// <c>initialize</c> read and answered by hand (<see cref="InitializeRequest.Read"/>, <see cref="InitializeAnswer"/>,
/// <see cref="ClientFeatures"/>) against what Wit.Protocol's typed LSP model and its serialiser say.
/// </summary>
public sealed class InitializeAnswerTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_written_answer_is_the_typed_result_serialised(bool pushDiagnostics)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) InitializeAnswer.Write(writer, pushDiagnostics);
        var typed = new InitializeResult
        {
            Capabilities = TypedCapabilities.Create(pushDiagnostics),
            ServerInfo = new ServerInfo { Name = "wit-language-server", Version = InitializeAnswer.Version },
        };

        var written = JsonNode.Parse(buffer.ToArray());
        var expected = JsonNode.Parse(JsonSerializer.Serialize(typed, LspJsonContext.Default.InitializeResult));
        Assert.True(JsonNode.DeepEquals(expected, written), $"written:\n{written}\nexpected:\n{expected}");
        // Every member written is one of the typed model's (a misspelt one would be dropped by reading it back).
        var roundTrip = JsonSerializer.Deserialize(buffer.ToArray(), LspJsonContext.Default.InitializeResult)!;
        Assert.True(JsonNode.DeepEquals(written, JsonNode.Parse(JsonSerializer.Serialize(roundTrip, LspJsonContext.Default.InitializeResult))));
        Assert.Equal(!pushDiagnostics, written!["capabilities"]!["diagnosticProvider"] is not null);
    }

    [Fact]
    public void Params_are_read_as_LSP_types_them()
    {
        var request = Read("""
            {"processId": 42, "clientInfo": {"name": "code"}, "locale": "en", "rootPath": "/ws", "rootUri": "file:///ws",
             "initializationOptions": {"diagnosticMode": "pull"}, "capabilities": {"workspace": {"configuration": true}},
             "trace": "off", "workspaceFolders": [{"uri": "file:///a", "name": "a"}, {"uri": "file:///b", "name": "b"}]}
            """);

        Assert.Equal(42, request.ProcessId);
        Assert.Equal("/ws", request.RootPath);
        Assert.Equal("file:///ws", request.RootUri);
        Assert.Equal("pull", request.InitializationOptions!.Value.GetProperty("diagnosticMode").GetString());
        Assert.True(request.Capabilities!.Value.GetProperty("workspace").GetProperty("configuration").GetBoolean());
        Assert.Equal(new[] { "file:///a", "file:///b" }, request.WorkspaceFolders!.Select(f => f.Uri));
        Assert.Equal(new[] { "a", "b" }, request.WorkspaceFolders!.Select(f => f.Name));
    }

    [Fact]
    public void Null_and_absent_members_are_absent()
    {
        foreach (string json in new[] { "{}", """{"processId":null,"rootPath":null,"rootUri":null,"initializationOptions":null,"capabilities":null,"workspaceFolders":null}""" })
        {
            var request = Read(json);
            Assert.Null(request.ProcessId);
            Assert.Null(request.RootPath);
            Assert.Null(request.RootUri);
            Assert.Null(request.InitializationOptions);
            Assert.Null(request.Capabilities);
            Assert.Null(request.WorkspaceFolders);
        }
    }

    [Theory]
    [InlineData("[]", "params must be an object")]
    [InlineData("\"x\"", "params must be an object")]
    [InlineData("""{"processId":"42"}""", "processId must be an integer, not a string")]
    [InlineData("""{"processId":4294967296}""", "processId must be an integer")]
    [InlineData("""{"processId":1.5}""", "processId must be an integer")]
    [InlineData("""{"rootUri":5}""", "rootUri must be a string, not a number")]
    [InlineData("""{"rootPath":{}}""", "rootPath must be a string, not an object")]
    [InlineData("""{"workspaceFolders":{}}""", "workspaceFolders must be an array")]
    [InlineData("""{"workspaceFolders":[5]}""", "a workspace folder must be an object")]
    [InlineData("""{"workspaceFolders":[{"name":"a"}]}""", "must have a uri")]
    [InlineData("""{"workspaceFolders":[{"uri":"file:///a"}]}""", "must have a name")]
    [InlineData("""{"workspaceFolders":[{"uri":"file:///a","name":false}]}""", "name must be a string, not a boolean")]
    public void Params_LSP_does_not_allow_are_refused(string json, string message)
    {
        var error = Assert.Throws<JsonException>(() => Read(json));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void What_is_kept_outlives_the_message()
    {
        InitializeRequest request;
        using (var document = JsonDocument.Parse("""{"capabilities":{"general":{"positionEncodings":["utf-16"]}},"initializationOptions":[1,2,3]}"""))
        {
            request = InitializeRequest.Read(document.RootElement);
        }

        Assert.Equal("utf-16", request.Capabilities!.Value.GetProperty("general").GetProperty("positionEncodings")[0].GetString());
        Assert.Equal(3, request.InitializationOptions!.Value.GetArrayLength());
    }

    [Theory]
    [InlineData("""{"workspace":{"configuration":true,"didChangeWatchedFiles":{"dynamicRegistration":true}}}""", true, true, false)]
    [InlineData("""{"workspace":{"configuration":false,"didChangeWatchedFiles":{"dynamicRegistration":true}}}""", false, true, false)]
    [InlineData("""{"workspace":{"configuration":true}}""", true, false, false)]
    [InlineData("""{"workspace":{"didChangeWatchedFiles":null,"configuration":null}}""", false, false, false)]
    // What the server never reads may have any shape: it neither hides the two nor gets logged.
    [InlineData("""{"textDocument":{"hover":5},"workspace":{"configuration":true,"applyEdit":"yes"}}""", true, false, false)]
    [InlineData("""{"workspace":5}""", false, false, true)]
    [InlineData("""{"workspace":{"configuration":"yes","didChangeWatchedFiles":{"dynamicRegistration":true}}}""", false, true, true)]
    [InlineData("""{"workspace":{"configuration":true,"didChangeWatchedFiles":[]}}""", true, false, true)]
    [InlineData("""{"workspace":{"didChangeWatchedFiles":{"dynamicRegistration":1}}}""", false, false, true)]
    [InlineData("[]", false, false, false)]
    [InlineData("null", false, false, false)]
    public void Client_features_are_read_where_the_server_looks(string capabilities, bool configuration, bool watchers, bool logged)
    {
        var log = new StringBuilder();
        using var document = JsonDocument.Parse(capabilities);

        var features = ClientFeatures.Read(document.RootElement, line => log.AppendLine(line));

        Assert.Equal(configuration, features.Configuration);
        Assert.Equal(watchers, features.WatchedFilesRegistration);
        Assert.Equal(logged, log.ToString().StartsWith("ignoring the client's capabilities, which do not read as LSP's: workspace", StringComparison.Ordinal));
    }

    [Fact]
    public void The_head_start_on_the_first_messages_metadata_reads_and_writes_them()
    {
        // PrepareSerialization swallows what fails (it is only a head start): its messages must be ones that read.
        var (opened, published) = LifecycleHandler.BuildFirstMessagesMetadata();

        Assert.Equal("file:///a.wit", opened.TextDocument.Uri);
        Assert.Equal(1, opened.TextDocument.Version);
        var written = JsonNode.Parse(published)!;
        Assert.Equal("file:///a.wit", written["uri"]!.GetValue<string>());
        Assert.Empty(written["diagnostics"]!.AsArray());
    }

    private static InitializeRequest Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return InitializeRequest.Read(document.RootElement);
    }
}
