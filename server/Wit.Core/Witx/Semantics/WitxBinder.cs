using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Workspace;

namespace Wit.Core.Witx.Semantics;

/// <summary>
/// The state of one WITX resolution: the document scope shared by every loaded file (typenames and modules), the
/// files already loaded, and the model being built. Files are walked with an explicit stack of open files, so a long
/// chain of <c>use</c>s never deepens the .NET stack; a file used again (or used while it is still being loaded, a
/// cycle) is skipped, as the witx crate skips files it has seen.
/// </summary>
internal sealed partial class WitxBinder
{
    private readonly IFileSystem? _fileSystem;
    private readonly Dictionary<string, Entry> _scope = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, SourceLocation>> _constantScopes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _loaded = new(StringComparer.Ordinal);

    public WitxBinder(IFileSystem? fileSystem)
    {
        _fileSystem = fileSystem;
    }

    public WitxModel Model { get; } = new();

    private sealed class Entry
    {
        public Entry(SourceLocation location) => Location = location;

        public SourceLocation Location { get; }

        public WitxTypename? Typename { get; set; }

        public WitxModule? Module { get; set; }

        /// <summary>True while the typename's own type is being resolved, so a reference to it is a recursion.</summary>
        public bool Defining { get; set; }
    }

    private sealed class FileFrame
    {
        public FileFrame(SyntaxTree tree, IEnumerator<SyntaxNode> forms)
        {
            Tree = tree;
            Forms = forms;
        }

        public SyntaxTree Tree { get; }

        public IEnumerator<SyntaxNode> Forms { get; }
    }

    /// <summary>Loads a file given by the caller (not by a <c>use</c>).</summary>
    public void LoadFile(string path)
    {
        string normalized = NormalizePath(path);
        if (!_loaded.Add(normalized)) return;
        if (Read(normalized, null, default) is { } tree) Run(tree, TopLevelForms(tree), allDiagnostics: true);
    }

    public void LoadTree(SyntaxTree tree)
    {
        if (tree.Text.Path is { } path) _loaded.Add(NormalizePath(path));
        Run(tree, TopLevelForms(tree), allDiagnostics: true);
    }

    public void LoadForms(SyntaxTree tree, IReadOnlyList<SyntaxNode> forms)
    {
        Model.Files.Add(tree);
        foreach (var diagnostic in tree.Diagnostics)
        {
            foreach (var form in forms)
            {
                if (form.Span.Start <= diagnostic.Span.Start && diagnostic.Span.End <= form.Span.End) Model.Diagnostics.Add(diagnostic.WithDocument(tree.Text));
            }
        }

        Run(tree, forms, allDiagnostics: false);
    }

    private static IEnumerable<SyntaxNode> TopLevelForms(SyntaxTree tree)
    {
        foreach (var node in tree.Root.ChildNodes())
        {
            if (node.Kind != SyntaxKind.WitxSkippedTokens) yield return node;
        }
    }

    private void Run(SyntaxTree root, IEnumerable<SyntaxNode> forms, bool allDiagnostics)
    {
        var stack = new Stack<FileFrame>();
        if (allDiagnostics) AddFile(root);
        stack.Push(new FileFrame(root, forms.GetEnumerator()));
        while (stack.Count > 0)
        {
            var frame = stack.Peek();
            if (!frame.Forms.MoveNext())
            {
                stack.Pop();
                continue;
            }

            var form = frame.Forms.Current;
            if (form.Kind != SyntaxKind.WitxUse)
            {
                Declare(frame.Tree, form);
                continue;
            }

            if (WitxSyntaxNavigation.TokenAt(form, 0, SyntaxKind.WitxStringToken) is not { } file)
            {
                Report(WitxDiagnostics.UseWithoutFile(), frame.Tree.Text, HeadSpan(form));
                continue;
            }

            string path = NormalizePath(Combine(DirectoryOf(frame.Tree.Text.Path), WitxLexer.Unescape(file.Text)));
            if (!_loaded.Add(path)) continue;
            if (Read(path, frame.Tree.Text, file.Span) is { } used)
            {
                AddFile(used);
                stack.Push(new FileFrame(used, TopLevelForms(used).GetEnumerator()));
            }
        }
    }

    private void AddFile(SyntaxTree tree)
    {
        Model.Files.Add(tree);
        foreach (var diagnostic in tree.Diagnostics) Model.Diagnostics.Add(diagnostic.WithDocument(tree.Text));
    }

    private SyntaxTree? Read(string path, SourceText? usedFrom, TextSpan usedAt)
    {
        var document = usedFrom ?? SourceText.From(string.Empty, path);
        var span = usedFrom is null ? new TextSpan(0, 0) : usedAt;
        if (_fileSystem is null || !_fileSystem.FileExists(path))
        {
            Report(WitxDiagnostics.UsedFileNotFound(path), document, span);
            return null;
        }

        try
        {
            return SyntaxTree.ParseWitx(SourceText.From(_fileSystem.ReadAllText(path), path));
        }
        catch (DecoderFallbackException)
        {
            Report(WitxDiagnostics.UsedFileNotUtf8(path), document, span);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Report(WitxDiagnostics.UsedFileUnreadable(path, exception.Message), document, span);
            return null;
        }
    }

    private void Declare(SyntaxTree tree, SyntaxNode form)
    {
        switch (form.Kind)
        {
            case SyntaxKind.WitxTypename:
                DeclareTypename(tree, form);
                break;
            case SyntaxKind.WitxModule:
                DeclareModule(tree, form);
                break;
            case SyntaxKind.WitxConst:
                DeclareConstant(tree, form);
                break;
            default:
                Report(WitxDiagnostics.UnexpectedDocumentForm(HeadText(form)), tree.Text, HeadSpan(form));
                break;
        }
    }

    private void DeclareTypename(SyntaxTree tree, SyntaxNode form)
    {
        var syntax = WitxTypenameSyntax.Cast(form)!;
        if (syntax.Name is not { } nameToken) return;
        var location = new SourceLocation(tree.Text, nameToken.Span);
        var typename = new WitxTypename(nameToken.Text.Substring(1), location, syntax.Documentation);
        var entry = Introduce(typename.Name, location);
        if (entry is not null) entry.Defining = true;
        typename.Definition = syntax.Type is { } type ? ResolveType(tree, type, named: true) : ErrorRef(location);
        if (entry is null) return;
        entry.Defining = false;
        entry.Typename = typename;
        Model.Add(typename);
    }

    private void DeclareModule(SyntaxTree tree, SyntaxNode form)
    {
        var syntax = WitxModuleSyntax.Cast(form)!;
        if (syntax.Name is not { } nameToken) return;
        var location = new SourceLocation(tree.Text, nameToken.Span);
        var module = new WitxModule(nameToken.Text.Substring(1), location, syntax.Documentation);
        var entry = Introduce(module.Name, location);
        var names = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        bool first = true;
        foreach (var item in WitxSyntaxNavigation.Items(form))
        {
            if (first)
            {
                first = false;
                continue;
            }

            switch (item.AsNode()?.Kind)
            {
                case SyntaxKind.WitxImport:
                    if (DeclareImport(tree, item.AsNode()!, names) is { } import) module.Imports.Add(import);
                    break;
                case SyntaxKind.WitxInterfaceFunc:
                    if (DeclareFunction(tree, item.AsNode()!, names) is { } function) module.Functions.Add(function);
                    break;
                default:
                    Report(WitxDiagnostics.UnexpectedInModule(Describe(item)), tree.Text, item.IsNode ? HeadSpan(item.AsNode()!) : item.Span);
                    break;
            }
        }

        if (entry is null) return;
        entry.Module = module;
        Model.Add(module);
    }

    private WitxImport? DeclareImport(SyntaxTree tree, SyntaxNode form, Dictionary<string, SourceLocation> names)
    {
        if (WitxSyntaxNavigation.TokenAt(form, 0, SyntaxKind.WitxStringToken) is not { } nameToken
            || WitxSyntaxNavigation.ItemAt(form, 1) is not { } kind || kind.Kind != SyntaxKind.WitxMemory || WitxSyntaxNavigation.ItemAt(form, 2) is not null)
        {
            Report(WitxDiagnostics.ExpectedMemoryImport(), tree.Text, HeadSpan(form));
            return null;
        }

        var location = new SourceLocation(tree.Text, nameToken.Span);
        string name = WitxLexer.Unescape(nameToken.Text);
        if (!IntroduceLocal(names, name, location)) return null;
        return new WitxImport(name, location, WitxSyntaxNavigation.Documentation(form));
    }

    private WitxFunction? DeclareFunction(SyntaxTree tree, SyntaxNode form, Dictionary<string, SourceLocation> names)
    {
        var syntax = WitxFuncSyntax.Cast(form)!;
        if (syntax.ExportNameToken is not { } nameToken) return null;
        var location = new SourceLocation(tree.Text, nameToken.Span);
        var function = new WitxFunction(syntax.Name!, location, syntax.Documentation);
        bool unique = IntroduceLocal(names, function.Name, location);
        foreach (var item in WitxSyntaxNavigation.Items(form))
        {
            if (item.Kind is SyntaxKind.WitxExport or SyntaxKind.WitxParam or SyntaxKind.WitxResult or SyntaxKind.WitxNoreturn) continue;
            Report(WitxDiagnostics.UnexpectedInFunction(Describe(item)), tree.Text, item.IsNode ? HeadSpan(item.AsNode()!) : item.Span);
        }

        var arguments = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        function.Params = Members(tree, syntax.Params, arguments);
        function.Results = Members(tree, syntax.Results, arguments);
        function.IsNoreturn = syntax.IsNoreturn;
        bool resolved = true;
        foreach (var result in function.Results) resolved &= result.Type is { } type && type.Type.Kind != WitxTypeKind.Error;
        if (resolved && WitxAbi.ResultsProblem(function.Results) is { } problem)
        {
            function.AbiProblem = problem;
            Report(WitxDiagnostics.OutsideAbi(problem), tree.Text, nameToken.Span);
        }

        return unique ? function : null;
    }

    private List<WitxMember> Members(SyntaxTree tree, IEnumerable<WitxMemberSyntax> members, Dictionary<string, SourceLocation> names)
    {
        var result = new List<WitxMember>();
        foreach (var member in members)
        {
            if (member.Name is not { } nameToken) continue;
            var location = new SourceLocation(tree.Text, nameToken.Span);
            string name = nameToken.Text.Substring(1);
            IntroduceLocal(names, name, location);
            var type = member.Type is { } element ? ResolveType(tree, element, named: false) : ErrorRef(location);
            result.Add(new WitxMember(name, type, member.Documentation, location));
        }

        return result;
    }

    private void DeclareConstant(SyntaxTree tree, SyntaxNode form)
    {
        if (WitxSyntaxNavigation.TokenAt(form, 0, SyntaxKind.WitxIdentifierToken) is not { } typeToken
            || WitxSyntaxNavigation.TokenAt(form, 1, SyntaxKind.WitxIdentifierToken) is not { } nameToken
            || WitxSyntaxNavigation.TokenAt(form, 2, SyntaxKind.WitxIntegerToken) is not { } valueToken
            || WitxSyntaxNavigation.ItemAt(form, 3) is not null)
        {
            Report(WitxDiagnostics.ExpectedConstant(), tree.Text, HeadSpan(form));
            return;
        }

        string typeName = typeToken.Text.Substring(1);
        string name = nameToken.Text.Substring(1);
        var location = new SourceLocation(tree.Text, nameToken.Span);
        if (!_constantScopes.TryGetValue(typeName, out var scope)) _constantScopes[typeName] = scope = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        if (!IntroduceLocal(scope, name, location)) return;
        var type = ResolveName(tree, typeToken);
        if (!TryParseInteger(valueToken.Text, out ulong value, out bool negative))
        {
            // The lexer already reported a malformed or oversized literal.
            return;
        }

        if (type.Type.Kind != WitxTypeKind.Error && !Fits(type.Type, value, negative, out var problem))
        {
            Report(problem, tree.Text, valueToken.Span);
        }

        Model.Constants.Add(new WitxConstant(typeName, type.Name, name, negative ? unchecked((ulong)-(long)value) : value, location,
            WitxSyntaxNavigation.Documentation(form)));
    }

    /// <summary>Whether an integer value fits a constant's type; a problem message when it does not.</summary>
    private static bool Fits(WitxType type, ulong value, bool negative, out DiagnosticMessage problem)
    {
        problem = default;
        if (type.Kind != WitxTypeKind.Builtin || type.Builtin is WitxBuiltinType.F32 or WitxBuiltinType.F64 or WitxBuiltinType.Char)
        {
            problem = WitxDiagnostics.ConstantNeedsIntegerType(type.ToString());
            return false;
        }

        bool signed = type.Builtin is WitxBuiltinType.S8 or WitxBuiltinType.S16 or WitxBuiltinType.S32 or WitxBuiltinType.S64;
        int bits = (int)WitxLayoutRules.Builtin(type.Builtin).Size * 8;
        if (negative && !signed)
        {
            problem = WitxDiagnostics.NegativeUnsignedConstant(WitxNames.Builtin(type.Builtin));
            return false;
        }

        ulong limit = signed ? (negative ? 1UL << (bits - 1) : (1UL << (bits - 1)) - 1) : bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        if (value <= limit) return true;
        problem = WitxDiagnostics.ConstantOutOfRange(WitxNames.Builtin(type.Builtin));
        return false;
    }

    private static bool TryParseInteger(string text, out ulong value, out bool negative)
    {
        value = 0;
        negative = text.Length > 0 && text[0] == '-';
        int start = text.Length > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
        bool hex = text.Length - start > 2 && text[start] == '0' && text[start + 1] == 'x';
        ulong radix = hex ? 16UL : 10UL;
        bool any = false;
        for (int i = start + (hex ? 2 : 0); i < text.Length; i++)
        {
            char c = text[i];
            if (c == '_') continue;
            int digit = c >= '0' && c <= '9' ? c - '0' : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
            if (digit < 0 || value > (ulong.MaxValue - (ulong)digit) / radix) return false;
            value = value * radix + (ulong)digit;
            any = true;
        }

        return any;
    }

    /// <summary>Introduces a name in the document scope; null (and a diagnostic) when it is already defined.</summary>
    private Entry? Introduce(string name, SourceLocation location)
    {
        if (_scope.TryGetValue(name, out var previous))
        {
            ReportDuplicate(name, location, previous.Location);
            return null;
        }

        var entry = new Entry(location);
        _scope[name] = entry;
        return entry;
    }

    /// <summary>Introduces a name in a nested scope (a module's, a function's arguments, a record's fields).</summary>
    private bool IntroduceLocal(Dictionary<string, SourceLocation> scope, string name, SourceLocation location)
    {
        if (scope.TryGetValue(name, out var previous))
        {
            ReportDuplicate(name, location, previous);
            return false;
        }

        scope[name] = location;
        return true;
    }

    private void ReportDuplicate(string name, SourceLocation location, SourceLocation previous) =>
        Report(WitxDiagnostics.Redefinition(name), location.Document, location.Span,
            new[] { new RelatedLocation(previous.Document, previous.Span, "previously defined here") });

    private void Report(DiagnosticMessage message, SourceText document, TextSpan span, IReadOnlyList<RelatedLocation>? related = null) =>
        Model.Diagnostics.Add(new Diagnostic(message.Descriptor, message.Text, span, document: document, related: related));

    /// <summary>The head words of a form (<c>typename</c>, <c>@witx pointer</c>), or empty for a form without one.</summary>
    private static string HeadText(SyntaxNode form)
    {
        var builder = new StringBuilder();
        int index = 0;
        foreach (var child in form.ChildrenWithTokens())
        {
            if (index++ == 0) continue;
            if (!child.IsToken || child.Kind is not (SyntaxKind.WitxKeywordToken or SyntaxKind.WitxAnnotationToken)) break;
            if (builder.Length > 0) builder.Append(' ');
            builder.Append(child.AsToken().Text);
            if (child.Kind == SyntaxKind.WitxKeywordToken || index > 2) break;
        }

        return builder.ToString();
    }

    /// <summary>From a form's <c>(</c> to the end of its head words: where a message about the whole form points.</summary>
    private static TextSpan HeadSpan(SyntaxNode form)
    {
        int start = form.Span.Start;
        int end = start + 1;
        int index = 0;
        foreach (var child in form.ChildrenWithTokens())
        {
            if (index++ == 0) continue;
            if (!child.IsToken || child.Kind is not (SyntaxKind.WitxKeywordToken or SyntaxKind.WitxAnnotationToken)) break;
            end = child.Span.End;
            if (child.Kind == SyntaxKind.WitxKeywordToken || index > 2) break;
        }

        return TextSpan.FromBounds(start, end);
    }

    private static string Describe(SyntaxElement item) =>
        item.AsNode() is { } node ? $"form `({HeadText(node)} ...)`" : WitxSyntaxFacts.DescribeFound(item.AsToken().Green);

    private static string? DirectoryOf(string? path)
    {
        if (path is null) return null;
        int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash < 0 ? null : path.Substring(0, slash);
    }

    private static string Combine(string? directory, string file)
    {
        if (directory is null || file.StartsWith("/", StringComparison.Ordinal) || file.Length > 1 && file[1] == ':') return file;
        return directory + "/" + file;
    }

    /// <summary>'/' separators, with <c>.</c> and <c>name/..</c> segments removed, so one file has one key.</summary>
    internal static string NormalizePath(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        var kept = new List<string>();
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            if (part == "." || part.Length == 0 && i > 0 && i < parts.Length - 1) continue;
            if (part == ".." && kept.Count > 0 && kept[kept.Count - 1] != ".." && kept[kept.Count - 1].Length > 0)
            {
                kept.RemoveAt(kept.Count - 1);
                continue;
            }

            kept.Add(part);
        }

        return string.Join("/", kept);
    }
}
