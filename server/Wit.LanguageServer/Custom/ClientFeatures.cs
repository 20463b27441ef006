using System;
using System.Text.Json;

namespace Wit.LanguageServer.Custom;

/// <summary>
/// The client capabilities the server acts on, read from what <c>initialize</c> sent: whether the client answers
/// <c>workspace/configuration</c>, and whether it lets the server register file watchers.
/// </summary>
/// <remarks>
/// Read from the JSON itself rather than deserialised into Wit.Protocol's <c>ClientCapabilities</c>: that meant
/// building the serialisation metadata of its forty-odd types (partly through reflection) to read two booleans, and it
/// lost both when any capability the server never reads had an unexpected shape. A member on the path to one of the
/// two that is not what LSP says (<c>"workspace": 5</c>, <c>"configuration": "yes"</c>) is logged and read as absent;
/// anything else the client sends is not looked at.
/// </remarks>
internal readonly record struct ClientFeatures(bool Configuration, bool WatchedFilesRegistration)
{
    /// <summary>Reads the two from <c>initialize</c>'s <c>capabilities</c>; <paramref name="log"/> hears what does not read as LSP.</summary>
    public static ClientFeatures Read(JsonElement? capabilities, Action<string> log)
    {
        // Not an object (absent, null, an array): nothing to read and, as LSP makes every capability optional, nothing to say.
        if (capabilities is not { ValueKind: JsonValueKind.Object } root) return default;
        if (!Member(root, "workspace", "workspace", log, out var workspace)) return default;
        bool configuration = Flag(workspace, "configuration", "workspace.configuration", log);
        bool watchers = Member(workspace, "didChangeWatchedFiles", "workspace.didChangeWatchedFiles", log, out var watched)
            && Flag(watched, "dynamicRegistration", "workspace.didChangeWatchedFiles.dynamicRegistration", log);
        return new ClientFeatures(configuration, watchers);
    }

    /// <summary>The object member <paramref name="name"/> of <paramref name="parent"/>; false when absent, null or (logged) not an object.</summary>
    private static bool Member(JsonElement parent, string name, string path, Action<string> log, out JsonElement member)
    {
        if (!parent.TryGetProperty(name, out member) || member.ValueKind == JsonValueKind.Null) return false;
        if (member.ValueKind == JsonValueKind.Object) return true;
        log($"ignoring the client's capabilities, which do not read as LSP's: {path} is {JsonShape.Describe(member)}, not an object");
        return false;
    }

    /// <summary>The boolean member <paramref name="name"/> of <paramref name="parent"/>; false when absent, null or (logged) not a boolean.</summary>
    private static bool Flag(JsonElement parent, string name, string path, Action<string> log)
    {
        if (!parent.TryGetProperty(name, out var value)) return false;
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
            case JsonValueKind.Null:
                return false;
            default:
                log($"ignoring the client's capabilities, which do not read as LSP's: {path} is {JsonShape.Describe(value)}, not a boolean");
                return false;
        }
    }
}
