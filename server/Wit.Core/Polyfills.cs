#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices
{
    /// <summary>Lets netstandard2.0 compile <c>init</c> accessors and records.</summary>
    internal static class IsExternalInit
    {
    }
}
#endif

#if NETSTANDARD2_0
namespace System.Collections.Generic
{
    /// <summary>The <c>TryAdd</c> that .NET Core has and netstandard2.0 lacks.</summary>
    internal static class DictionaryPolyfills
    {
        public static bool TryAdd<TKey, TValue>(this Dictionary<TKey, TValue> dictionary, TKey key, TValue value)
        {
            if (dictionary.ContainsKey(key)) return false;
            dictionary.Add(key, value);
            return true;
        }
    }
}
#endif
