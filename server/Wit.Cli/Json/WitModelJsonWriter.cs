using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Wit.Core.Semantics;

namespace Wit.Cli.Json;

/// <summary>
/// Writes a <see cref="WitModel"/> in wit-parser's JSON schema (the <c>.wit.json</c> files of its UI tests): four
/// arenas, <c>worlds</c>, <c>interfaces</c>, <c>types</c> and <c>packages</c>, referring to each other by index, with
/// serde's field order and omission rules and serde_json's pretty printing (two-space indentation, <c>"key": value</c>,
/// <c>{}</c> and <c>[]</c> when empty, only quotes, backslashes and control characters escaped). The output has no
/// trailing newline, as the upstream files have none.
/// </summary>
/// <remarks>
/// Written by hand with <see cref="Utf8JsonWriter"/>, no reflection. Two spellings are not backed by the corpus:
/// fixed-length lists (<c>{"fixed-length-list": [T, N]}</c>, as wit-parser's kebab-case serde names
/// <c>TypeDefKind::FixedLengthList</c>) and async function kinds (<c>"async-freestanding"</c>,
/// <c>{"async-method": N}</c>, <c>{"async-static": N}</c>). A type whose resolution failed is written as
/// <c>"unknown"</c>, which wit-parser never prints (it stops at the first error).
/// </remarks>
public static class WitModelJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentCharacter = ' ',
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
        MaxDepth = 1000,
    };

    /// <summary>The model as wit-parser's JSON, without a trailing newline.</summary>
    public static string Write(WitModel model)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(model, writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the model as one JSON object.</summary>
    public static void Write(WitModel model, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("worlds");
        foreach (var world in model.Worlds) WriteWorld(writer, world);
        writer.WriteEndArray();
        writer.WriteStartArray("interfaces");
        foreach (var @interface in model.Interfaces) WriteInterface(writer, @interface);
        writer.WriteEndArray();
        writer.WriteStartArray("types");
        foreach (var type in model.Types) WriteType(writer, type);
        writer.WriteEndArray();
        writer.WriteStartArray("packages");
        foreach (var package in model.Packages) WritePackage(writer, package);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteWorld(Utf8JsonWriter writer, World world)
    {
        writer.WriteStartObject();
        WriteString(writer, "name", world.Name);
        WriteWorldItems(writer, "imports", world.Imports);
        WriteWorldItems(writer, "exports", world.Exports);
        WriteIndex(writer, "package", world.Package?.Index);
        WriteDocs(writer, world.Docs);
        WriteStability(writer, world.Stability);
        writer.WriteEndObject();
    }

    private static void WriteWorldItems(Utf8JsonWriter writer, string property, List<KeyValuePair<WorldKey, WorldItem>> items)
    {
        writer.WriteStartObject(property);
        foreach (var (key, item) in items)
        {
            // An import or export named by its interface is keyed by the interface's arena index, as wit-parser's
            // `WorldKey::Interface` turns into a string.
            writer.WritePropertyName(key.Name ?? "interface-" + key.Interface!.Index.ToString(CultureInfo.InvariantCulture));
            writer.WriteStartObject();
            if (item.Interface is { } @interface)
            {
                writer.WriteStartObject("interface");
                writer.WriteNumber("id", @interface.Index);
                WriteStability(writer, item.Stability);
                writer.WriteEndObject();
            }
            else if (item.Function is { } function)
            {
                writer.WritePropertyName("function");
                WriteFunction(writer, function);
            }
            else if (item.Type is { } type)
            {
                writer.WriteNumber("type", type.Index);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteInterface(Utf8JsonWriter writer, Interface @interface)
    {
        writer.WriteStartObject();
        WriteString(writer, "name", @interface.Name);
        writer.WriteStartObject("types");
        foreach (var (name, type) in @interface.Types) writer.WriteNumber(name, type.Index);
        writer.WriteEndObject();
        writer.WriteStartObject("functions");
        foreach (var (name, function) in @interface.Functions)
        {
            writer.WritePropertyName(name);
            WriteFunction(writer, function);
        }

        writer.WriteEndObject();
        WriteDocs(writer, @interface.Docs);
        WriteStability(writer, @interface.Stability);
        WriteIndex(writer, "package", @interface.Package?.Index);
        writer.WriteEndObject();
    }

    private static void WriteType(Utf8JsonWriter writer, TypeDefinition type)
    {
        writer.WriteStartObject();
        WriteString(writer, "name", type.Name);
        writer.WritePropertyName("kind");
        WriteKind(writer, type);
        writer.WritePropertyName("owner");
        if (type.Owner.Interface is { } @interface)
        {
            writer.WriteStartObject();
            writer.WriteNumber("interface", @interface.Index);
            writer.WriteEndObject();
        }
        else if (type.Owner.World is { } world)
        {
            writer.WriteStartObject();
            writer.WriteNumber("world", world.Index);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        WriteDocs(writer, type.Docs);
        WriteStability(writer, type.Stability);
        writer.WriteEndObject();
    }

    private static void WriteKind(Utf8JsonWriter writer, TypeDefinition type)
    {
        switch (type.Kind)
        {
            case TypeDefinitionKind.Resource:
                writer.WriteStringValue("resource");
                return;
            case TypeDefinitionKind.Error:
                writer.WriteStringValue("unknown");
                return;
        }

        writer.WriteStartObject();
        switch (type.Kind)
        {
            case TypeDefinitionKind.Record:
                writer.WriteStartObject("record");
                writer.WriteStartArray("fields");
                foreach (var field in type.Members)
                {
                    writer.WriteStartObject();
                    WriteString(writer, "name", field.Name);
                    WriteTypeReference(writer, "type", field.Type);
                    WriteDocs(writer, field.Docs);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            case TypeDefinitionKind.Handle:
                writer.WriteStartObject("handle");
                writer.WriteNumber(type.HandleKind == HandleKind.Own ? "own" : "borrow", type.Resource?.Index ?? -1);
                writer.WriteEndObject();
                break;
            case TypeDefinitionKind.Flags:
                writer.WriteStartObject("flags");
                WriteNamedCases(writer, "flags", type.Members, withTypes: false);
                writer.WriteEndObject();
                break;
            case TypeDefinitionKind.Tuple:
                writer.WriteStartObject("tuple");
                writer.WriteStartArray("types");
                foreach (var element in type.Elements) WriteTypeReferenceValue(writer, element);
                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            case TypeDefinitionKind.Variant:
                writer.WriteStartObject("variant");
                WriteNamedCases(writer, "cases", type.Members, withTypes: true);
                writer.WriteEndObject();
                break;
            case TypeDefinitionKind.Enum:
                writer.WriteStartObject("enum");
                WriteNamedCases(writer, "cases", type.Members, withTypes: false);
                writer.WriteEndObject();
                break;
            case TypeDefinitionKind.Option:
                WriteTypeReference(writer, "option", type.Element);
                break;
            case TypeDefinitionKind.Result:
                writer.WriteStartObject("result");
                WriteTypeReference(writer, "ok", type.Ok);
                WriteTypeReference(writer, "err", type.Err);
                writer.WriteEndObject();
                break;
            case TypeDefinitionKind.List:
                WriteTypeReference(writer, "list", type.Element);
                break;
            case TypeDefinitionKind.Map:
                // A tuple variant, `Map(Type, Type)`, which serde writes as an array.
                writer.WriteStartArray("map");
                WriteTypeReferenceValue(writer, type.Key);
                WriteTypeReferenceValue(writer, type.Element);
                writer.WriteEndArray();
                break;
            case TypeDefinitionKind.FixedSizeList:
                writer.WriteStartArray("fixed-length-list");
                WriteTypeReferenceValue(writer, type.Element);
                writer.WriteNumberValue(type.FixedLength);
                writer.WriteEndArray();
                break;
            case TypeDefinitionKind.Future:
                WriteTypeReference(writer, "future", type.Element);
                break;
            case TypeDefinitionKind.Stream:
                WriteTypeReference(writer, "stream", type.Element);
                break;
            default:
                WriteTypeReference(writer, "type", type.Element);
                break;
        }

        writer.WriteEndObject();
    }

    /// <summary>Flags and enum cases (<c>{name, docs?}</c>) or variant cases (<c>{name, type, docs?}</c>).</summary>
    private static void WriteNamedCases(Utf8JsonWriter writer, string property, IReadOnlyList<NamedType> cases, bool withTypes)
    {
        writer.WriteStartArray(property);
        foreach (var @case in cases)
        {
            writer.WriteStartObject();
            WriteString(writer, "name", @case.Name);
            if (withTypes) WriteTypeReference(writer, "type", @case.Type);
            WriteDocs(writer, @case.Docs);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteFunction(Utf8JsonWriter writer, Function function)
    {
        writer.WriteStartObject();
        WriteString(writer, "name", function.Name);
        int resource = function.Resource?.Index ?? -1;
        switch (function.Kind)
        {
            case FunctionKind.Freestanding:
                writer.WriteString("kind", "freestanding");
                break;
            case FunctionKind.AsyncFreestanding:
                writer.WriteString("kind", "async-freestanding");
                break;
            default:
                writer.WriteStartObject("kind");
                writer.WriteNumber(function.Kind switch
                {
                    FunctionKind.Method => "method",
                    FunctionKind.AsyncMethod => "async-method",
                    FunctionKind.Static => "static",
                    FunctionKind.AsyncStatic => "async-static",
                    _ => "constructor",
                }, resource);
                writer.WriteEndObject();
                break;
        }

        writer.WriteStartArray("params");
        foreach (var parameter in function.Parameters)
        {
            writer.WriteStartObject();
            WriteString(writer, "name", parameter.Name);
            WriteTypeReference(writer, "type", parameter.Type);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (function.Result is { } result) WriteTypeReference(writer, "result", result);
        WriteDocs(writer, function.Docs);
        WriteStability(writer, function.Stability);
        writer.WriteEndObject();
    }

    private static void WritePackage(Utf8JsonWriter writer, Package package)
    {
        writer.WriteStartObject();
        WriteString(writer, "name", package.Name.ToString());
        WriteDocs(writer, package.Docs);
        writer.WriteStartObject("interfaces");
        foreach (var (name, @interface) in package.Interfaces) writer.WriteNumber(name, @interface.Index);
        writer.WriteEndObject();
        writer.WriteStartObject("worlds");
        foreach (var (name, world) in package.Worlds) writer.WriteNumber(name, world.Index);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>A type reference: a primitive's name, or the index of a type definition; null when absent.</summary>
    private static void WriteTypeReference(Utf8JsonWriter writer, string property, WitType? type)
    {
        writer.WritePropertyName(property);
        WriteTypeReferenceValue(writer, type);
    }

    private static void WriteTypeReferenceValue(Utf8JsonWriter writer, WitType? type)
    {
        if (type is not { } t) writer.WriteNullValue();
        else if (t.Definition is { } definition) writer.WriteNumberValue(definition.Index);
        else writer.WriteStringValue(PrimitiveNames.Name(t.Primitive));
    }

    private static void WriteIndex(Utf8JsonWriter writer, string property, int? index)
    {
        if (index is { } i) writer.WriteNumber(property, i);
        else writer.WriteNull(property);
    }

    /// <summary><c>{"contents": "..."}</c>, omitted when there are no docs (serde's <c>Docs::is_empty</c>).</summary>
    private static void WriteDocs(Utf8JsonWriter writer, string? docs)
    {
        if (docs is null) return;
        writer.WriteStartObject("docs");
        WriteString(writer, "contents", docs);
        writer.WriteEndObject();
    }

    /// <summary>
    /// <c>{"stable": {"since", "deprecated"?}}</c> or <c>{"unstable": {"feature", "deprecated"?}}</c>, omitted when
    /// unknown. A lone <c>@deprecated</c> has no representation upstream and is omitted too.
    /// </summary>
    private static void WriteStability(Utf8JsonWriter writer, Stability stability)
    {
        if (stability.Feature is { } feature)
        {
            writer.WriteStartObject("stability");
            writer.WriteStartObject("unstable");
            WriteString(writer, "feature", feature);
            if (stability.Deprecated is { } deprecated) WriteString(writer, "deprecated", deprecated);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        else if (stability.Since is { } since)
        {
            writer.WriteStartObject("stability");
            writer.WriteStartObject("stable");
            WriteString(writer, "since", since);
            if (stability.Deprecated is { } deprecated) WriteString(writer, "deprecated", deprecated);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }

    /// <summary>A string property, or null, escaped as serde_json escapes it.</summary>
    private static void WriteString(Utf8JsonWriter writer, string property, string? value)
    {
        writer.WritePropertyName(property);
        if (value is null) writer.WriteNullValue();
        else writer.WriteRawValue(SerdeJsonString.Quote(value), skipInputValidation: true);
    }
}
