using Wit.Runtime.Binary;

namespace Wit.Runtime.Execution;

/// <summary>
/// An exception tag (exception handling). Tags are generative: each instantiation of a module creates its own tags, and
/// a <c>catch</c> matches an exception by the identity of its tag object, never by its type. An imported tag is the
/// exporter's object, so importer and exporter agree on it.
/// </summary>
public sealed class TagInstance : ExternValue
{
    /// <summary>A tag of <paramref name="type"/>, whose results must be empty (the payload is its parameters).</summary>
    public TagInstance(FuncType type)
    {
        System.ArgumentNullException.ThrowIfNull(type);
        if (type.Results.Length != 0)
        {
            throw new WasmException(WasmErrorKind.Usage, -1, $"a tag type has no results, but {type} has");
        }
        Type = type;
    }

    public override ExternKind Kind => ExternKind.Tag;

    /// <summary>The tag's type: its parameters are the payload of the exceptions thrown with it.</summary>
    public FuncType Type { get; }
}
