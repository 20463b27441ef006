using Wit.Core.Diagnostics;

namespace Wit.Core.Syntax;

/// <summary>A diagnostic stored in a green element, its offset relative to the element's full start, so it moves with
/// the element when an incremental reparse reuses it.</summary>
public sealed class GreenDiagnostic
{
    public GreenDiagnostic(DiagnosticDescriptor descriptor, string message, int offset, int length)
    {
        Descriptor = descriptor;
        Message = message;
        Offset = offset;
        Length = length;
    }

    /// <summary>A catalogue factory's message at <paramref name="offset"/> from the element's full start.</summary>
    public GreenDiagnostic(DiagnosticMessage message, int offset, int length)
        : this(message.Descriptor, message.Text, offset, length)
    {
    }

    public DiagnosticDescriptor Descriptor { get; }

    public string Message { get; }

    public int Offset { get; }

    public int Length { get; }

    public GreenDiagnostic WithOffset(int offset) => new(Descriptor, Message, offset, Length);
}
