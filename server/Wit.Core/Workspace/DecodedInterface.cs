namespace Wit.Core.Workspace;

/// <summary>An interface of another package that a decoded package refers to, as WIT text (<c>interface name { ... }</c>).</summary>
public sealed class DecodedInterface
{
    public DecodedInterface(string package, string name, string text)
    {
        Package = package;
        Name = name;
        Text = text;
    }

    /// <summary>Its package's name, <c>ns:pkg@version</c>.</summary>
    public string Package { get; }

    public string Name { get; }

    /// <summary>The interface's item, indented by two spaces to sit inside a nested <c>package ... { }</c> block.</summary>
    public string Text { get; }
}
