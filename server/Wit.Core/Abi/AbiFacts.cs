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
        var reallocParameters = export
            ? function.Parameters.Where(p => p.Type is { } t && ContainsAllocation(t)).Select(p => p.Name).ToList()
            : new List<string>();
        bool resultAllocates = function.Result is { } r && ContainsAllocation(r);
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
        bool strings = function.Parameters.Any(p => p.Type is { } t && ContainsString(t)) || function.Result is { } rs && ContainsString(rs);
        return new FunctionAbiFacts(signature, reallocParameters, export && signature.ParametersSpilled, !export && resultAllocates,
            export && resultAllocates, parameterBytes, resultBytes, strings);
    }

    /// <summary>Whether values of the type carry strings or dynamically sized lists (which must be allocated when passed).</summary>
    public static bool ContainsAllocation(WitType type) => Contains(type, d => d.Kind is TypeDefinitionKind.List or TypeDefinitionKind.Map, p => p == PrimitiveType.String);

    public static bool ContainsString(WitType type) => Contains(type, _ => false, p => p == PrimitiveType.String);

    private static bool Contains(WitType root, System.Func<TypeDefinition, bool> definition, System.Func<PrimitiveType, bool> primitive)
    {
        var stack = new Stack<WitType>();
        var seen = new HashSet<TypeDefinition>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var type = stack.Pop();
            if (type.Definition is not { } d)
            {
                if (primitive(type.Primitive)) return true;
                continue;
            }

            if (!seen.Add(d)) continue;
            if (definition(d)) return true;
            if (d.Kind is TypeDefinitionKind.Handle or TypeDefinitionKind.Future or TypeDefinitionKind.Stream) continue;
            if (d.Element is { } e) stack.Push(e);
            if (d.Key is { } k) stack.Push(k);
            if (d.Ok is { } ok) stack.Push(ok);
            if (d.Err is { } err) stack.Push(err);
            foreach (var element in d.Elements) stack.Push(element);
            foreach (var member in d.Members)
            {
                if (member.Type is { } t) stack.Push(t);
            }
        }

        return false;
    }
}
