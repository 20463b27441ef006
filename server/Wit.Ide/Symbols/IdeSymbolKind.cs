namespace Wit.Ide.Symbols;

/// <summary>What a declaration is, for document and workspace symbols (the server maps each to an LSP symbol kind).</summary>
public enum IdeSymbolKind
{
    Package,
    Interface,
    World,
    Record,
    Variant,
    Enum,
    Flags,
    Resource,
    TypeAlias,
    Function,
    Method,
    Constructor,
    StaticMethod,
    Field,
    Case,
    Parameter,
    Import,
    Export,
    Use,
    Include,

    /// <summary>A WITX <c>(module $name ...)</c>.</summary>
    Module,

    /// <summary>A WITX <c>(typename $name ...)</c>.</summary>
    Typename,

    /// <summary>A WITX <c>(@witx const $type $name value)</c>.</summary>
    Constant,
}
