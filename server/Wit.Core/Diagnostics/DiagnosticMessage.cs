namespace Wit.Core.Diagnostics;

/// <summary>
/// A diagnostic's code and text as a catalogue factory wrote them (for example
/// <see cref="ResolveDiagnostics"/>' methods): report sites pass the values a message needs to the factory and add
/// the place, so every text a user reads is written in the catalogue, next to its code.
/// </summary>
public readonly struct DiagnosticMessage
{
    internal DiagnosticMessage(DiagnosticDescriptor descriptor, string text)
    {
        Descriptor = descriptor;
        Text = text;
    }

    /// <summary>The catalogue entry: code, default severity and title.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The message as the user reads it.</summary>
    public string Text { get; }

    public override string ToString() => $"{Descriptor.Code}: {Text}";
}
