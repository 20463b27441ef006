using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Rename;

namespace Wit.Analyzers.CodeFixes;

/// <summary>The fix of WITH0102: renames the method (and its uses) to the import's name.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MisspelledImportCodeFix)), Shared]
public sealed class MisspelledImportCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(HostDiagnostics.With0102.Id);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(MisspelledImportAnalyzer.NameProperty, out var name) || string.IsNullOrEmpty(name)) continue;
            var node = root.FindNode(diagnostic.Location.SourceSpan);
            if (model.GetDeclaredSymbol(node, context.CancellationToken) is not IMethodSymbol method) continue;
            context.RegisterCodeFix(
                CodeAction.Create($"Rename to '{name}'", cancellationToken => RenameAsync(context.Document, method, name!, cancellationToken), equivalenceKey: nameof(MisspelledImportCodeFix)),
                diagnostic);
        }
    }

    private static async Task<Solution> RenameAsync(Document document, IMethodSymbol method, string name, CancellationToken cancellationToken) =>
        await Renamer.RenameSymbolAsync(document.Project.Solution, method, new SymbolRenameOptions(), name, cancellationToken).ConfigureAwait(false);
}
