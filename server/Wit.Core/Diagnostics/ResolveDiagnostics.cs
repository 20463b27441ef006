using System.Collections.Generic;
using System.Linq;

namespace Wit.Core.Diagnostics;

/// <summary>
/// The catalogue of resolution diagnostics (<c>WIT1xxx</c>): one descriptor per code, named after it, and one factory
/// per message, named after what it says, grouped by code. Report sites pass the values a message needs (names,
/// directions, kinds, paths) to a factory, so every text is written here, next to its code. Messages follow
/// wit-parser's wording where the same error exists, so the first line of an error reads the same as upstream's.
/// </summary>
public static class ResolveDiagnostics
{
    public static readonly DiagnosticDescriptor Wit1001 = new("WIT1001", DiagnosticSeverity.Error, "Name does not exist");
    public static readonly DiagnosticDescriptor Wit1002 = new("WIT1002", DiagnosticSeverity.Error, "Name defined more than once");
    public static readonly DiagnosticDescriptor Wit1003 = new("WIT1003", DiagnosticSeverity.Error, "Item depends on itself");
    public static readonly DiagnosticDescriptor Wit1004 = new("WIT1004", DiagnosticSeverity.Error, "Invalid package structure");
    public static readonly DiagnosticDescriptor Wit1005 = new("WIT1005", DiagnosticSeverity.Error, "Handle of a non-resource type");
    public static readonly DiagnosticDescriptor Wit1006 = new("WIT1006", DiagnosticSeverity.Error, "Borrowed handle in a function result");
    public static readonly DiagnosticDescriptor Wit1007 = new("WIT1007", DiagnosticSeverity.Error, "Conflicting world import or export");
    public static readonly DiagnosticDescriptor Wit1008 = new("WIT1008", DiagnosticSeverity.Error, "Invalid feature gate use");
    public static readonly DiagnosticDescriptor Wit1009 = new("WIT1009", DiagnosticSeverity.Error, "Invalid include");
    public static readonly DiagnosticDescriptor Wit1010 = new("WIT1010", DiagnosticSeverity.Error, "Invalid map key type");
    public static readonly DiagnosticDescriptor Wit1011 = new("WIT1011", DiagnosticSeverity.Error, "Invalid constructor result");
    public static readonly DiagnosticDescriptor Wit1012 = new("WIT1012", DiagnosticSeverity.Error, "Name refers to the wrong kind of item");
    public static readonly DiagnosticDescriptor Wit1013 = new("WIT1013", DiagnosticSeverity.Error, "Unsupported input");
    public static readonly DiagnosticDescriptor Wit1014 = new("WIT1014", DiagnosticSeverity.Error, "Unreadable input");
    public static readonly DiagnosticDescriptor Wit1015 = new("WIT1015", DiagnosticSeverity.Error, "Item not found in package");
    public static readonly DiagnosticDescriptor Wit1016 = new("WIT1016", DiagnosticSeverity.Error, "Type the component model cannot represent");
    public static readonly DiagnosticDescriptor Wit1017 = new("WIT1017", DiagnosticSeverity.Warning, "Input over a size limit");
    public static readonly DiagnosticDescriptor Wit1018 = new("WIT1018", DiagnosticSeverity.Error, "Encoded package that cannot be decoded");
    public static readonly DiagnosticDescriptor Wit1019 = new("WIT1019", DiagnosticSeverity.Error, "Names a component cannot tell apart");

    /// <summary>Every resolution descriptor, for documentation checks.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        Wit1001, Wit1002, Wit1003, Wit1004, Wit1005, Wit1006, Wit1007, Wit1008,
        Wit1009, Wit1010, Wit1011, Wit1012, Wit1013, Wit1014, Wit1015, Wit1016, Wit1017, Wit1018, Wit1019,
    };

    // WIT1001: a name that nothing in scope defines.

    /// <summary>WIT1001: a type definition refers to <paramref name="name"/>, which no type in scope has.</summary>
    public static DiagnosticMessage TypeDoesNotExist(string name) => Wit1001.Message($"type `{name}` does not exist");

    /// <summary>
    /// WIT1001: a type definition refers to an old float name (<paramref name="name"/>, e.g. <c>float32</c>), with
    /// wit-parser's hint to its new name, <paramref name="renamed"/>.
    /// </summary>
    public static DiagnosticMessage RenamedTypeDoesNotExist(string name, string renamed) =>
        Wit1001.Message($"type `{name}` does not exist\nthe `{name}` type has been renamed to `{renamed}` and is no longer accepted, but the `WIT_REQUIRE_F32_F64=0` environment variable can be used to temporarily disable this error");

    /// <summary>WIT1001: a function's signature or a <c>use</c> names <paramref name="name"/>, which nothing in scope defines.</summary>
    public static DiagnosticMessage NameDoesNotExist(string name) => Wit1001.Message($"name `{name}` does not exist");

    /// <summary>WIT1001: a <c>use</c> of another package's interface names a type (<paramref name="name"/>) it does not define.</summary>
    public static DiagnosticMessage TypeNotDefinedInInterface(string name) => Wit1001.Message($"type `{name}` not defined in interface");

    /// <summary>WIT1001: a path names an interface or world (<paramref name="name"/>) that the package does not define.</summary>
    public static DiagnosticMessage InterfaceOrWorldDoesNotExist(string name) => Wit1001.Message($"interface or world `{name}` does not exist");

    // WIT1002: a name defined twice in one scope.

    /// <summary>WIT1002: a name (<paramref name="name"/>) defined twice in an interface or world.</summary>
    public static DiagnosticMessage NameDefinedMoreThanOnce(string name) => Wit1002.Message($"name `{name}` is defined more than once");

    /// <summary>WIT1002: a parameter name (<paramref name="name"/>) used twice in one function.</summary>
    public static DiagnosticMessage ParamDefinedMoreThanOnce(string name) => Wit1002.Message($"param `{name}` is defined more than once");

    /// <summary>WIT1002: a resource with two constructors.</summary>
    public static DiagnosticMessage DuplicateConstructors() => Wit1002.Message("duplicate constructors");

    /// <summary>WIT1002: a resource function name (<paramref name="name"/>, e.g. <c>[method]r.m</c>) defined twice.</summary>
    public static DiagnosticMessage DuplicateFunctionName(string name) => Wit1002.Message($"duplicate function name `{name}`");

    /// <summary>WIT1002: a top-level name (<paramref name="name"/>) that one file defines or imports twice.</summary>
    public static DiagnosticMessage DuplicateNameInFile(string name) => Wit1002.Message($"duplicate name `{name}` in this file");

    /// <summary>WIT1002: an interface or world name (<paramref name="name"/>) that two items of a package share.</summary>
    public static DiagnosticMessage DuplicateItem(string name) => Wit1002.Message($"duplicate item named `{name}`");

    // WIT1003: a definition that refers to itself.

    /// <summary>WIT1003: a type (<paramref name="name"/>) whose definition refers back to it.</summary>
    public static DiagnosticMessage TypeDependsOnItself(string name) => Wit1003.Message($"type `{name}` depends on itself");

    /// <summary>WIT1003: an interface or world (<paramref name="name"/>) whose <c>use</c>s lead back to it.</summary>
    public static DiagnosticMessage InterfaceOrWorldDependsOnItself(string name) => Wit1003.Message($"interface or world `{name}` depends on itself");

    // WIT1004: the package structure is wrong.

    /// <summary>WIT1004: a file's package header (<paramref name="name"/>) differs from another file's (<paramref name="previous"/>).</summary>
    public static DiagnosticMessage PackageNameMismatch(string name, string previous) =>
        Wit1004.Message($"package identifier `{name}` does not match previous package name of `{previous}`");

    /// <summary>WIT1004: doc comments on the package header of more than one file.</summary>
    public static DiagnosticMessage DocsOnMultiplePackages() => Wit1004.Message("found doc comments on multiple 'package' items");

    /// <summary>WIT1004: a nested package inside another nested package.</summary>
    public static DiagnosticMessage NestedPackageNotAtTopLevel() => Wit1004.Message("nested packages must be placed at the top-level");

    /// <summary>WIT1004: a package none of whose files has a <c>package</c> header.</summary>
    public static DiagnosticMessage NoPackageHeader() => Wit1004.Message("no `package` header was found in any WIT file for this package");

    /// <summary>
    /// WIT1004: a package (<paramref name="name"/>) defined at two places, <paramref name="location"/> and
    /// <paramref name="previousLocation"/> (each as <c>path:line:column</c>).
    /// </summary>
    public static DiagnosticMessage PackageDefinedTwice(string name, string location, string previousLocation) =>
        Wit1004.Message($"package `{name}` is defined in two different locations:\n  * {location}\n  * {previousLocation}");

    /// <summary>WIT1004: a package (<paramref name="name"/>) whose dependencies lead back to it.</summary>
    public static DiagnosticMessage PackageDependencyCycle(string name) => Wit1004.Message($"package `{name}` creates a dependency cycle");

    // WIT1005: own or borrow of something that is not a resource.

    /// <summary>WIT1005: <c>own</c> or <c>borrow</c> of a type (<paramref name="name"/>) that is not a resource.</summary>
    public static DiagnosticMessage HandleOfNonResource(string name) => Wit1005.Message($"type `{name}` used in a handle must be a resource");

    /// <summary>WIT1005: a handle of a used type that is not a resource (wit-parser checks those later, without the name).</summary>
    public static DiagnosticMessage HandleOfUsedNonResource() => Wit1005.Message("type used in a handle must be a resource");

    // WIT1006: a borrow in a result.

    /// <summary>WIT1006: a function (<paramref name="name"/>) whose result contains a <c>borrow</c>.</summary>
    public static DiagnosticMessage BorrowInResult(string name) =>
        Wit1006.Message($"function `{name}` returns a type which contains a `borrow<T>` which is not supported");

    // WIT1007: world imports and exports that clash. A direction is "import" or "export".

    /// <summary>WIT1007: an item (<paramref name="name"/>) imported or exported under a name a prior item of <paramref name="priorKind"/> has.</summary>
    public static DiagnosticMessage ConflictsWithPrior(string direction, string name, string priorKind) =>
        Wit1007.Message($"{direction} `{name}` conflicts with prior {priorKind} of same name");

    /// <summary>WIT1007: two imports or exports of a world whose names differ only in case.</summary>
    public static DiagnosticMessage ConflictsIgnoringCase(string direction, string name, string world, string earlier) =>
        Wit1007.Message($"{direction} `{name}` in world `{world}` conflicts with {direction} `{earlier}` (kebab-case identifiers are case-insensitive)");

    /// <summary>WIT1007: the same interface imported (or exported) twice; <paramref name="direction"/> is "import" or "export".</summary>
    public static DiagnosticMessage InterfaceMoreThanOnce(string direction) => Wit1007.Message($"interface cannot be {direction}ed more than once");

    /// <summary>WIT1007: an interface (<paramref name="name"/>) both imported and exported through its dependencies.</summary>
    public static DiagnosticMessage IncompatibleTransitiveDependency(string name) =>
        Wit1007.Message($"interface `{name}` transitively depends on an interface in incompatible ways");

    // WIT1008: feature gates used wrongly, or references to gated-off items.

    /// <summary>WIT1008: a reference to an item of <paramref name="kind"/> ("type", "interface", "world") whose feature is off.</summary>
    public static DiagnosticMessage ExcludedByFeature(string kind) =>
        Wit1008.Message($"found a reference to a {kind} which is excluded due to its feature not being activated");

    /// <summary>WIT1008: an ungated type inside an item of <paramref name="ownerKind"/> whose feature is off.</summary>
    public static DiagnosticMessage OwnerExcludedByFeature(string ownerKind) =>
        Wit1008.Message($"found a reference to a {ownerKind} which is excluded due to its feature not being activated; this type is not gated by a feature but its {ownerKind} is");

    /// <summary>WIT1008: attributes on a top-level <c>use</c>.</summary>
    public static DiagnosticMessage AttributesOnTopLevelUse() => Wit1008.Message("attributes not allowed on top-level use");

    /// <summary>WIT1008: an attribute (<paramref name="attribute"/>, e.g. <c>@since</c>) given twice on one item.</summary>
    public static DiagnosticMessage AttributeTwice(string attribute) => Wit1008.Message($"cannot specify {attribute} twice");

    /// <summary>WIT1008: <c>@since</c> and <c>@unstable</c> on one item.</summary>
    public static DiagnosticMessage SinceAndUnstable() => Wit1008.Message("cannot specify both @since and @unstable");

    /// <summary>WIT1008: <c>@deprecated</c> without <c>@since</c> or <c>@unstable</c> (wit-parser's wording).</summary>
    public static DiagnosticMessage DeprecatedWithoutGate() => Wit1008.Message("cannot specify both @deprecated without @since or @unstable");

    /// <summary>WIT1008: a versioned gate in a package (<paramref name="package"/>) without a version.</summary>
    public static DiagnosticMessage GateVersionWithoutPackageVersion(string package) =>
        Wit1008.Message($"package [{package}] contains a feature gate with a version specifier, so it must have a version");

    /// <summary>WIT1008: a <c>@since</c> version beyond the package's <paramref name="current"/> version.</summary>
    public static DiagnosticMessage UnreleasedVersion(string since, string package, string current) =>
        Wit1008.Message($"feature gate cannot reference unreleased version {since} of package [{package}] (current version {current})");

    // WIT1009: includes that cannot be applied.

    /// <summary>WIT1009: a <c>with</c> rename of a name (<paramref name="name"/>) the included world does not import or export.</summary>
    public static DiagnosticMessage NoKebabNameToRename(string name) =>
        Wit1009.Message($"no import or export kebab-name `{name}`. Note that an ID does not support renaming");

    /// <summary>WIT1009: an included import or export (<paramref name="name"/>) that shadows one the world already has.</summary>
    public static DiagnosticMessage IncludeShadows(string direction, string name) =>
        Wit1009.Message($"{direction} of `{name}` shadows previously {direction}ed items");

    /// <summary>WIT1009: an item included with a stability (<paramref name="from"/>) other than its earlier one (<paramref name="to"/>), each in Rust's debug form.</summary>
    public static DiagnosticMessage StabilityMismatch(string from, string to) => Wit1009.Message($"mismatch in stability from '{from}' to '{to}'");

    // WIT1010: map keys.

    /// <summary>WIT1010: a map key of a type other than a primitive.</summary>
    public static DiagnosticMessage InvalidMapKey() =>
        Wit1010.Message("invalid map key type: map keys must be bool, u8, u16, u32, u64, s8, s16, s32, s64, char, or string");

    // WIT1011: constructor results.

    /// <summary>WIT1011: a constructor's declared result that is not a <c>result</c>.</summary>
    public static DiagnosticMessage ConstructorResultNotResult() => Wit1011.Message("if a constructor return type is declared it must be a `result`");

    /// <summary>WIT1011: a constructor's <c>result</c> whose <c>ok</c> type is not the resource.</summary>
    public static DiagnosticMessage ConstructorOkNotResource() => Wit1011.Message("the `ok` type must be the resource being constructed");

    // WIT1012: a name of the wrong kind of item.

    /// <summary>WIT1012: a function (<paramref name="name"/>) used as a type.</summary>
    public static DiagnosticMessage FunctionUsedAsType(string name) => Wit1012.Message($"cannot use function `{name}` as a type");

    /// <summary>WIT1012: a <c>use</c> that imports a function (<paramref name="name"/>).</summary>
    public static DiagnosticMessage CannotImportFunction(string name) => Wit1012.Message($"cannot import function `{name}`");

    /// <summary>WIT1012: a world (<paramref name="name"/>) where an interface is needed.</summary>
    public static DiagnosticMessage WorldWhereInterfaceExpected(string name) => Wit1012.Message($"name `{name}` is defined as a world, not an interface");

    /// <summary>WIT1012: an interface (<paramref name="name"/>) where a world is needed.</summary>
    public static DiagnosticMessage InterfaceWhereWorldExpected(string name) => Wit1012.Message($"name `{name}` is defined as an interface, not a world");

    // WIT1013: inputs that are valid but not supported.

    /// <summary>WIT1013: a dependency or root given as a WebAssembly component (<c>.wasm</c>, <c>.wat</c>).</summary>
    public static DiagnosticMessage ComponentPackagesUnsupported() => Wit1013.Message("WIT packages encoded as WebAssembly components are not supported yet");

    /// <summary>WIT1013: a dependency or root given in the component text format (<c>.wat</c>), which only binaries are read in.</summary>
    public static DiagnosticMessage ComponentTextPackagesUnsupported() =>
        Wit1013.Message("WIT packages in the component text format (.wat) are not supported yet: encode the package as a binary (.wasm)");

    // WIT1014: inputs that cannot be read.

    /// <summary>WIT1014: a <c>deps</c> path (<paramref name="path"/>) that is not a directory.</summary>
    public static DiagnosticMessage NotADirectory(string path) => Wit1014.Message($"failed to read directory {path}: not a directory");

    /// <summary>
    /// WIT1014: an entry (<paramref name="entry"/>) of the <c>deps</c> directory (<paramref name="deps"/>) that is a
    /// symbolic link to nothing: wit-parser fails on any such entry, whatever its name.
    /// </summary>
    public static DiagnosticMessage DanglingDependencyLink(string deps, string entry) =>
        Wit1014.Message($"failed to parse dependency directory: {deps}: {entry} is a link to a path that does not exist");

    /// <summary>WIT1014: a root path (<paramref name="path"/>) that does not exist.</summary>
    public static DiagnosticMessage NoSuchFileOrDirectory(string path) => Wit1014.Message($"no such file or directory: {path}");

    /// <summary>WIT1014: a file of a package directory (<paramref name="path"/>) that is not UTF-8.</summary>
    public static DiagnosticMessage FileInDirectoryNotUtf8(string path) => Wit1014.Message($"failed to read file \"{path}\": stream did not contain valid UTF-8");

    /// <summary>WIT1014: a single input file (<paramref name="path"/>) that is not UTF-8.</summary>
    public static DiagnosticMessage InputFileNotUtf8(string path) => Wit1014.Message($"input file is not valid utf-8 [{path}]");

    /// <summary>WIT1014: a file (<paramref name="path"/>) the system could not read, with its <paramref name="reason"/>.</summary>
    public static DiagnosticMessage ReadFailed(string path, string reason) => Wit1014.Message($"failed to read {path}: {reason}");

    // WIT1015: a path into a package that does not lead to an item.

    /// <summary>WIT1015: an interface (<paramref name="name"/>) another package (<paramref name="package"/>) does not define.</summary>
    public static DiagnosticMessage InterfaceNotFoundInPackage(string name, string package) =>
        Wit1015.Message($"interface '{name}' not found in package '{package}'");

    /// <summary>WIT1015: a world (<paramref name="name"/>) another package (<paramref name="package"/>) does not define.</summary>
    public static DiagnosticMessage WorldNotFoundInPackage(string name, string package) => Wit1015.Message($"world '{name}' not found in package '{package}'");

    /// <summary>WIT1015: a package (<paramref name="package"/>) none of the inputs define, with the names of those they do.</summary>
    public static DiagnosticMessage PackageNotFound(string package, IReadOnlyList<string> knownPackages) =>
        Wit1015.Message($"package '{package}' not found. known packages:\n{string.Join("\n", knownPackages.Select(known => "    " + known))}");

    // WIT1016: types the component model cannot represent.

    /// <summary>WIT1016: a <c>flags</c> with more than 32 flags.</summary>
    public static DiagnosticMessage TooManyFlags() => Wit1016.Message("cannot have more than 32 flags");

    /// <summary>WIT1016: a fixed-length list of length zero.</summary>
    public static DiagnosticMessage EmptyFixedLengthList() => Wit1016.Message("fixed-length lists must have more than zero elements");

    // WIT1019: names that wit-parser accepts but a component cannot hold together: the component model's validator
    // compares names ignoring case and dashes (`a-b`, `ab` and `A-B` are one name), and wit-parser does not look for a
    // type's members twice at all. Worded as the validator words them where it has words of its own.

    /// <summary>WIT1019: a record field (<paramref name="name"/>) whose name an earlier field has (<paramref name="earlier"/>), ignoring case and dashes.</summary>
    public static DiagnosticMessage FieldNameConflict(string name, string earlier) =>
        Wit1019.Message($"record field name `{name}` conflicts with previous field name `{earlier}`");

    /// <summary>WIT1019: a variant case whose name an earlier case has, ignoring case.</summary>
    public static DiagnosticMessage CaseNameConflict(string name, string earlier) =>
        Wit1019.Message($"variant case name `{name}` conflicts with previous case name `{earlier}`");

    /// <summary>WIT1019: a flag whose name an earlier flag has, ignoring case.</summary>
    public static DiagnosticMessage FlagNameConflict(string name, string earlier) =>
        Wit1019.Message($"flag name `{name}` conflicts with previous flag name `{earlier}`");

    /// <summary>WIT1019: an enum case whose name an earlier case has, ignoring case.</summary>
    public static DiagnosticMessage EnumTagConflict(string name, string earlier) =>
        Wit1019.Message($"enum tag name `{name}` conflicts with previous tag name `{earlier}`");

    /// <summary>WIT1019: a parameter whose name differs from an earlier one's only in case and dashes (the same name is WIT1002).</summary>
    public static DiagnosticMessage ParameterNameConflict(string name, string earlier) =>
        Wit1019.Message($"function parameter name `{name}` conflicts with previous parameter name `{earlier}`");

    /// <summary>WIT1019: a type or function of an interface whose name differs from an earlier item's only in case and dashes.</summary>
    /// <remarks>An interface's items are the exports of the instance a component imports or exports for it, hence the validator's word.</remarks>
    public static DiagnosticMessage InterfaceItemConflict(string name, string earlier) =>
        Wit1019.Message($"export name `{name}` conflicts with previous name `{earlier}`");

    /// <summary>WIT1019: a resource's method or static function whose name differs from an earlier one's only in case and dashes (<c>[static]r.F</c>, <c>[method]r.f</c>).</summary>
    public static DiagnosticMessage ResourceFunctionConflict(string name, string earlier) =>
        Wit1019.Message($"export name `{name}` conflicts with previous name `{earlier}`");

    /// <summary>
    /// WIT1019: a world's import or export (a name, or an interface's id) that differs from an earlier one's only in
    /// case and dashes, where wit-parser's own check (case only, WIT1007) does not see it.
    /// </summary>
    public static DiagnosticMessage WorldItemConflict(string direction, string name, string earlier) =>
        Wit1019.Message($"{direction} name `{name}` conflicts with previous name `{earlier}`");

    // WIT1017: inputs an editor reads only in part, or not at all, because of their size.

    /// <summary>
    /// WIT1017: a document of <paramref name="length"/> UTF-16 code units, above the <paramref name="limit"/> up to
    /// which files are resolved and linted: it is parsed only.
    /// </summary>
    public static DiagnosticMessage TooLargeForAnalysis(long length, long limit) =>
        Wit1017.Message($"this file is {Count(length)} characters long, above the limit of {Count(limit)} for analysis: it gets syntax features only (no resolution, lint, hover or navigation)");

    /// <summary>WIT1017: a file of <paramref name="length"/> bytes on disk, above the <paramref name="limit"/> the language server reads.</summary>
    public static DiagnosticMessage TooLargeToRead(long length, long limit) =>
        Wit1017.Message($"this file is {Count(length)} bytes long, above the limit of {Count(limit)} bytes read from disk: it is not read (open it to get syntax features)");

    // WIT1018: a `.wasm` root or dependency that holds no WIT package.

    /// <summary>WIT1018: a <c>.wasm</c> file whose bytes are not a well-formed component (<paramref name="reason"/>: the decoder's words, with the offset).</summary>
    public static DiagnosticMessage EncodedPackageMalformed(string reason) => Wit1018.Message($"failed to decode a WIT package encoded as a component: {reason}");

    /// <summary>WIT1018: a <c>.wasm</c> file that is a component, but not a WIT package in wit-component's encoding (wit-parser's words).</summary>
    public static DiagnosticMessage ComponentInsteadOfPackage() => Wit1018.Message("found an actual component instead of an encoded WIT package in wasm");

    private static string Count(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
