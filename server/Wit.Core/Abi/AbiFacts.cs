using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;

namespace Wit.Core.Abi;

/// <summary>Computes <see cref="FunctionAbiFacts"/> from a function's types and its Canonical ABI signature.</summary>
public static class AbiFacts
{
    /// <summary>
    /// Facts for calling <paramref name="function"/> as an export (<paramref name="export"/> true: the host lowers
    /// into the component, which lifts) or as an import (the component lowers into the host). Null when the
    /// function's types do not resolve or have no Canonical ABI layout (a cycle in broken code, flags beyond 32 members,
    /// a size beyond any memory). Never throws: <see cref="CanonicalAbi"/> reports such types as null, and the byte
    /// counts derive from layouts that are capped at <see cref="CanonicalAbi.MaxSize"/>.
    /// </summary>
    public static FunctionAbiFacts? For(Function function, CanonicalAbi abi, bool export)
    {
        var variant = export ? AbiVariant.SyncLift : AbiVariant.SyncLower;
        if (abi.Signature(function, variant) is not { } signature) return null;
        List<string>? reallocParameters = null;
        bool parameterStrings = false;
        var parameters = function.Parameters;
        for (int i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            if (parameter.Type is not { } t) continue;
            var (allocates, holdsStrings) = Allocations(t);
            if (export && allocates) (reallocParameters ??= new List<string>()).Add(parameter.Name);
            parameterStrings |= holdsStrings;
        }

        var (resultAllocates, resultStrings) = function.Result is { } r ? Allocations(r) : (false, false);
        long parameterBytes = 0;
        if (signature.ParametersSpilled)
        {
            long offset = 0;
            int alignment = 1;
            foreach (var parameter in function.Parameters)
            {
                if (parameter.Type is not { } t || abi.Layout(t) is not { } layout) continue;
                offset = (offset + layout.Alignment - 1) / layout.Alignment * layout.Alignment + layout.Size;
                alignment = System.Math.Max(alignment, layout.Alignment);
            }

            parameterBytes = (offset + alignment - 1) / alignment * alignment;
        }

        long resultBytes = signature.ResultsThroughMemory && function.Result is { } result && abi.Layout(result) is { } resultLayout ? resultLayout.Size : 0;
        bool strings = parameterStrings || resultStrings;
        return new FunctionAbiFacts(signature, reallocParameters ?? NoParameters, export && signature.ParametersSpilled, !export && resultAllocates,
            export && resultAllocates, parameterBytes, resultBytes, strings);
    }

    private static readonly IReadOnlyList<string> NoParameters = System.Array.Empty<string>();

    /// <summary>Whether values of the type carry strings or dynamically sized lists (which must be allocated when passed).</summary>
    public static bool ContainsAllocation(WitType type) => Allocations(type).Allocates;

    public static bool ContainsString(WitType type) => Allocations(type).Strings;

    /// <summary>
    /// Both questions in one walk: whether the type's values need allocating when passed (a string, a list or a map
    /// anywhere in it) and whether they hold a string. A primitive is answered without a walk.
    /// </summary>
    private static (bool Allocates, bool Strings) Allocations(WitType root)
    {
        if (root.Definition is null) return root.Primitive == PrimitiveType.String ? (true, true) : (false, false);
        // The walk's stack and visited set are the thread's, emptied after each walk: a lint asks for every parameter
        // and result of every function.
        var stack = s_stack ??= new Stack<WitType>();
        var seen = s_seen ??= new HashSet<TypeDefinition>();
        try
        {
            bool allocates = false;
            stack.Push(root);
            while (stack.Count > 0)
            {
                var type = stack.Pop();
                if (type.Definition is not { } d)
                {
                    // A string answers both questions.
                    if (type.Primitive == PrimitiveType.String) return (true, true);
                    continue;
                }

                if (!seen.Add(d)) continue;
                allocates |= d.Kind is TypeDefinitionKind.List or TypeDefinitionKind.Map;
                if (d.Kind is TypeDefinitionKind.Handle or TypeDefinitionKind.Future or TypeDefinitionKind.Stream) continue;
                d.PushParts(stack);
            }

            return (allocates, false);
        }
        finally
        {
            stack.Clear();
            // A walk over a huge type leaves a huge set: drop it rather than keep its room.
            if (seen.Count > 1024) s_seen = null;
            else seen.Clear();
        }
    }

    [System.ThreadStatic]
    private static Stack<WitType>? s_stack;

    [System.ThreadStatic]
    private static HashSet<TypeDefinition>? s_seen;
}
