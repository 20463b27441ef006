using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Wit.Analyzers.CodeFixes;

/// <summary>
/// The fix of WITH0101: adds every missing host interface to the class's base list and, for each of their methods,
/// a public method with the interface's signature, <c>/// &lt;inheritdoc /&gt;</c> (the WIT documentation comes
/// through the interface) and a body that throws <see cref="System.NotImplementedException"/>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HostImplementationCodeFix)), Shared]
public sealed class HostImplementationCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(HostDiagnostics.With0101.Id);

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(HostImplementationAnalyzer.MissingProperty, out var missing) || string.IsNullOrEmpty(missing)) continue;
            var declaration = root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<ClassDeclarationSyntax>();
            if (declaration is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Implement the world's missing imports",
                    cancellationToken => ImplementAsync(context.Document, declaration, missing!.Split(';'), cancellationToken),
                    equivalenceKey: nameof(HostImplementationCodeFix)),
                diagnostic);
        }
    }

    private static async Task<Document> ImplementAsync(Document document, ClassDeclarationSyntax declaration, IReadOnlyList<string> missing, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null) return document;
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var generator = editor.Generator;
        var members = new List<SyntaxNode>();
        foreach (string name in missing)
        {
            var @interface = model.Compilation.GetTypeByMetadataName(name.Replace("global::", ""));
            if (@interface is null) continue;
            editor.AddInterfaceType(declaration, generator.TypeExpression(@interface).WithAdditionalAnnotations(Simplifier.Annotation));
            foreach (var method in @interface.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary))
            {
                members.Add(Implementation(generator, method));
            }
        }

        foreach (var member in members) editor.AddMember(declaration, member);
        return editor.GetChangedDocument();
    }

    private static SyntaxNode Implementation(SyntaxGenerator generator, IMethodSymbol method)
    {
        var exception = SyntaxFactory.ParseTypeName("global::System.NotImplementedException").WithAdditionalAnnotations(Simplifier.Annotation);
        var notImplemented = generator.ThrowStatement(generator.ObjectCreationExpression(exception));
        // Not MethodDeclaration(IMethodSymbol): it copies the interface member's abstract modifier and drops the body.
        var declaration = generator.MethodDeclaration(
            method.Name,
            method.Parameters.Select(p => generator.ParameterDeclaration(p)),
            returnType: method.ReturnsVoid ? null : generator.TypeExpression(method.ReturnType),
            accessibility: Accessibility.Public,
            statements: new[] { notImplemented });
        var docs = SyntaxFactory.ParseLeadingTrivia("/// <inheritdoc />\n");
        return declaration
            .WithLeadingTrivia(docs)
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
    }
}
