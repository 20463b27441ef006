using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The kind of a completion item; serialised as a number.</summary>
public enum CompletionItemKind
{
    /// <summary>Text.</summary>
    Text = 1,
    /// <summary>A method.</summary>
    Method = 2,
    /// <summary>A function.</summary>
    Function = 3,
    /// <summary>A constructor.</summary>
    Constructor = 4,
    /// <summary>A field.</summary>
    Field = 5,
    /// <summary>A variable.</summary>
    Variable = 6,
    /// <summary>A class.</summary>
    Class = 7,
    /// <summary>An interface.</summary>
    Interface = 8,
    /// <summary>A module.</summary>
    Module = 9,
    /// <summary>A property.</summary>
    Property = 10,
    /// <summary>A unit.</summary>
    Unit = 11,
    /// <summary>A value.</summary>
    Value = 12,
    /// <summary>An enum.</summary>
    Enum = 13,
    /// <summary>A keyword.</summary>
    Keyword = 14,
    /// <summary>A snippet.</summary>
    Snippet = 15,
    /// <summary>A colour.</summary>
    Color = 16,
    /// <summary>A file.</summary>
    File = 17,
    /// <summary>A reference.</summary>
    Reference = 18,
    /// <summary>A folder.</summary>
    Folder = 19,
    /// <summary>An enum member.</summary>
    EnumMember = 20,
    /// <summary>A constant.</summary>
    Constant = 21,
    /// <summary>A struct.</summary>
    Struct = 22,
    /// <summary>An event.</summary>
    Event = 23,
    /// <summary>An operator.</summary>
    Operator = 24,
    /// <summary>A type parameter.</summary>
    TypeParameter = 25,
}
