namespace Wit.Ide.Completion;

/// <summary>What a completion item stands for; the server maps each to an LSP <c>CompletionItemKind</c>.</summary>
public enum CompletionItemKind
{
    /// <summary>A keyword or primitive type (<c>record</c>, <c>u32</c>, <c>list</c>).</summary>
    Keyword,

    /// <summary>A template with placeholders (an interface block, a function signature).</summary>
    Snippet,

    /// <summary>A named type that is not a resource (record, variant, enum, flags, alias).</summary>
    Type,

    Resource,

    Interface,

    World,

    Package,

    Function,

    /// <summary>An attribute argument key (<c>version = </c>, <c>feature = </c>).</summary>
    Property,

    /// <summary>A WITX form keyword (<c>typename</c>, <c>module</c>).</summary>
    Module,
}
