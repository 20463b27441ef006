using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Wit.Core.Abi;
using Wit.Core.Semantics;

namespace Wit.Cli.Abi;

/// <summary>Reads a named type's layout off the Canonical ABI engine into an <see cref="AbiTypeReport"/>.</summary>
public static class AbiTypeReportBuilder
{
    /// <summary>The report, or null with the engine's reason in <paramref name="problem"/> when the type has no layout.</summary>
    public static AbiTypeReport? Create(string name, TypeDefinition definition, CanonicalAbi abi, out string problem)
    {
        problem = string.Empty;
        if (abi.Layout(definition) is not { } layout || abi.Flatten(WitType.Of(definition)) is not { } flat)
        {
            problem = abi.Problem(definition) ?? "the type has no layout";
            return null;
        }

        var report = new AbiTypeReport
        {
            Name = name,
            Kind = KindName(definition),
            Size = layout.Size,
            Alignment = layout.Alignment,
            FlatCount = flat.Count,
            Flat = flat.Values?.Select(CoreValueTypes.Name).ToList(),
        };

        // An alias is laid out as what it finally names; the details come from there.
        var underlying = definition;
        var seen = new HashSet<TypeDefinition>();
        if (IsTypeStatement(definition))
        {
            // `type bytes = list<u8>;` resolves to a named list; it reads best the way it was written.
            report.Kind = "type";
            report.AliasOf = WitTypeText.FormatDefinition(definition);
            report.LayoutKind = KindName(definition);
        }
        else if (definition.Kind == TypeDefinitionKind.Alias)
        {
            report.AliasOf = WitTypeText.Format(definition.Element);
            while (underlying.Kind == TypeDefinitionKind.Alias && seen.Add(underlying))
            {
                if (underlying.Element is not { } element) break;
                if (element.Definition is not { } next)
                {
                    report.LayoutKind = PrimitiveNames.Name(element.Primitive);
                    return report;
                }

                underlying = next;
            }

            report.LayoutKind = KindName(underlying);
        }

        AddDetails(report, underlying, layout, abi);
        return report;
    }

    /// <summary>The definition's kind as WIT calls it (<c>type</c> for an alias, <c>own</c>/<c>borrow</c> for handles).</summary>
    public static string KindName(TypeDefinition definition) => definition.Kind switch
    {
        TypeDefinitionKind.Alias => "type",
        TypeDefinitionKind.Handle => definition.HandleKind == HandleKind.Borrow ? "borrow" : "own",
        TypeDefinitionKind.FixedSizeList => "fixed-length-list",
        _ => definition.Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>A named definition of a kind only <c>type name = ...;</c> can name (not an alias, not a declaration).</summary>
    private static bool IsTypeStatement(TypeDefinition definition) =>
        definition.Name is not null && definition.Kind is not (TypeDefinitionKind.Record or TypeDefinitionKind.Variant or TypeDefinitionKind.Enum
            or TypeDefinitionKind.Flags or TypeDefinitionKind.Resource or TypeDefinitionKind.Alias or TypeDefinitionKind.Error);

    private static void AddDetails(AbiTypeReport report, TypeDefinition definition, TypeLayout layout, CanonicalAbi abi)
    {
        switch (definition.Kind)
        {
            case TypeDefinitionKind.Record:
            case TypeDefinitionKind.Tuple:
                var fields = definition.Kind == TypeDefinitionKind.Record
                    ? definition.Members.Select(m => (m.Name, m.Type)).ToList()
                    : definition.Elements.Select((e, i) => (i.ToString(CultureInfo.InvariantCulture), (WitType?)e)).ToList();
                report.Fields = new List<AbiFieldReport>();
                for (int i = 0; i < fields.Count && i < layout.FieldOffsets.Count; i++)
                {
                    var fieldLayout = fields[i].Item2 is { } type ? abi.Layout(type) : null;
                    report.Fields.Add(new AbiFieldReport
                    {
                        Name = fields[i].Item1,
                        Type = WitTypeText.Format(fields[i].Item2),
                        Offset = layout.FieldOffsets[i],
                        Size = fieldLayout?.Size ?? 0,
                        Alignment = fieldLayout?.Alignment ?? 0,
                    });
                }

                break;
            case TypeDefinitionKind.Variant:
            case TypeDefinitionKind.Enum:
            case TypeDefinitionKind.Option:
            case TypeDefinitionKind.Result:
                report.DiscriminantSize = layout.DiscriminantSize;
                report.PayloadOffset = layout.PayloadOffset;
                report.Cases = Cases(definition).Select(c => new AbiCaseReport
                {
                    Name = c.Name,
                    Payload = c.Payload is { } payload ? WitTypeText.Format(payload) : null,
                    PayloadSize = c.Payload is { } sized && abi.Layout(sized) is { } payloadLayout ? payloadLayout.Size : 0,
                }).ToList();
                break;
            case TypeDefinitionKind.Flags:
                report.FlagCount = definition.Members.Count;
                break;
            case TypeDefinitionKind.List:
            case TypeDefinitionKind.FixedSizeList:
                report.Element = WitTypeText.Format(definition.Element);
                report.ElementSize = definition.Element is { } element && abi.Layout(element) is { } elementLayout ? elementLayout.Size : null;
                if (definition.Kind == TypeDefinitionKind.FixedSizeList) report.Length = definition.FixedLength;
                break;
            case TypeDefinitionKind.Map:
                // The Canonical ABI lays a map out as a list of key-value tuples.
                report.Element = $"tuple<{WitTypeText.Format(definition.Key)}, {WitTypeText.Format(definition.Element)}>";
                break;
        }
    }

    private static IEnumerable<(string Name, WitType? Payload)> Cases(TypeDefinition definition) => definition.Kind switch
    {
        TypeDefinitionKind.Option => new[] { ("none", (WitType?)null), ("some", definition.Element) },
        TypeDefinitionKind.Result => new[] { ("ok", definition.Ok), ("error", definition.Err) },
        _ => definition.Members.Select(m => (m.Name, m.Type)),
    };
}
