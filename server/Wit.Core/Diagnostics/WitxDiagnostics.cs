using System.Collections.Generic;
using System.Globalization;

namespace Wit.Core.Diagnostics;

/// <summary>
/// The catalogue of WITX semantic diagnostics: <c>WITX10xx</c> for resolution and validation of WITX documents,
/// <c>WITX11xx</c> for deriving WITX from WIT. One descriptor per code, named after it, and one factory per message,
/// named after what it says: report sites pass values, and every text is written here, next to its code. Messages
/// follow the witx crate's wording where the same error exists (its <c>.witxt</c> tests match on them), so the first
/// line reads the same as upstream's.
/// </summary>
public static class WitxDiagnostics
{
    public static readonly DiagnosticDescriptor Witx1001 = new("WITX1001", DiagnosticSeverity.Error, "Name does not exist");
    public static readonly DiagnosticDescriptor Witx1002 = new("WITX1002", DiagnosticSeverity.Error, "Name defined more than once");
    public static readonly DiagnosticDescriptor Witx1003 = new("WITX1003", DiagnosticSeverity.Error, "Type refers to itself");
    public static readonly DiagnosticDescriptor Witx1004 = new("WITX1004", DiagnosticSeverity.Error, "Name refers to the wrong kind of item");
    public static readonly DiagnosticDescriptor Witx1005 = new("WITX1005", DiagnosticSeverity.Error, "Invalid integer representation");
    public static readonly DiagnosticDescriptor Witx1006 = new("WITX1006", DiagnosticSeverity.Error, "Anonymous structured type");
    public static readonly DiagnosticDescriptor Witx1007 = new("WITX1007", DiagnosticSeverity.Error, "Invalid union or variant tag");
    public static readonly DiagnosticDescriptor Witx1008 = new("WITX1008", DiagnosticSeverity.Error, "Function outside the WITX ABI");
    public static readonly DiagnosticDescriptor Witx1009 = new("WITX1009", DiagnosticSeverity.Error, "Used file cannot be read");
    public static readonly DiagnosticDescriptor Witx1010 = new("WITX1010", DiagnosticSeverity.Error, "Unsupported form");
    public static readonly DiagnosticDescriptor Witx1011 = new("WITX1011", DiagnosticSeverity.Error, "Invalid constant");
    public static readonly DiagnosticDescriptor Witx1012 = new("WITX1012", DiagnosticSeverity.Error, "Type too large");
    public static readonly DiagnosticDescriptor Witx1013 = new("WITX1013", DiagnosticSeverity.Error, "Type without fields or cases");

    public static readonly DiagnosticDescriptor Witx1101 = new("WITX1101", DiagnosticSeverity.Warning, "WIT feature without a WITX equivalent");
    public static readonly DiagnosticDescriptor Witx1102 = new("WITX1102", DiagnosticSeverity.Warning, "WITX layout differs from the Canonical ABI");
    public static readonly DiagnosticDescriptor Witx1103 = new("WITX1103", DiagnosticSeverity.Error, "Function cannot be derived");

    /// <summary>Every WITX semantic descriptor, for documentation checks.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        Witx1001, Witx1002, Witx1003, Witx1004, Witx1005, Witx1006, Witx1007, Witx1008,
        Witx1009, Witx1010, Witx1011, Witx1012, Witx1013, Witx1101, Witx1102, Witx1103,
    };

    /// <summary>WITX1001: a <c>$name</c> used as a type that no typename defines.</summary>
    public static DiagnosticMessage UnknownName(string name) => Witx1001.Message($"Unknown name `{name}`");

    /// <summary>WITX1002: a name defined again in the same scope.</summary>
    public static DiagnosticMessage Redefinition(string name) => Witx1002.Message($"Redefinition of name `{name}`");

    /// <summary>WITX1003: a typename used inside its own definition.</summary>
    public static DiagnosticMessage RecursiveDefinition(string name) => Witx1003.Message($"Recursive definition of name `{name}`");

    /// <summary>WITX1004: a module's name used as a type.</summary>
    public static DiagnosticMessage ModuleUsedAsType(string name) => Witx1004.Message($"Wrong kind of name `{name}`: expected datatype, got module");

    /// <summary>
    /// WITX1004: a union or variant tag that is neither an enum nor an integer; <paramref name="name"/> is the tag's
    /// typename (null for an anonymous one), <paramref name="kind"/> what it is instead.
    /// </summary>
    public static DiagnosticMessage TagOfWrongKind(string? name, string kind) =>
        Witx1004.Message($"Wrong kind of name `{name ?? "tag"}`: expected enum or builtin, got {kind}");

    /// <summary>WITX1005: more cases than the tag's integer (<paramref name="repr"/>, e.g. <c>u8</c>) can number.</summary>
    public static DiagnosticMessage CasesDoNotFitTag(int count, string repr) =>
        Witx1005.Message($"{count} cases do not fit in the tag representation `{repr}`");

    /// <summary>WITX1005: more flags than the representation's <paramref name="bits"/> bits.</summary>
    public static DiagnosticMessage FlagsDoNotFitRepresentation(int count, string repr, int bits) =>
        Witx1005.Message($"{count} flags do not fit in the representation `{repr}` ({bits} bits)");

    /// <summary>WITX1005: a <c>@witx tag</c> or <c>@witx repr</c> that names no unsigned integer.</summary>
    public static DiagnosticMessage InvalidRepresentation(string found) =>
        Witx1005.Message($"Invalid representation `{found}`: expected `u8`, `u16`, `u32` or `u64`");

    /// <summary>WITX1006: a record, union, enum, flags or handle outside a typename.</summary>
    public static DiagnosticMessage AnonymousStructuredType() =>
        Witx1006.Message("Anonymous structured types (struct, union, enum, flags, handle) are not permitted");

    /// <summary>WITX1007: a case of a tagged variant that the tag enum (<paramref name="tag"/>, null when anonymous) lacks.</summary>
    public static DiagnosticMessage CaseNotInTag(string field, string? tag) =>
        Witx1007.Message($"Invalid union field `{field}`: does not correspond to variant in tag `{tag ?? "tag"}`");

    /// <summary>WITX1007: a tagged union or variant with a number of cases other than its tag's.</summary>
    public static DiagnosticMessage CaseCountDiffersFromTag(int expected, int found) =>
        Witx1007.Message($"Union expected {expected} variants, found {found}");

    /// <summary>WITX1007: <c>(@witx tag)</c> without a type.</summary>
    public static DiagnosticMessage TagWithoutType() => Witx1007.Message("Invalid union tag: expected a type after `@witx tag`");

    /// <summary>WITX1007: a tag variant whose cases carry payloads.</summary>
    public static DiagnosticMessage TagWithPayloads() => Witx1007.Message("Invalid union tag: all variant cases should have empty payloads");

    /// <summary>
    /// WITX1008: a function whose results the witx ABI cannot pass; <paramref name="problem"/> is the witx crate's
    /// reason, as <c>WitxAbi.ResultsProblem</c> gives it (hover shows it too).
    /// </summary>
    public static DiagnosticMessage OutsideAbi(string problem) => Witx1008.Message("ABI error: " + problem);

    /// <summary>WITX1009: a <c>use</c> without its file name string.</summary>
    public static DiagnosticMessage UseWithoutFile() =>
        Witx1009.Message("expected the name of a file to use, as in `(use \"typenames.witx\")`");

    /// <summary>WITX1009: a used file that does not exist.</summary>
    public static DiagnosticMessage UsedFileNotFound(string path) => Witx1009.Message($"cannot read `{path}`: no such file");

    /// <summary>WITX1009: a used file whose bytes are not UTF-8 (the decoder's own message names a code page).</summary>
    public static DiagnosticMessage UsedFileNotUtf8(string path) => Witx1009.Message($"cannot read `{path}`: not valid UTF-8");

    /// <summary>WITX1009: a used file that exists but cannot be read; <paramref name="reason"/> is the exception's message.</summary>
    public static DiagnosticMessage UsedFileUnreadable(string path, string reason) => Witx1009.Message($"cannot read `{path}`: {reason}");

    /// <summary>WITX1010: a top-level form of a kind a document does not hold (<paramref name="head"/>, its head words).</summary>
    public static DiagnosticMessage UnexpectedDocumentForm(string head) =>
        Witx1010.Message($"unexpected form `({head} ...)`: a document holds `typename`, `module`, `use` and `(@witx const ...)` forms");

    /// <summary>WITX1010: an item a module does not hold, described by <paramref name="found"/>.</summary>
    public static DiagnosticMessage UnexpectedInModule(string found) =>
        Witx1010.Message($"unexpected {found} in a module: a module holds `(import ...)` and `(@interface func ...)` forms");

    /// <summary>WITX1010: a module import other than a memory.</summary>
    public static DiagnosticMessage ExpectedMemoryImport() =>
        Witx1010.Message("expected `(import \"name\" (memory))`: memories are the only imports WITX knows");

    /// <summary>WITX1010: an item a function does not hold, described by <paramref name="found"/>.</summary>
    public static DiagnosticMessage UnexpectedInFunction(string found) =>
        Witx1010.Message($"unexpected {found} in a function: a function holds `(export ...)`, `(param ...)`, `(result ...)` and `(@witx noreturn)`");

    /// <summary>WITX1010: a malformed <c>(@witx const ...)</c>.</summary>
    public static DiagnosticMessage ExpectedConstant() => Witx1010.Message("expected `(@witx const $type $name value)`");

    /// <summary>WITX1010: a token in a type position that is not a type.</summary>
    public static DiagnosticMessage ExpectedType(string found) => Witx1010.Message($"expected a type, found {found}");

    /// <summary>WITX1010: a form in a type position that is not a type (<paramref name="head"/>, its head words).</summary>
    public static DiagnosticMessage ExpectedTypeFoundForm(string head) => Witx1010.Message($"expected a type, found `({head} ...)`");

    /// <summary>WITX1010: an item after the last one a type form allows.</summary>
    public static DiagnosticMessage ExpectedCloseParen(string found) => Witx1010.Message($"expected ')', found {found}");

    /// <summary>WITX1010: an item of a record that is not a field.</summary>
    public static DiagnosticMessage ExpectedRecordField(string found) =>
        Witx1010.Message($"expected a record field `(field $name type)`, found {found}");

    /// <summary>WITX1010: an item of a variant that is not a case.</summary>
    public static DiagnosticMessage ExpectedVariantCase(string found) =>
        Witx1010.Message($"expected a variant case `(case $name type?)`, found {found}");

    /// <summary>WITX1010: the second item of an <c>expected</c> type that is not its error.</summary>
    public static DiagnosticMessage ExpectedErrorForm(string found) => Witx1010.Message($"expected `(error type?)`, found {found}");

    /// <summary>WITX1010: an item of an enum that is not a case name.</summary>
    public static DiagnosticMessage ExpectedEnumCase(string found) => Witx1010.Message($"expected an enum case `$name`, found {found}");

    /// <summary>WITX1010: an item of flags that is not a flag name.</summary>
    public static DiagnosticMessage ExpectedFlag(string found) => Witx1010.Message($"expected a flag `$name`, found {found}");

    /// <summary>WITX1011: a constant whose type (<paramref name="type"/>) is not an integer.</summary>
    public static DiagnosticMessage ConstantNeedsIntegerType(string type) => Witx1011.Message($"a constant needs an integer type, not {type}");

    /// <summary>WITX1011: a negative constant of an unsigned type.</summary>
    public static DiagnosticMessage NegativeUnsignedConstant(string type) => Witx1011.Message($"the value is negative but {type} is unsigned");

    /// <summary>WITX1011: a constant outside its type's range.</summary>
    public static DiagnosticMessage ConstantOutOfRange(string type) => Witx1011.Message($"the value does not fit in {type}");

    /// <summary>WITX1012: a type larger than a 32-bit memory, its size in bytes.</summary>
    public static DiagnosticMessage TypeTooLarge(long size) =>
        Witx1012.Message($"type too large: its size is {size.ToString(CultureInfo.InvariantCulture)} bytes, more than a 32-bit memory holds");

    /// <summary>WITX1012: a type whose size passed the layout's cap (2^62), where sizes stop being counted.</summary>
    public static DiagnosticMessage TypeTooLargeToCount() =>
        Witx1012.Message("type too large: its size is more than 2^62 bytes, more than a 32-bit memory holds");

    /// <summary>
    /// WITX1012: a WIT fixed-length list that WITX could only write as a tuple of <paramref name="length"/> elements,
    /// more than the derivation writes out (<paramref name="limit"/> characters of WITX).
    /// </summary>
    public static DiagnosticMessage FixedLengthListTooLong(string type, long length, long limit) =>
        Witx1012.Message($"type too large: the fixed-length list `{type}` would be written as a WITX tuple of {length.ToString(CultureInfo.InvariantCulture)} elements, more than {limit.ToString(CultureInfo.InvariantCulture)} characters of WITX");

    /// <summary>WITX1013: <c>(tuple)</c>.</summary>
    public static DiagnosticMessage TupleHasNoElements() => Witx1013.Message("Tuple has no elements");

    /// <summary>WITX1013: a record without fields.</summary>
    public static DiagnosticMessage RecordHasNoFields() => Witx1013.Message("Record has no fields");

    /// <summary>WITX1013: a variant without cases.</summary>
    public static DiagnosticMessage VariantHasNoCases() => Witx1013.Message("Variant has zero cases");

    /// <summary>WITX1013: a union without cases.</summary>
    public static DiagnosticMessage UnionHasNoCases() => Witx1013.Message("Union has no cases");

    /// <summary>WITX1013: an enum without cases.</summary>
    public static DiagnosticMessage EnumHasNoCases() => Witx1013.Message("Enum has no cases");

    /// <summary>WITX1101: WIT flags with more members than the Canonical ABI allows.</summary>
    public static DiagnosticMessage TooManyFlags(string? name, int count) =>
        Witx1101.Message($"flags `{name}` has {count} members; the Canonical ABI allows at most 32");

    /// <summary>WITX1101: a WIT type (<paramref name="type"/>, e.g. <c>future</c>) that WITX lacks, derived as a handle.</summary>
    public static DiagnosticMessage DerivedAsHandle(string type) =>
        Witx1101.Message($"WIT `{type}` has no WITX equivalent: it is derived as a handle (an i32), as the Canonical ABI passes it");

    /// <summary>WITX1101: an async WIT function, derived with its synchronous signature.</summary>
    public static DiagnosticMessage AsyncFunction(string function) =>
        Witx1101.Message($"function `{function}` is async, which WITX cannot express: it is derived with the synchronous signature");

    /// <summary>
    /// WITX1102: a typename whose WITX layout differs from the Canonical ABI's; <paramref name="note"/> is the comment
    /// the derivation writes on the typename, saying how.
    /// </summary>
    public static DiagnosticMessage LayoutDiffers(string? type, string note) => Witx1102.Message($"type `{type}`: {note}");

    /// <summary>WITX1103: a function with a parameter or result type that has no Canonical ABI layout.</summary>
    public static DiagnosticMessage NoCanonicalSignature(string function) =>
        Witx1103.Message($"function `{function}` has no Canonical ABI signature: a parameter or result type has no layout");

    /// <summary>WITX1103: a function using a type the derivation cannot write in WITX.</summary>
    public static DiagnosticMessage NoWitxForm(string function) => Witx1103.Message($"function `{function}` uses a type with no WITX form");

    /// <summary>
    /// WITX1103: a derived function whose witx-ABI signature (<paramref name="derived"/>, null when it has none)
    /// differs from the Canonical ABI's.
    /// </summary>
    public static DiagnosticMessage SignatureDiffers(string function, string? derived, string canonical) =>
        Witx1103.Message($"the derived signature of `{function}`, {derived ?? "none"}, differs from the Canonical ABI's, {canonical}");
}
