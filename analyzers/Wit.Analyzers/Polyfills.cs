namespace System.Runtime.CompilerServices
{
    // netstandard2.0 lacks the marker type that `init` accessors and records compile to.
    internal static class IsExternalInit
    {
    }
}
