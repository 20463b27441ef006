using System.Collections.Generic;
using Wit.Runtime.Canonical;

namespace Wit.Runtime.Component;

/// <summary>
/// What a debugger sees of the calls that cross a component's boundary (<see cref="ComponentInstantiator.Instantiate"/>'s
/// observer), on the thread that makes them: a lifted export's entry before its core code runs and its return after the
/// result is lifted (<c>lifted</c> true), a lowered import's call after its arguments are lifted from the caller's memory
/// and before the callee runs, and its return before the result is lowered (<c>lifted</c> false). A throw from here
/// unwinds the call (as a trap would).
/// </summary>
public interface IComponentCallObserver
{
    void Entering(ComponentFunction function, IReadOnlyList<ComponentValue> arguments, bool lifted);

    void Returned(ComponentFunction function, ComponentValue? result, bool lifted);
}
