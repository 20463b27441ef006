using System;
using System.Collections.Generic;
using Wit.Ide.Analysis;

namespace Wit.Ide.Navigation;

/// <summary>Definition and occurrences of <c>$name</c>s in WITX documents.</summary>
internal static class WitxNavigation
{
    public static IReadOnlyList<IdeLocation> Definition(WitxAnalysis analysis, int offset) => Array.Empty<IdeLocation>();

    public static IReadOnlyList<IdeLocation> Occurrences(IdeSnapshot snapshot, WitxAnalysis analysis, int offset, bool includeDeclaration) => Array.Empty<IdeLocation>();
}
