using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Wit.Protocol.Lsp;
using Xunit;
using Range = Wit.Protocol.Lsp.Range;

namespace Wit.Protocol.Tests;

public sealed class LspSerializationTests
{
    private static Range R(int l1, int c1, int l2, int c2) => new() { Start = new Position { Line = l1, Character = c1 }, End = new Position { Line = l2, Character = c2 } };

    [Fact]
    public void Hover_uses_camel_case_markdown_and_omits_nulls()
    {
        var hover = new Hover { Contents = new MarkupContent { Kind = MarkupKind.Markdown, Value = "**u32**" } };

        string json = JsonSerializer.Serialize(hover, LspJsonContext.Default.Hover);

        Assert.Equal("{\"contents\":{\"kind\":\"markdown\",\"value\":\"**u32**\"}}", json);
    }

    [Fact]
    public void Diagnostic_has_numeric_enums_and_a_string_code()
    {
        var diagnostic = new Diagnostic
        {
            Range = R(1, 2, 1, 5),
            Severity = DiagnosticSeverity.Warning,
            Code = "WIT2009",
            CodeDescription = new CodeDescription { Href = "https://example.org/WIT2009" },
            Source = "wit",
            Message = "unused use",
            Tags = [DiagnosticTag.Unnecessary],
        };

        string json = JsonSerializer.Serialize(diagnostic, LspJsonContext.Default.Diagnostic);

        Assert.Equal(
            "{\"range\":{\"start\":{\"line\":1,\"character\":2},\"end\":{\"line\":1,\"character\":5}},\"severity\":2,\"code\":\"WIT2009\","
            + "\"codeDescription\":{\"href\":\"https://example.org/WIT2009\"},\"source\":\"wit\",\"message\":\"unused use\",\"tags\":[1]}",
            json);
    }

    [Fact]
    public void Diagnostic_data_round_trips()
    {
        string json = "{\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":1}},\"message\":\"m\",\"data\":{\"fix\":[1,2]}}";

        Diagnostic diagnostic = JsonSerializer.Deserialize(json, LspJsonContext.Default.Diagnostic)!;

        Assert.Equal(2, diagnostic.Data!.Value.GetProperty("fix")[1].GetInt32());
        Assert.Null(diagnostic.Severity);
        Assert.Equal(json, JsonSerializer.Serialize(diagnostic, LspJsonContext.Default.Diagnostic));
    }

    [Fact]
    public void SemanticTokens_data_is_a_flat_integer_array()
    {
        var tokens = new SemanticTokens { ResultId = "3", Data = [0, 4, 5, 1, 0, 1, 2, 3, 2, 1] };

        Assert.Equal("{\"resultId\":\"3\",\"data\":[0,4,5,1,0,1,2,3,2,1]}", JsonSerializer.Serialize(tokens, LspJsonContext.Default.SemanticTokens));
    }

    [Fact]
    public void Semantic_tokens_delta_result_carries_either_shape()
    {
        var delta = new SemanticTokensFullDeltaResult { ResultId = "4", Edits = [new SemanticTokensEdit { Start = 5, DeleteCount = 1, Data = [7] }] };
        var full = new SemanticTokensFullDeltaResult { ResultId = "5", Data = [1, 2, 3, 4, 5] };

        Assert.Equal("{\"resultId\":\"4\",\"edits\":[{\"start\":5,\"deleteCount\":1,\"data\":[7]}]}", JsonSerializer.Serialize(delta, LspJsonContext.Default.SemanticTokensFullDeltaResult));
        Assert.Equal("{\"resultId\":\"5\",\"data\":[1,2,3,4,5]}", JsonSerializer.Serialize(full, LspJsonContext.Default.SemanticTokensFullDeltaResult));
    }

    [Fact]
    public void WorkspaceEdit_changes_are_keyed_by_the_exact_uri()
    {
        var edit = new WorkspaceEdit
        {
            Changes = new Dictionary<string, TextEdit[]>
            {
                ["file:///Work/My%20Pkg/World.wit"] = [new TextEdit { Range = R(0, 0, 0, 3), NewText = "new" }],
            },
        };

        string json = JsonSerializer.Serialize(edit, LspJsonContext.Default.WorkspaceEdit);

        Assert.Equal("{\"changes\":{\"file:///Work/My%20Pkg/World.wit\":[{\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":3}},\"newText\":\"new\"}]}}", json);
    }

    [Fact]
    public void Optional_version_is_written_as_null_rather_than_omitted()
    {
        var edit = new TextDocumentEdit { TextDocument = new OptionalVersionedTextDocumentIdentifier { Uri = "file:///a.wit" }, Edits = [] };

        Assert.Equal("{\"textDocument\":{\"version\":null,\"uri\":\"file:///a.wit\"},\"edits\":[]}", JsonSerializer.Serialize(edit, LspJsonContext.Default.TextDocumentEdit));
    }

    [Fact]
    public void InitializeParams_with_unknown_members_parses()
    {
        const string json = """
            {
              "processId": 1234,
              "clientInfo": { "name": "Visual Studio Code", "version": "1.99.0" },
              "locale": "en",
              "rootPath": "/work",
              "rootUri": "file:///work",
              "initializationOptions": { "lint": { "enabled": true } },
              "somethingNew": [1, 2, { "x": null }],
              "capabilities": {
                "general": { "positionEncodings": ["utf-16"], "staleRequestSupport": { "cancel": true } },
                "textDocument": {
                  "hover": { "dynamicRegistration": true, "contentFormat": ["markdown", "plaintext"] },
                  "completion": { "completionItem": { "snippetSupport": true, "resolveSupport": { "properties": ["documentation"] } } },
                  "publishDiagnostics": { "relatedInformation": true, "tagSupport": { "valueSet": [1, 2] } },
                  "semanticTokens": { "requests": { "range": true, "full": { "delta": true } }, "tokenTypes": ["type"], "tokenModifiers": [], "formats": ["relative"] },
                  "codeAction": { "codeActionLiteralSupport": { "codeActionKind": { "valueSet": ["quickfix", "refactor"] } } },
                  "rename": { "prepareSupport": true, "prepareSupportDefaultBehavior": 1 }
                },
                "workspace": { "configuration": true, "workspaceFolders": true, "didChangeWatchedFiles": { "dynamicRegistration": true } },
                "window": { "workDoneProgress": true, "showMessage": {} }
              },
              "trace": "off",
              "workspaceFolders": [{ "uri": "file:///work", "name": "work" }]
            }
            """;

        InitializeParams p = JsonSerializer.Deserialize(json, LspJsonContext.Default.InitializeParams)!;

        Assert.Equal(1234, p.ProcessId);
        Assert.Equal("Visual Studio Code", p.ClientInfo!.Name);
        Assert.True(p.InitializationOptions!.Value.GetProperty("lint").GetProperty("enabled").GetBoolean());
        Assert.Equal(["utf-16"], p.Capabilities.General!.PositionEncodings!);
        Assert.Equal(["markdown", "plaintext"], p.Capabilities.TextDocument!.Hover!.ContentFormat!);
        Assert.True(p.Capabilities.TextDocument.Completion!.CompletionItem!.SnippetSupport);
        Assert.True(p.Capabilities.TextDocument.PublishDiagnostics!.RelatedInformation);
        Assert.True(p.Capabilities.TextDocument.SemanticTokens!.Requests!.Value.GetProperty("full").GetProperty("delta").GetBoolean());
        Assert.Equal(["quickfix", "refactor"], p.Capabilities.TextDocument.CodeAction!.CodeActionLiteralSupport!.CodeActionKind.ValueSet);
        Assert.True(p.Capabilities.TextDocument.Rename!.PrepareSupport);
        Assert.True(p.Capabilities.Workspace!.Configuration);
        Assert.True(p.Capabilities.Workspace.DidChangeWatchedFiles!.DynamicRegistration);
        Assert.True(p.Capabilities.Window!.WorkDoneProgress);
        Assert.Equal("work", p.WorkspaceFolders!.Single().Name);
    }

    [Fact]
    public void InitializeParams_with_null_process_and_no_capabilities_parses()
    {
        InitializeParams p = JsonSerializer.Deserialize("{\"processId\":null,\"rootUri\":null}", LspJsonContext.Default.InitializeParams)!;

        Assert.Null(p.ProcessId);
        Assert.Null(p.Capabilities.TextDocument);
    }

    [Fact]
    public void Content_change_without_range_is_a_full_replacement()
    {
        const string json = "{\"textDocument\":{\"uri\":\"file:///a.wit\",\"version\":3},\"contentChanges\":[{\"text\":\"all\"},{\"range\":{\"start\":{\"line\":0,\"character\":1},\"end\":{\"line\":0,\"character\":2}},\"rangeLength\":1,\"text\":\"x\"}]}";

        DidChangeTextDocumentParams p = JsonSerializer.Deserialize(json, LspJsonContext.Default.DidChangeTextDocumentParams)!;

        Assert.Equal(3, p.TextDocument.Version);
        Assert.Null(p.ContentChanges[0].Range);
        Assert.Equal(1, p.ContentChanges[1].Range!.Start.Character);
        Assert.Equal(1, p.ContentChanges[1].RangeLength);
    }

    [Fact]
    public void Missing_required_member_fails_to_deserialize()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"textDocument\":{\"uri\":\"file:///a.wit\"}}", LspJsonContext.Default.HoverParams));
    }

    [Fact]
    public void Server_capabilities_serialise_providers_and_options()
    {
        var capabilities = new ServerCapabilities
        {
            PositionEncoding = PositionEncodingKind.Utf16,
            TextDocumentSync = new TextDocumentSyncOptions { OpenClose = true, Change = TextDocumentSyncKind.Incremental },
            HoverProvider = true,
            RenameProvider = new RenameOptions { PrepareProvider = true },
            SemanticTokensProvider = new SemanticTokensOptions
            {
                Legend = new SemanticTokensLegend { TokenTypes = ["type"], TokenModifiers = ["declaration"] },
                Full = new SemanticTokensFullOptions { Delta = true },
            },
        };

        string json = JsonSerializer.Serialize(new InitializeResult { Capabilities = capabilities, ServerInfo = new ServerInfo { Name = "wit" } }, LspJsonContext.Default.InitializeResult);

        Assert.Equal(
            "{\"capabilities\":{\"positionEncoding\":\"utf-16\",\"textDocumentSync\":{\"openClose\":true,\"change\":2},\"hoverProvider\":true,"
            + "\"renameProvider\":{\"prepareProvider\":true},\"semanticTokensProvider\":{\"legend\":{\"tokenTypes\":[\"type\"],\"tokenModifiers\":[\"declaration\"]},\"full\":{\"delta\":true}}},"
            + "\"serverInfo\":{\"name\":\"wit\"}}",
            json);
    }

    [Fact]
    public void Completion_item_enums_are_numbers_and_command_keeps_its_json_name()
    {
        var item = new CompletionItem
        {
            Label = "u32",
            Kind = CompletionItemKind.Keyword,
            InsertTextFormat = InsertTextFormat.Snippet,
            Command = new Command { Title = "t", CommandName = "wit.show" },
        };

        Assert.Equal(
            "{\"label\":\"u32\",\"kind\":14,\"insertTextFormat\":2,\"command\":{\"title\":\"t\",\"command\":\"wit.show\"}}",
            JsonSerializer.Serialize(item, LspJsonContext.Default.CompletionItem));
    }

    [Fact]
    public void Selection_range_chain_nests_parents()
    {
        var range = new SelectionRange { Range = R(0, 1, 0, 2), Parent = new SelectionRange { Range = R(0, 0, 0, 9) } };

        JsonElement json = JsonSerializer.SerializeToElement(new[] { range }, LspJsonContext.Default.SelectionRangeArray);

        Assert.Equal(9, json[0].GetProperty("parent").GetProperty("range").GetProperty("end").GetProperty("character").GetInt32());
        Assert.False(json[0].GetProperty("parent").TryGetProperty("parent", out _));
    }

    [Fact]
    public void Selection_range_chain_deeper_than_the_max_depth_fails_with_an_exception_not_a_stack_overflow()
    {
        // Today's behaviour, by design: the serializer recurses per level, bounded by LspJsonContext's MaxDepth (256);
        // the language server cuts deeper chains before sending them.
        var range = new SelectionRange { Range = R(0, 0, 0, 1) };
        for (int i = 0; i < 1000; i++)
        {
            range = new SelectionRange { Range = R(0, 0, 0, 1), Parent = range };
        }

        // The writer reports the depth as InvalidOperationException; JsonRpcConnection answers it with InternalError.
        Assert.Throws<InvalidOperationException>(() => JsonSerializer.Serialize(range, LspJsonContext.Default.SelectionRange));
    }

    [Theory]
    [InlineData("\"tok-1\"")]
    [InlineData("17")]
    public void String_or_number_round_trips_its_kind(string json)
    {
        StringOrNumber value = JsonSerializer.Deserialize(json, LspJsonContext.Default.StringOrNumber);

        Assert.Equal(json.StartsWith('"'), value.IsString);
        Assert.Equal(json, JsonSerializer.Serialize(value, LspJsonContext.Default.StringOrNumber));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("1.5", LspJsonContext.Default.StringOrNumber));
    }

    [Fact]
    public void Formatting_options_keep_unknown_keys()
    {
        FormattingOptions options = JsonSerializer.Deserialize("{\"tabSize\":4,\"insertSpaces\":true,\"custom\":\"x\"}", LspJsonContext.Default.FormattingOptions)!;

        Assert.Equal(4, options.TabSize);
        Assert.Equal("x", options.AdditionalOptions!["custom"].GetString());
    }

    [Fact]
    public void Progress_values_carry_their_kind()
    {
        Assert.Equal("{\"kind\":\"end\",\"message\":\"done\"}", JsonSerializer.Serialize(new WorkDoneProgressEnd { Message = "done" }, LspJsonContext.Default.WorkDoneProgressEnd));
        Assert.Equal("{\"kind\":\"report\",\"percentage\":50}", JsonSerializer.Serialize(new WorkDoneProgressReport { Percentage = 50 }, LspJsonContext.Default.WorkDoneProgressReport));
    }

    [Fact]
    public void Every_lsp_class_and_the_result_arrays_are_registered_in_the_context()
    {
        // Reflection is fine in tests: it checks that the source-generated context misses nothing.
        Type[] types = typeof(Position).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "Wit.Protocol.Lsp" && t.IsClass && !t.IsAbstract)
            .Concat([typeof(EmptyParams)])
            .ToArray();
        Type[] arrays =
        [
            typeof(Location[]), typeof(LocationLink[]), typeof(TextEdit[]), typeof(DocumentSymbol[]), typeof(FoldingRange[]),
            typeof(SelectionRange[]), typeof(InlayHint[]), typeof(CodeLens[]), typeof(CodeAction[]), typeof(CompletionItem[]),
            typeof(DocumentHighlight[]), typeof(CallHierarchyItem[]), typeof(CallHierarchyIncomingCall[]),
            typeof(CallHierarchyOutgoingCall[]), typeof(TypeHierarchyItem[]), typeof(WorkspaceSymbol[]), typeof(JsonElement[]),
        ];

        Assert.True(types.Length > 100);
        Assert.All(types.Concat(arrays), t => Assert.True(LspJsonContext.Default.GetTypeInfo(t) is not null, t.Name));
    }
}
