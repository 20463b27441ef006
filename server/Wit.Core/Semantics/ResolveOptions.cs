using System.Collections.Generic;

namespace Wit.Core.Semantics;

/// <summary>Which <c>@unstable</c> features are enabled.</summary>
public sealed class ResolveOptions
{
    public static readonly ResolveOptions Default = new();

    public ResolveOptions(IEnumerable<string>? features = null, bool allFeatures = false)
    {
        Features = new HashSet<string>(features ?? System.Array.Empty<string>());
        AllFeatures = allFeatures;
    }

    public ISet<string> Features { get; }

    public bool AllFeatures { get; }

    public bool IsEnabled(string feature) => AllFeatures || Features.Contains(feature);
}
