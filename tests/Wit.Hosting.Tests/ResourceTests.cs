using System;
using System.Collections.Generic;
using System.IO;
using Example.Res.Counters;
using Example.Res.Res;
using Wasmtime;
using Wasmtime.Components;
using Wit.Hosting.Wasmtime;
using Xunit;

namespace Wit.Hosting.Tests;

/// <summary>
/// A resource the host implements (<c>Components/resources.wit</c>: a C# class behind the generated <c>ICounter</c>)
/// on Wasmtime with <c>resources.wat</c>: constructed by the component, its method called, lent, given back and dropped.
/// </summary>
public class ResourceTests : ComponentTest
{
    public ResourceTests()
        : this(embedded: false)
    {
    }

    protected ResourceTests(bool embedded)
        : base("resources.wat", embedded)
    {
    }

    [Fact]
    public void The_component_constructs_calls_and_drops_a_host_object_which_is_disposed()
    {
        using var linker = NewLinker();
        var host = new Host();
        using var exports = ResWorld.Instantiate(linker, host);

        Assert.Equal(12u, exports.Run(5, 7));

        var counter = Assert.Single(host.Created);
        Assert.Equal(12u, counter.Value);
        Assert.True(counter.Disposed);
    }

    [Fact]
    public void A_lent_object_stays_and_an_object_given_back_is_the_hosts_again_undisposed()
    {
        using var linker = NewLinker();
        var host = new Host();
        using var exports = ResWorld.Instantiate(linker, host);

        Assert.Equal(9 * 1000 + 9u, exports.Keep(9));

        var counter = Assert.Single(host.Created);
        Assert.Same(counter, host.Consumed);
        Assert.False(counter.Disposed);
        Assert.Equal(new[] { "total", "consume" }, host.Calls);
    }

    [Fact]
    public void Many_objects_each_get_their_own_handle()
    {
        using var linker = NewLinker();
        var host = new Host();
        using var exports = ResWorld.Instantiate(linker, host);

        for (uint i = 0; i < 500; i++) Assert.Equal(2 * i, exports.Run(i, i));

        Assert.Equal(500, host.Created.Count);
        Assert.All(host.Created, c => Assert.True(c.Disposed));
    }

    [Fact]
    public void A_method_that_throws_traps_the_call_naming_the_method()
    {
        using var linker = NewLinker();
        using var exports = ResWorld.Instantiate(linker, new Host());

        var trap = Assert.Throws<WitTrapException>(() => exports.Run(uint.MaxValue, 1));

        Assert.Equal("run", trap.Function);
        Assert.Contains("example:res/counters#[method]counter.add", trap.Message);
        Assert.IsType<OverflowException>(trap.InnerException);
    }

    [WitHost(typeof(ResWorld))]
    private sealed class Host : ICounters
    {
        public List<Counter> Created { get; } = new();

        public List<string> Calls { get; } = new();

        public Counter? Consumed { get; private set; }

        public ICounter CreateCounter(uint start)
        {
            var counter = new Counter(start);
            Created.Add(counter);
            return counter;
        }

        public uint Total(ICounter c)
        {
            Calls.Add("total");
            return ((Counter)c).Value;
        }

        public uint Consume(ICounter c)
        {
            Calls.Add("consume");
            Consumed = (Counter)c;
            return Consumed.Value;
        }
    }

    private sealed class Counter : ICounter
    {
        public Counter(uint value) => Value = value;

        public uint Value { get; private set; }

        public bool Disposed { get; private set; }

        public uint Add(uint n) => Value = checked(Value + n);

        public void Dispose() => Disposed = true;
    }
}
