using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Well-known values of <see cref="CodeAction.Kind"/>; LSP encodes them as hierarchical strings.</summary>
public static class CodeActionKind
{
    /// <summary>The empty kind.</summary>
    public const string Empty = "";

    /// <summary>Base kind for quick fix actions.</summary>
    public const string QuickFix = "quickfix";

    /// <summary>Base kind for refactoring actions.</summary>
    public const string Refactor = "refactor";

    /// <summary>Base kind for refactoring extraction actions.</summary>
    public const string RefactorExtract = "refactor.extract";

    /// <summary>Base kind for refactoring inline actions.</summary>
    public const string RefactorInline = "refactor.inline";

    /// <summary>Base kind for refactoring rewrite actions.</summary>
    public const string RefactorRewrite = "refactor.rewrite";

    /// <summary>Base kind for source actions, applicable to the entire file.</summary>
    public const string Source = "source";

    /// <summary>Base kind for an organise imports source action.</summary>
    public const string SourceOrganizeImports = "source.organizeImports";

    /// <summary>Base kind for a fix-all source action.</summary>
    public const string SourceFixAll = "source.fixAll";
}
