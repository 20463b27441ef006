using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The kind of a symbol; serialised as a number.</summary>
public enum SymbolKind
{
    /// <summary>A file.</summary>
    File = 1,
    /// <summary>A module.</summary>
    Module = 2,
    /// <summary>A namespace.</summary>
    Namespace = 3,
    /// <summary>A package.</summary>
    Package = 4,
    /// <summary>A class.</summary>
    Class = 5,
    /// <summary>A method.</summary>
    Method = 6,
    /// <summary>A property.</summary>
    Property = 7,
    /// <summary>A field.</summary>
    Field = 8,
    /// <summary>A constructor.</summary>
    Constructor = 9,
    /// <summary>An enum.</summary>
    Enum = 10,
    /// <summary>An interface.</summary>
    Interface = 11,
    /// <summary>A function.</summary>
    Function = 12,
    /// <summary>A variable.</summary>
    Variable = 13,
    /// <summary>A constant.</summary>
    Constant = 14,
    /// <summary>A string.</summary>
    String = 15,
    /// <summary>A number.</summary>
    Number = 16,
    /// <summary>A boolean.</summary>
    Boolean = 17,
    /// <summary>An array.</summary>
    Array = 18,
    /// <summary>An object.</summary>
    Object = 19,
    /// <summary>A key.</summary>
    Key = 20,
    /// <summary>Null.</summary>
    Null = 21,
    /// <summary>An enum member.</summary>
    EnumMember = 22,
    /// <summary>A struct.</summary>
    Struct = 23,
    /// <summary>An event.</summary>
    Event = 24,
    /// <summary>An operator.</summary>
    Operator = 25,
    /// <summary>A type parameter.</summary>
    TypeParameter = 26,
}
