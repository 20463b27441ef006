using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Ide.Analysis;
using Wit.Ide.Completion;
using Wit.Ide.Navigation;
using Wit.Ide.Symbols;

namespace Wit.Ide.Rename;

/// <summary>
/// Rename a WIT symbol everywhere it is named: across files, packages and <c>deps/</c>.
/// <list type="bullet">
/// <item>Renamable: interfaces, worlds, named types (resources included, with their <c>borrow&lt;r&gt;</c> and
/// <c>own&lt;r&gt;</c> uses), functions, record fields, variant/enum/flags cases and parameters (which have no references
/// in WIT, so only their declaration changes), and the local names of <c>use x.{a as b}</c>.</item>
/// <item>Refused, with a message: keywords, primitive types, package names (renaming a package means renaming its
/// directory under <c>deps/</c> and every version; out of scope), the implicit <c>self</c> and unresolved names.</item>
/// <item>The alias of a top-level <c>use ... as i;</c> is renamed with the local paths of its document that name it
/// (see <see cref="UseAliasBinding"/>); a new name that another top-level <c>use</c>, an interface or a world of the
/// package already has is refused.</item>
/// <item><c>as</c> aliases: renaming <c>a</c> of <c>use x.{a as b}</c> edits <c>a</c> but not <c>b</c> and its uses;
/// renaming <c>b</c> edits only <c>b</c> and its uses. A name imported without <c>as</c> is the original name, so its
/// uses are renamed with it.</item>
/// <item>The new name must be a WIT identifier (<see cref="WitIdentifier"/>; a leading <c>%</c> is accepted and
/// ignored); a keyword is written <c>%name</c>; an occurrence that was written <c>%old</c> stays escaped.</item>
/// <item>A new name already used by a sibling in the same scope (interface items, package items, world items,
/// members of the same type, parameters of the same function, methods of the same resource) is refused.</item>
/// </list>
/// </summary>
public static class RenameProvider
{
    private static readonly HashSet<string> Primitives = new(StringComparer.Ordinal)
    {
        "bool", "s8", "s16", "s32", "s64", "u8", "u16", "u32", "u64", "f32", "f64", "char", "string", "error-context",
    };

    /// <summary>Whether the name at <paramref name="offset"/> can be renamed: its span and current name, or why not.</summary>
    public static PrepareRenameResult Prepare(IdeSnapshot snapshot, string path, int offset)
    {
        if (snapshot.WitxAnalysisOf(path) is not null) return PrepareRenameResult.Refused("Renaming in WITX documents is not supported.");
        if (snapshot.GetDocument(path)?.Tree is not { } tree) return PrepareRenameResult.Refused("The document is not known.");
        var token = NameSyntax.TokenAt(tree, offset);
        if (token is not { } at) return PrepareRenameResult.Refused("There is no name to rename here.");
        if (at.Kind != SyntaxKind.IdentifierToken)
        {
            return Primitives.Contains(at.Text)
                ? PrepareRenameResult.Refused($"`{at.Text}` is a primitive type and cannot be renamed.")
                : PrepareRenameResult.Refused(WitIdentifier.IsKeyword(at.Text) ? $"`{at.Text}` is a keyword and cannot be renamed." : "There is no name to rename here.");
        }

        if (UseAliasBinding.At(tree, offset) is { } alias) return new PrepareRenameResult(at.Span, alias.Name, null);
        if (snapshot.AnalysisOf(path) is { } analysis && NameSyntax.PackageNamedBy(at, analysis.Model) is not null)
        {
            return PrepareRenameResult.Refused("Renaming a package is not supported.");
        }

        if (SymbolFinder.Find(snapshot, path, offset) is not { } found) return PrepareRenameResult.Refused("This name does not resolve to a symbol that can be renamed.");
        if (found.Target.Symbol is Package) return PrepareRenameResult.Refused("Renaming a package is not supported.");
        if (found.Target.Declaration is null) return PrepareRenameResult.Refused($"`{found.Target.Name}` is implicit and cannot be renamed.");
        return new PrepareRenameResult(found.Span, NameSyntax.Unescape(tree.Text.ToString(found.Span)), null);
    }

    /// <summary>The edits that rename the symbol at <paramref name="offset"/> to <paramref name="newName"/>, or why not.</summary>
    public static RenameResult Rename(IdeSnapshot snapshot, string path, int offset, string newName, CancellationToken cancellationToken = default)
    {
        var prepared = Prepare(snapshot, path, offset);
        if (prepared.Error is { } refused) return new RenameResult(null, refused);
        string name = NameSyntax.Unescape(newName ?? string.Empty);
        if (WitIdentifier.Validate(name) is { } invalid) return new RenameResult(null, invalid);
        if (snapshot.GetDocument(path) is { Tree: { } aliasTree } aliasDocument && UseAliasBinding.At(aliasTree, offset) is { } alias)
        {
            return RenameAlias(snapshot, path, aliasDocument.Text.Text, aliasTree, alias, name);
        }

        if (SymbolOccurrences.CanonicalAt(snapshot, path, offset) is not { } target) return new RenameResult(null, "This name does not resolve to a symbol that can be renamed.");
        if (target.Name != name && SiblingNames(target).Any(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase)))
        {
            return new RenameResult(null, $"`{name}` is already defined in the same scope.");
        }

        bool keyword = WitIdentifier.IsKeyword(name);
        var changes = new Dictionary<string, IReadOnlyList<IdeTextEdit>>(StringComparer.Ordinal);
        foreach (var group in SymbolOccurrences.Of(snapshot, target, includeDeclaration: true, cancellationToken).GroupBy(l => l.Path))
        {
            if (group.Key is not { } file || snapshot.GetDocument(file)?.Text is not { } text) continue;
            var edits = new List<IdeTextEdit>();
            foreach (var location in group)
            {
                if (location.Span.End > text.Length) continue;
                bool escaped = keyword || text.ToString(location.Span).StartsWith('%');
                edits.Add(new IdeTextEdit(location.Span, escaped ? "%" + name : name));
            }

            changes[file] = edits;
        }

        return new RenameResult(new IdeWorkspaceEdit(changes), null);
    }

    /// <summary>Renames a top-level <c>use</c> alias and the local paths naming it, refusing a name the file or its package already binds.</summary>
    private static RenameResult RenameAlias(IdeSnapshot snapshot, string path, string text, SyntaxTree tree, UseAliasBinding alias, string name)
    {
        if (name != alias.Name)
        {
            bool bound = NameSyntax.TopLevelUsesNamed(tree, name).Any();
            var package = new WitCompletionScope(snapshot, path, tree.Root).CurrentPackage(tree.Root);
            if (bound || package is not null && (package.Interfaces.ContainsKey(name) || package.Worlds.ContainsKey(name)))
            {
                return new RenameResult(null, $"`{name}` is already defined in the same scope.");
            }
        }

        bool keyword = WitIdentifier.IsKeyword(name);
        var edits = alias.Occurrences(includeDeclaration: true)
            .Select(span => new IdeTextEdit(span, keyword || text.Substring(span.Start, span.Length).StartsWith('%') ? "%" + name : name))
            .ToList();
        return new RenameResult(new IdeWorkspaceEdit(new Dictionary<string, IReadOnlyList<IdeTextEdit>>(StringComparer.Ordinal) { [path] = edits }), null);
    }

    /// <summary>The names that share the symbol's scope (a rename to one of them would clash); the symbol's own included.</summary>
    private static IEnumerable<string> SiblingNames(SymbolTarget target)
    {
        switch (target.Symbol)
        {
            case Interface or World:
                var package = (target.Symbol as Interface)?.Package ?? (target.Symbol as World)?.Package;
                return package is null ? Enumerable.Empty<string>() : package.Interfaces.Keys.Concat(package.Worlds.Keys);
            case TypeDefinition type:
                return ScopeNames(type.Owner.Interface, type.Owner.World);
            case Function { Resource: { } resource }:
                return FunctionsOf(target.Container).Where(f => ReferenceEquals(f.Resource, resource) && f.Kind != FunctionKind.Constructor).Select(f => f.ItemName);
            case Function:
                return ScopeNames(target.Container as Interface, target.Container as World);
            case NamedType when target.Container is TypeDefinition owner:
                return owner.Members.Select(m => m.Name);
            case NamedType when target.Container is Function function:
                return function.Parameters.Select(p => p.Name);
            default:
                return Enumerable.Empty<string>();
        }
    }

    private static IEnumerable<string> ScopeNames(Interface? @interface, World? world)
    {
        if (@interface is not null) return @interface.Types.Keys.Concat(@interface.Functions.Values.Where(f => f.Resource is null).Select(f => f.Name));
        if (world is not null) return world.Imports.Concat(world.Exports).Select(e => e.Key.Name).OfType<string>();
        return Enumerable.Empty<string>();
    }

    private static IEnumerable<Function> FunctionsOf(object? container) => container switch
    {
        Interface @interface => @interface.Functions.Values,
        World world => world.Imports.Concat(world.Exports).Select(e => e.Value.Function).OfType<Function>(),
        _ => Enumerable.Empty<Function>(),
    };
}
