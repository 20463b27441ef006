namespace Wit.Ide.Abi;

/// <summary>
/// One row of a Canonical ABI layout table. <paramref name="Kind"/> says what the row describes: <c>type</c> (a type's
/// size and alignment), <c>field</c> (a record field or tuple element, with its offset), <c>case</c> (a variant case
/// with its payload size), <c>function</c> (a function's WIT signature), <c>lower</c> / <c>lift</c> (its core
/// signature in one direction, with the costs in <paramref name="Note"/>). Numbers are null where they do not apply.
/// </summary>
/// <param name="Item">The type or function the row belongs to.</param>
/// <param name="Kind">What the row describes (see above).</param>
/// <param name="Name">The field, case or direction name; the item's name for <c>type</c> and <c>function</c> rows.</param>
/// <param name="Type">The WIT type (or signature, or core signature).</param>
/// <param name="Offset">A field's offset, or a variant's payload offset.</param>
/// <param name="Size">Bytes (a type's size, a field's size, a case's payload size).</param>
/// <param name="Alignment">A type's or field's alignment.</param>
/// <param name="Note">Anything else: flat core types, the discriminant size, allocation and return-pointer facts.</param>
public sealed record AbiLayoutRow(string Item, string Kind, string Name, string? Type, long? Offset, long? Size, int? Alignment, string? Note);
