using Xunit;

namespace Wit.Protocol.Tests;

/// <summary>The tests that watch the shared array pool (<see cref="Wit.TestKit.ArrayPoolListener"/>), which other tests running beside them would disturb.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PoolListenerCollection
{
    public const string Name = "shared array pool";
}
