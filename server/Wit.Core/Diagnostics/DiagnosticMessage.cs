using System;

namespace Wit.Core.Diagnostics;

/// <summary>
/// A diagnostic's code and text as a catalogue factory wrote them (for example
/// <see cref="ResolveDiagnostics"/>' methods): report sites pass the values a message needs to the factory and add
/// the place, so every text a user reads is written in the catalogue, next to its code.
/// </summary>
public readonly struct DiagnosticMessage
{
    /// <summary>The text, or a function that writes it (a catalogue's factory may defer writing, see <see cref="DiagnosticDescriptor"/>).</summary>
    private readonly object _text;

    internal DiagnosticMessage(DiagnosticDescriptor descriptor, string text)
    {
        Descriptor = descriptor;
        _text = text;
    }

    internal DiagnosticMessage(DiagnosticDescriptor descriptor, Func<string> text)
    {
        Descriptor = descriptor;
        _text = text;
    }

    /// <summary>The catalogue entry: code, default severity and title.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The message as the user reads it.</summary>
    public string Text => Write(_text);

    /// <summary>The text as kept: a string, or the function that writes it (a <see cref="Diagnostic"/> keeps it so).</summary>
    internal object Stored => _text;

    internal static string Write(object text) => text as string ?? ((Func<string>)text)();

    public override string ToString() => $"{Descriptor.Code}: {Text}";
}
