using System;
using System.Collections.Generic;
using Wit.Core.Diagnostics;

namespace Wit.Core.Semantics;

/// <summary>
/// What the component model's validator refuses in a package that wit-parser resolves: names a component cannot tell
/// apart (WIT1019). The validator compares names ignoring ASCII case and dashes (<c>a-b</c>, <c>ab</c> and <c>A-B</c>
/// are one name, so that every name maps to one identifier in a binding's language), in a type's members (which
/// wit-parser does not check for repeats at all), a function's parameters, an interface's types and functions, a
/// resource's functions and a world's imports and exports. Upstream reports them when a component or a package is
/// encoded (`wasm-tools component embed`, `jco`, `wit-bindgen`), after resolving: they are ordered after every error of
/// resolving and linking (<see cref="DiagnosticOrder.Validate"/>). Records, flags and tuples without members, which
/// the validator refuses too, are left alone: wit-parser's own tests resolve them as valid WIT.
/// </summary>
internal sealed partial class PackageResolver
{
    /// <summary>
    /// Whether a type or function named in the interface being resolved has a dash or a capital letter (noted as each
    /// name is read, while it is in the cache): only then can <see cref="CheckInterfaceNames"/> find anything.
    /// </summary>
    private bool _itemNamesFold;

    private void NoteItemName(string name)
    {
        if (!_itemNamesFold && !ReferenceEquals(ComponentNameKey(name), name)) _itemNamesFold = true;
    }

    /// <summary>Up to this many members are compared pairwise; longer lists go through a set.</summary>
    private const int PairwiseMembers = 12;

    /// <summary>Reports a validator-level diagnostic (ordered after linking), with the earlier name as its related location.</summary>
    private void ReportAtValidation(DiagnosticMessage message, SourceLocation? location, SourceLocation? earlier = null)
    {
        int count = _resolver.Model.Diagnostics.Count;
        if (earlier is null) Report(message, location);
        else ReportDuplicate(message, location, earlier);
        if (_resolver.Model.Diagnostics.Count == count) return;
        LinkTimeDiagnostics[_resolver.Model.Diagnostics[count]] = DiagnosticOrder.ValidateStep;
    }

    /// <summary>
    /// The form in which the component model compares a name: without dashes, in lower case. The name itself when it
    /// has neither (no copy is made).
    /// </summary>
    internal static string ComponentNameKey(string name)
    {
        int i = 0;
        while (i < name.Length && name[i] != '-' && name[i] is not (>= 'A' and <= 'Z')) i++;
        if (i == name.Length) return name;
        var key = new System.Text.StringBuilder(name.Length);
        key.Append(name, 0, i);
        for (; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '-') continue;
            key.Append(c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c);
        }

        return key.ToString();
    }

    /// <summary>Whether a component takes two names for one.</summary>
    internal static bool SameComponentName(string a, string b) => a == b || ComponentNameKey(a) == ComponentNameKey(b);

    /// <summary>
    /// Reports each member of a record, variant, enum or flags whose name an earlier member has to a component, through
    /// <paramref name="conflict"/> (the name, the earlier one).
    /// </summary>
    private void CheckDistinctMembers(IReadOnlyList<NamedType> members, Func<string, string, DiagnosticMessage> conflict)
    {
        int count = members.Count;
        if (count < 2) return;
        if (count <= PairwiseMembers)
        {
            // Names without dashes or capitals (nearly all) are one name to a component only when they are one name.
            bool folds = false;
            for (int i = 0; i < count && !folds; i++) folds = !ReferenceEquals(ComponentNameKey(members[i].Name), members[i].Name);
            for (int i = 1; i < count; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    if (folds ? !SameComponentName(members[i].Name, members[j].Name) : members[i].Name != members[j].Name) continue;
                    ReportAtValidation(conflict(members[i].Name, members[j].Name), members[i].Location, members[j].Location);
                    break;
                }
            }

            return;
        }

        var seen = new Dictionary<string, NamedType>(count, StringComparer.Ordinal);
        foreach (var member in members)
        {
            string key = ComponentNameKey(member.Name);
            if (seen.TryGetValue(key, out var earlier)) ReportAtValidation(conflict(member.Name, earlier.Name), member.Location, earlier.Location);
            else seen.Add(key, member);
        }
    }

    /// <summary>
    /// Reports an interface's types and functions (resource functions aside, see <see cref="CheckResourceFunctionNames"/>)
    /// whose names a component takes for another one's: it exports them all from one instance. The same name twice is
    /// wit-parser's error already (WIT1002), and only one of them is in the interface, so only a name with a dash or a
    /// capital letter can meet another: the others are passed over without a table (an interface of 500,000 plain
    /// names cost a tenth of its resolve with one).
    /// </summary>
    private void CheckInterfaceNames(Interface @interface)
    {
        List<(string Name, string Key, object Item)>? folded = null;
        foreach (var entry in @interface.Types) Note(entry.Key, entry.Value);
        foreach (var entry in @interface.Functions)
        {
            if (entry.Key.Length > 0 && entry.Key[0] != '[') Note(entry.Key, entry.Value);
        }

        if (folded is null) return;
        var firstOfKey = new Dictionary<string, int>(folded.Count, StringComparer.Ordinal);
        for (int i = 0; i < folded.Count; i++)
        {
            var (name, key, item) = folded[i];
            // A plain name equal to this one's key (`getall` for `get-all`).
            object? plain = @interface.Types.TryGetValue(key, out var type) ? type : @interface.Functions.TryGetValue(key, out var function) ? function : null;
            if (plain is not null) ReportLater((name, item), (key, plain));
            if (firstOfKey.TryGetValue(key, out int first)) ReportLater((name, item), (folded[first].Name, folded[first].Item));
            else firstOfKey.Add(key, i);
        }

        void Note(string name, object item)
        {
            string key = ComponentNameKey(name);
            if (!ReferenceEquals(key, name)) (folded ??= new List<(string, string, object)>()).Add((name, key, item));
        }

        // The two in the order they are written (a type before a function where they are in different files).
        void ReportLater((string Name, object Item) one, (string Name, object Item) other)
        {
            SourceLocation? a = LocationOf(one.Item), b = LocationOf(other.Item);
            bool oneFirst = a is not null && b is not null && ReferenceEquals(a.Document, b.Document) ? a.Span.Start < b.Span.Start : one.Item is TypeDefinition && other.Item is Function;
            var (later, laterAt, earlier, earlierAt) = oneFirst ? (other.Name, b, one.Name, a) : (one.Name, a, other.Name, b);
            ReportAtValidation(ResolveDiagnostics.InterfaceItemConflict(later, earlier), laterAt, earlierAt);
        }

        static SourceLocation? LocationOf(object item) => item is TypeDefinition type ? type.Location : ((Function)item).Location;
    }

    /// <summary>
    /// Reports each import (or export) of a world whose name, or whose interface's id, a component takes for an earlier
    /// one's, unless the two differ only in case between two names (wit-parser's own check, WIT1007, reports those).
    /// </summary>
    private void CheckWorldNames(World world, List<KeyValuePair<WorldKey, WorldItem>> items, string direction)
    {
        if (items.Count < 2) return;
        var seen = new Dictionary<string, (string Name, bool Named)>(items.Count, StringComparer.Ordinal);
        foreach (var entry in items)
        {
            bool named = entry.Key.Name is not null;
            if ((entry.Key.Name ?? entry.Value.Interface?.QualifiedName) is not { } name) continue;
            string key = ComponentNameKey(name);
            if (!seen.TryGetValue(key, out var earlier))
            {
                seen.Add(key, (name, named));
                continue;
            }

            if (earlier.Name == name || (named && earlier.Named && string.Equals(earlier.Name, name, StringComparison.OrdinalIgnoreCase))) continue;
            ReportAtValidation(ResolveDiagnostics.WorldItemConflict(direction, name, earlier.Name), PlaceOf(entry.Value) ?? world.Location);
        }
    }
}
