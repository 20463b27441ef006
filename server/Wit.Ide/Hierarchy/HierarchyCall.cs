using System.Collections.Generic;
using Wit.Core.Text;

namespace Wit.Ide.Hierarchy;

/// <summary>
/// One edge of the "used by" call hierarchy: the other item and where, in the user's declaration (incoming) or the
/// asked-about function (outgoing), the type is mentioned.
/// </summary>
public sealed record HierarchyCall(HierarchyItem Item, IReadOnlyList<TextSpan> FromRanges);
