using Wit.Core.Syntax;

namespace Wit.Ide.Completion;

/// <summary>Where a WIT cursor is, as far as completion cares.</summary>
internal enum WitCompletionPlace
{
    None,
    TopLevel,
    InterfaceMember,
    WorldMember,
    ResourceMember,
    Type,
    HandleType,
    FunctionKeyword,
    ResourceFunctionKeyword,
    UsePath,
    ImportPath,
    IncludePath,
    UseNames,
    AttributeName,
    AttributeKey,
}

/// <summary>The place of a cursor plus the node that decides it (the path, the use item, the attribute).</summary>
internal readonly record struct WitCompletionContext(WitCompletionPlace Place, SyntaxNode? Node = null);
