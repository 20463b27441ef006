using System.Collections.Generic;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;

namespace Wit.Core.Witx;

/// <summary>
/// Light, purely syntactic checks of a closed form's shape, limited to rules the witx crate enforces for every input
/// it accepts: a <c>typename</c>, <c>module</c>, function parameter or result, record field or variant case has a
/// <c>$name</c>; a type position holds exactly one type; a function starts with <c>(export "name")</c>. Member rules
/// apply only inside the form that gives them meaning, because <c>.witxt</c> files also hold core wasm signatures such
/// as <c>(param i32)</c>. Diagnostics go to the top-level form, relative to its start.
/// </summary>
internal sealed class WitxFormValidator
{
    private readonly List<GreenDiagnostic> _diagnostics;
    private readonly int _formStart;

    public WitxFormValidator(List<GreenDiagnostic> diagnostics, int formStart)
    {
        _diagnostics = diagnostics;
        _formStart = formStart;
    }

    /// <summary>Checks a form closed by a real <c>)</c>; <paramref name="fullStart"/> is where its <c>(</c> token's trivia starts.</summary>
    public void Validate(SyntaxKind kind, SyntaxKind parentKind, List<GreenElement> children, int fullStart)
    {
        switch (kind)
        {
            case SyntaxKind.WitxTypename:
                if (ExpectName(kind, children, fullStart)) ExpectTypes(kind, children, fullStart, 1, 1, 1);
                break;
            case SyntaxKind.WitxModule:
                ExpectName(kind, children, fullStart);
                break;
            case SyntaxKind.WitxParam when parentKind == SyntaxKind.WitxInterfaceFunc:
            case SyntaxKind.WitxResult when parentKind == SyntaxKind.WitxInterfaceFunc:
            case SyntaxKind.WitxField when parentKind == SyntaxKind.WitxRecord:
                if (ExpectName(kind, children, fullStart)) ExpectTypes(kind, children, fullStart, 1, 1, 1);
                break;
            case SyntaxKind.WitxCase when parentKind == SyntaxKind.WitxVariant:
                if (ExpectName(kind, children, fullStart)) ExpectTypes(kind, children, fullStart, 1, 0, 1);
                break;
            case SyntaxKind.WitxPointer:
            case SyntaxKind.WitxConstPointer:
                ExpectTypes(kind, children, fullStart, 0, 1, 1);
                break;
            case SyntaxKind.WitxInterfaceFunc:
                ExpectExport(kind, children, fullStart);
                break;
            case SyntaxKind.WitxExport when parentKind == SyntaxKind.WitxInterfaceFunc:
                ExpectExportName(kind, children, fullStart);
                break;
        }
    }

    /// <summary>The first item after the head must be a <c>$name</c>; false (and one diagnostic) when it is not.</summary>
    private bool ExpectName(SyntaxKind kind, List<GreenElement> children, int fullStart)
    {
        int index = 1 + WitxSyntaxFacts.HeadLength(kind);
        if (children[index] is GreenToken { Kind: SyntaxKind.WitxIdentifierToken }) return true;
        Report(children, fullStart, index, WitxSyntaxDiagnostics.ExpectedName(HeadText(kind, children), WitxSyntaxFacts.DescribeFound(children[index])));
        return false;
    }

    /// <summary>After <paramref name="skip"/> items, between <paramref name="min"/> and <paramref name="max"/> types must follow.</summary>
    private void ExpectTypes(SyntaxKind kind, List<GreenElement> children, int fullStart, int skip, int min, int max)
    {
        int first = 1 + WitxSyntaxFacts.HeadLength(kind) + skip;
        int count = children.Count - 1 - first;
        if (count < min)
        {
            Report(children, fullStart, children.Count - 1, WitxSyntaxDiagnostics.ExpectedType(WitxSyntaxFacts.DescribeFound(children[children.Count - 1])));
        }
        else if (count > max)
        {
            Report(children, fullStart, first + max, WitxSyntaxDiagnostics.ExpectedCloseParen(WitxSyntaxFacts.DescribeFound(children[first + max])));
        }
    }

    private void ExpectExport(SyntaxKind kind, List<GreenElement> children, int fullStart)
    {
        int index = 1 + WitxSyntaxFacts.HeadLength(kind);
        if (children[index] is GreenNode { Kind: SyntaxKind.WitxExport }) return;
        Report(children, fullStart, index, WitxSyntaxDiagnostics.ExpectedExport(WitxSyntaxFacts.DescribeFound(children[index])));
    }

    private void ExpectExportName(SyntaxKind kind, List<GreenElement> children, int fullStart)
    {
        int index = 1 + WitxSyntaxFacts.HeadLength(kind);
        if (children[index] is not GreenToken { Kind: SyntaxKind.WitxStringToken })
        {
            Report(children, fullStart, index, WitxSyntaxDiagnostics.ExpectedString(WitxSyntaxFacts.DescribeFound(children[index])));
            return;
        }

        if (index + 1 < children.Count - 1)
        {
            Report(children, fullStart, index + 1, WitxSyntaxDiagnostics.ExpectedCloseParen(WitxSyntaxFacts.DescribeFound(children[index + 1])));
        }
    }

    private static string HeadText(SyntaxKind kind, List<GreenElement> children)
    {
        int length = WitxSyntaxFacts.HeadLength(kind);
        string text = ((GreenToken)children[1]).Text;
        return length == 2 ? text + " " + ((GreenToken)children[2]).Text : text;
    }

    /// <summary>Reports at the text of child <paramref name="index"/>: a token's own text, or the <c>(</c> of a node.</summary>
    private void Report(List<GreenElement> children, int fullStart, int index, DiagnosticMessage message)
    {
        int position = fullStart;
        for (int i = 0; i < index; i++) position += children[i].FullWidth;
        var element = children[index];
        int start, length;
        if (element is GreenToken token)
        {
            start = position + token.LeadingWidth;
            length = token.Width;
        }
        else
        {
            var first = ((GreenNode)element).FirstToken();
            start = position + (first?.LeadingWidth ?? 0);
            length = first?.Width ?? 0;
        }

        _diagnostics.Add(new GreenDiagnostic(message, start - _formStart, length));
    }
}
