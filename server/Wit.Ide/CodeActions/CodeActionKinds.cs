namespace Wit.Ide.CodeActions;

/// <summary>The code action kinds this layer produces, spelled as LSP spells them.</summary>
public static class CodeActionKinds
{
    public const string QuickFix = "quickfix";
    public const string OrganizeImports = "source.organizeImports";
    public const string RefactorRewrite = "refactor.rewrite";
}
