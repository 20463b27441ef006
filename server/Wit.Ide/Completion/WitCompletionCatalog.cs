using System.Collections.Generic;

namespace Wit.Ide.Completion;

/// <summary>The fixed proposals of WIT: keywords and snippets for each place, and the built-in types.</summary>
internal static class WitCompletionCatalog
{
    // Sort groups: names in scope first, then keywords, then snippets, then names from other packages.
    public const string LocalGroup = "0";
    public const string KeywordGroup = "1";
    public const string SnippetGroup = "2";
    public const string ForeignGroup = "3";

    public static CompletionItemResult Keyword(string keyword, string? detail = null) =>
        new(keyword, CompletionItemKind.Keyword, detail, SortText: KeywordGroup + keyword);

    public static CompletionItemResult Snippet(string label, string body, string detail, string? filter = null) =>
        new(label, CompletionItemKind.Snippet, detail, InsertText: body, IsSnippet: true, SortText: SnippetGroup + label, FilterText: filter ?? label);

    public static IEnumerable<CompletionItemResult> Gates()
    {
        yield return Snippet("@since", "@since(version = ${1:0.1.0})", "@since(version = ...) gate", "since");
        yield return Snippet("@unstable", "@unstable(feature = ${1:name})", "@unstable(feature = ...) gate", "unstable");
        yield return Snippet("@deprecated", "@deprecated(version = ${1:0.1.0})", "@deprecated(version = ...) gate", "deprecated");
    }

    public static IEnumerable<CompletionItemResult> AttributeNames()
    {
        yield return Snippet("since", "since(version = ${1:0.1.0})", "@since(version = ...) gate");
        yield return Snippet("unstable", "unstable(feature = ${1:name})", "@unstable(feature = ...) gate");
        yield return Snippet("deprecated", "deprecated(version = ${1:0.1.0})", "@deprecated(version = ...) gate");
        yield return Snippet("external-id", "external-id(\"$1\")", "@external-id(\"...\")");
    }

    public static IEnumerable<CompletionItemResult> TopLevel()
    {
        foreach (var keyword in new[] { "package", "interface", "world", "use" }) yield return Keyword(keyword);
        yield return Snippet("interface", "interface ${1:name} {\n\t$0\n}", "interface block");
        yield return Snippet("world", "world ${1:name} {\n\t$0\n}", "world block");
        yield return Snippet("package", "package ${1:namespace}:${2:name}@${3:0.1.0};", "package declaration");
        yield return Snippet("package { }", "package ${1:namespace}:${2:name} {\n\t$0\n}", "nested package", "package");
        foreach (var gate in Gates()) yield return gate;
    }

    public static IEnumerable<CompletionItemResult> TypeDefinitions()
    {
        foreach (var keyword in new[] { "type", "record", "variant", "enum", "flags", "resource", "use" }) yield return Keyword(keyword);
        yield return Snippet("type", "type ${1:name} = $0;", "type alias");
        yield return Snippet("record", "record ${1:name} {\n\t${2:field}: ${3:u32},\n}", "record definition");
        yield return Snippet("variant", "variant ${1:name} {\n\t${2:case}($3),\n}", "variant definition");
        yield return Snippet("enum", "enum ${1:name} {\n\t${2:case},\n}", "enum definition");
        yield return Snippet("flags", "flags ${1:name} {\n\t${2:flag},\n}", "flags definition");
        yield return Snippet("resource", "resource ${1:name} {\n\t$0\n}", "resource definition");
        yield return Snippet("use", "use ${1:interface}.{$0};", "use types of an interface");
    }

    public static IEnumerable<CompletionItemResult> InterfaceMembers()
    {
        foreach (var item in TypeDefinitions()) yield return item;
        yield return Snippet("func", "${1:name}: func($2) -> $0;", "function", "func");
        yield return Snippet("async func", "${1:name}: async func($2) -> $0;", "async function", "async");
        foreach (var gate in Gates()) yield return gate;
    }

    public static IEnumerable<CompletionItemResult> ResourceMembers()
    {
        yield return Keyword("constructor");
        yield return Snippet("constructor", "constructor($1);", "constructor");
        yield return Snippet("method", "${1:name}: func($2) -> $0;", "method", "method");
        yield return Snippet("static", "${1:name}: static func($2) -> $0;", "static function", "static");
        yield return Snippet("async", "${1:name}: async func($2) -> $0;", "async method", "async");
        foreach (var gate in Gates()) yield return gate;
    }

    public static IEnumerable<CompletionItemResult> WorldMembers()
    {
        foreach (var keyword in new[] { "import", "export", "include" }) yield return Keyword(keyword);
        foreach (var item in TypeDefinitions()) yield return item;
        yield return Snippet("import func", "import ${1:name}: func($2) -> $0;", "imported function", "import");
        yield return Snippet("export func", "export ${1:name}: func($2) -> $0;", "exported function", "export");
        yield return Snippet("import interface", "import ${1:name}: interface {\n\t$0\n}", "inline imported interface", "import");
        yield return Snippet("export interface", "export ${1:name}: interface {\n\t$0\n}", "inline exported interface", "export");
        foreach (var gate in Gates()) yield return gate;
    }

    public static IEnumerable<CompletionItemResult> FunctionKeywords(bool resource)
    {
        yield return Keyword("func");
        yield return Keyword("async");
        yield return Snippet("func()", "func($1) -> $0", "function type", "func");
        yield return Snippet("async func()", "async func($1) -> $0", "async function type", "async");
        if (resource)
        {
            yield return Keyword("static");
            yield return Snippet("static func()", "static func($1) -> $0", "static function type", "static");
        }
    }

    /// <summary>The built-in type names (completion offers them; the "did you mean" fix suggests them for a misspelling).</summary>
    internal static readonly string[] Primitives =
    {
        "bool", "s8", "s16", "s32", "s64", "u8", "u16", "u32", "u64", "f32", "f64", "char", "string", "error-context",
    };

    public static IEnumerable<CompletionItemResult> BuiltinTypes()
    {
        foreach (var primitive in Primitives) yield return new(primitive, CompletionItemKind.Keyword, "built-in type", SortText: KeywordGroup + primitive);
        yield return Generic("list", "list<${1:T}>", "list<T>");
        yield return Generic("option", "option<${1:T}>", "option<T>");
        yield return Generic("result", "result<${1:T}, ${2:E}>", "result<T, E>");
        yield return Generic("tuple", "tuple<${1:T}>", "tuple<T, ...>");
        yield return Generic("borrow", "borrow<${1:R}>", "borrowed handle");
        yield return Generic("own", "own<${1:R}>", "owned handle");
        yield return Generic("future", "future<${1:T}>", "future<T>");
        yield return Generic("stream", "stream<${1:T}>", "stream<T>");
        yield return Generic("map", "map<${1:K}, ${2:V}>", "map<K, V>");
    }

    private static CompletionItemResult Generic(string keyword, string body, string detail) =>
        new(keyword, CompletionItemKind.Keyword, detail, InsertText: body, IsSnippet: true, SortText: KeywordGroup + keyword, FilterText: keyword);
}
