using System;
using System.Collections.Generic;
using Wit.Core.Semantics;

namespace Wit.Core.Witx.Semantics;

/// <summary>
/// A resolved WITX type, with the shorthands expanded as the witx crate expands them (<see cref="WitxTypeKind"/>)
/// and the syntax it was written with kept in <see cref="Form"/>. Its <see cref="Layout"/> is computed when the type
/// is built, from the layouts of the types it contains, so no question about a type ever walks its whole structure.
/// </summary>
public sealed class WitxType
{
    internal WitxType(WitxTypeKind kind, WitxTypeForm form, SourceLocation? location)
    {
        Kind = kind;
        Form = form;
        Location = location;
    }

    /// <summary>The structure after shorthands are expanded.</summary>
    public WitxTypeKind Kind { get; }

    /// <summary>The syntax the type was written with.</summary>
    public WitxTypeForm Form { get; }

    /// <summary>The built-in type, for <see cref="WitxTypeKind.Builtin"/>.</summary>
    public WitxBuiltinType Builtin { get; internal set; }

    /// <summary>What a <see cref="WitxTypeKind.Record"/> stands for.</summary>
    public WitxRecordKind RecordKind { get; internal set; }

    /// <summary>The integer of a variant's tag, or of a bitflags record's bits.</summary>
    public WitxIntRepr Repr { get; internal set; }

    /// <summary>Record fields (flags included) or variant cases, in layout order.</summary>
    public IReadOnlyList<WitxMember> Members { get; internal set; } = Array.Empty<WitxMember>();

    /// <summary>The element of a list, or the pointee of a pointer.</summary>
    public WitxTypeRef? Element { get; internal set; }

    /// <summary>For a variant with <c>(@witx tag $enum)</c>, the enum whose cases name and order the variant's.</summary>
    public WitxTypeRef? Tag { get; internal set; }

    /// <summary>Size, alignment and offsets under the witx crate's rules.</summary>
    public WitxLayout Layout { get; internal set; } = new(0, 1);

    /// <summary>Where the type is written (the whole form, or the keyword of a built-in).</summary>
    public SourceLocation? Location { get; }

    /// <summary>True for a variant whose cases all lack a payload (an <c>enum</c>, <c>bool</c>, ...).</summary>
    public bool IsEnumLike
    {
        get
        {
            if (Kind != WitxTypeKind.Variant) return false;
            foreach (var member in Members)
            {
                if (member.Type is not null) return false;
            }

            return true;
        }
    }

    /// <summary>True for a variant of exactly the cases <c>false</c> and <c>true</c>, without payloads.</summary>
    public bool IsBool => Kind == WitxTypeKind.Variant && Members.Count == 2 && Members[0].Name == "false" && Members[1].Name == "true"
        && Members[0].Type is null && Members[1].Type is null;

    /// <summary>True for a bitflags record.</summary>
    public bool IsBitflags => Kind == WitxTypeKind.Record && RecordKind == WitxRecordKind.Bitflags;

    /// <summary>True for a tuple record.</summary>
    public bool IsTuple => Kind == WitxTypeKind.Record && RecordKind == WitxRecordKind.Tuple;

    /// <summary>
    /// The <c>ok</c> and <c>err</c> payloads when this is a variant of exactly the cases <c>ok</c> and <c>err</c>, in
    /// that order (what <c>(expected ...)</c> expands to); false for any other type.
    /// </summary>
    public bool TryGetExpected(out WitxTypeRef? ok, out WitxTypeRef? err)
    {
        ok = err = null;
        if (Kind != WitxTypeKind.Variant || Members.Count != 2 || Members[0].Name != "ok" || Members[1].Name != "err") return false;
        ok = Members[0].Type;
        err = Members[1].Type;
        return true;
    }

    /// <summary>The witx crate's name for the kind, as its messages print it.</summary>
    public string KindName => Kind switch
    {
        WitxTypeKind.Record => "record",
        WitxTypeKind.Variant => "variant",
        WitxTypeKind.Handle => "handle",
        WitxTypeKind.List => "list",
        WitxTypeKind.Pointer => "pointer",
        WitxTypeKind.ConstPointer => "constpointer",
        WitxTypeKind.Builtin => "builtin",
        _ => "error",
    };

    public override string ToString() => Form switch
    {
        WitxTypeForm.Builtin => WitxNames.Builtin(Builtin),
        WitxTypeForm.String => "string",
        WitxTypeForm.Bool => "bool",
        WitxTypeForm.List => $"(list {Element})",
        WitxTypeForm.Pointer => $"(@witx pointer {Element})",
        WitxTypeForm.ConstPointer => $"(@witx const_pointer {Element})",
        WitxTypeForm.Handle => "(handle)",
        WitxTypeForm.Error => "<error>",
        _ => "(" + Form.ToString().ToLowerInvariant() + " ...)",
    };
}
