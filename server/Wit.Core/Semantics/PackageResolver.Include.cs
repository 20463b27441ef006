using System.Collections.Generic;
using System.Linq;

namespace Wit.Core.Semantics;

/// <summary>
/// <c>include</c> copies what the included world defines itself: its types (resources included) become new types
/// owned by the including world, renamed by <c>with { a as b }</c>, and its functions are rebuilt over the copies
/// (<c>[method]r.m</c> becomes <c>[method]s.m</c>), with the anonymous types that mention them, as wit-parser does.
/// Interfaces and foreign types are shared, not copied.
/// </summary>
internal sealed partial class PackageResolver
{
    private sealed class IncludeCopier
    {
        private readonly PackageResolver _owner;
        private readonly World _from;
        private readonly World _into;
        private readonly Dictionary<string, string> _renames;
        private readonly Dictionary<TypeDefinition, TypeDefinition> _types = new();
        private readonly Dictionary<TypeDefinition, TypeDefinition> _anonymous = new();

        public IncludeCopier(PackageResolver owner, World from, World into, Dictionary<string, string> renames)
        {
            _owner = owner;
            _from = from;
            _into = into;
            _renames = renames;
            foreach (var entry in from.Imports.Concat(from.Exports))
            {
                if (entry.Value.Type is { } type && ReferenceEquals(type.Owner.World, from) && !_types.ContainsKey(type))
                {
                    var copy = new TypeDefinition(type.Kind)
                    {
                        Name = Rename(type.Name!),
                        Owner = new TypeOwner(null, into),
                        DocsOrSource = type.DocsOrSource,
                        Stability = type.Stability,
                        Location = type.Location,
                        FromUse = type.FromUse,
                    };
                    _types[type] = copy;
                    owner._resolver.AddType(copy);
                }
            }

            foreach (var pair in _types) CopyShape(pair.Key, pair.Value);
        }

        public List<KeyValuePair<WorldKey, WorldItem>> Copy(List<KeyValuePair<WorldKey, WorldItem>> items)
        {
            var result = new List<KeyValuePair<WorldKey, WorldItem>>(items.Count);
            foreach (var entry in items)
            {
                var item = entry.Value;
                if (item.Type is { } type && _types.TryGetValue(type, out var copy))
                {
                    result.Add(new KeyValuePair<WorldKey, WorldItem>(WorldKey.Named(copy.Name!), WorldItem.OfType(copy)));
                }
                else if (item.Function is { } function && NeedsCopy(function))
                {
                    var copied = CopyFunction(function);
                    result.Add(new KeyValuePair<WorldKey, WorldItem>(WorldKey.Named(copied.Name), WorldItem.OfFunction(copied)));
                }
                else
                {
                    result.Add(entry);
                }
            }

            return result;
        }

        private string Rename(string name) => _renames.TryGetValue(name, out var renamed) ? renamed : name;

        private bool NeedsCopy(Function function) =>
            function.Resource is null && _renames.ContainsKey(function.Name)
            || function.Resource is { } r && _types.ContainsKey(r)
            || function.Parameters.Any(p => p.Type is { } t && Mentions(t)) || function.Result is { } result && Mentions(result);

        private bool Mentions(WitType type)
        {
            var stack = new Stack<TypeDefinition>();
            var seen = new HashSet<TypeDefinition>();
            if (type.Definition is { } root) stack.Push(root);
            while (stack.Count > 0)
            {
                var d = stack.Pop();
                if (!seen.Add(d)) continue;
                if (_types.ContainsKey(d)) return true;
                if (d.Name is not null) continue;
                if (d.Resource is { } resource) stack.Push(resource);
                foreach (var child in Children(d))
                {
                    if (child.Definition is { } c) stack.Push(c);
                }
            }

            return false;
        }

        private Function CopyFunction(Function function)
        {
            string name = function.Name;
            if (function.Resource is { } resource && _types.TryGetValue(resource, out var renamedResource))
            {
                int bracket = name.IndexOf(']');
                string prefix = name.Substring(0, bracket + 1);
                string rest = name.Substring(bracket + 1);
                int dot = rest.IndexOf('.');
                name = prefix + renamedResource.Name + (dot < 0 ? string.Empty : rest.Substring(dot));
            }
            else if (function.Resource is null)
            {
                // `include w with { f as g }` renames the function itself, not only its key (as wit-parser does).
                name = Rename(name);
            }

            return new Function(name, function.Kind)
            {
                Resource = function.Resource is { } r ? Map(r) : null,
                Parameters = function.Parameters.Select(p => new NamedType(p.Name, p.Type is { } t ? Map(t) : null, p.Docs, p.Location)).ToArray(),
                Result = function.Result is { } result ? Map(result) : null,
                DocsOrSource = function.DocsOrSource,
                Stability = function.Stability,
                Location = function.Location,
            };
        }

        private WitType Map(WitType type) => type.Definition is { } d ? WitType.Of(Map(d)) : type;

        /// <summary>The copy of a world type, a copy of an anonymous type that mentions one, or the type itself.</summary>
        private TypeDefinition Map(TypeDefinition definition)
        {
            if (_types.TryGetValue(definition, out var copy)) return copy;
            if (definition.Name is not null || !Mentions(WitType.Of(definition))) return definition;
            if (_anonymous.TryGetValue(definition, out var anonymous)) return anonymous;
            if (definition.Kind == TypeDefinitionKind.Handle && definition.HandleKind == HandleKind.Own && definition.Resource is { } owned)
            {
                anonymous = _owner.OwnHandle(Map(owned));
            }
            else
            {
                anonymous = new TypeDefinition(definition.Kind) { Stability = definition.Stability };
                CopyShape(definition, anonymous);
                _owner._resolver.AddType(anonymous);
            }

            _anonymous[definition] = anonymous;
            return anonymous;
        }

        private void CopyShape(TypeDefinition from, TypeDefinition to)
        {
            to.Element = from.Element is { } e ? Map(e) : null;
            to.Key = from.Key is { } k ? Map(k) : null;
            to.Ok = from.Ok is { } ok ? Map(ok) : null;
            to.Err = from.Err is { } err ? Map(err) : null;
            to.Elements = from.Elements.Select(Map).ToArray();
            to.Members = from.Members.Select(m => new NamedType(m.Name, m.Type is { } t ? Map(t) : null, m.Docs, m.Location)).ToArray();
            to.FixedLength = from.FixedLength;
            to.HandleKind = from.HandleKind;
            to.Resource = from.Resource is { } r ? Map(r) : null;
        }
    }
}
