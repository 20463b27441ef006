namespace Wit.Ide.Navigation;

/// <summary>How a highlighted name is used: declared there (<see cref="Write"/>) or referred to (<see cref="Read"/>).</summary>
public enum IdeHighlightKind
{
    Read,
    Write,
}
