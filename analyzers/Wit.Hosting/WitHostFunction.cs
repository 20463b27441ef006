using System.Collections.Generic;

namespace Wit.Hosting;

/// <summary>
/// A host's implementation of an imported WIT function: the arguments in, the result out (null for a function without
/// one). An exception it throws becomes a trap of the call, never a crash of the host.
/// </summary>
public delegate WitValue? WitHostFunction(IReadOnlyList<WitValue> arguments);
