using System;
using System.Linq;
using Example.Store.Counters;
using Example.Store.Store;
using Xunit;

namespace Wit.Hosting.Tests;

/// <summary>
/// Resources the component implements (<c>Components/store.wit</c>, <c>store.wat</c>) through the generated bindings:
/// the host constructs a counter, calls its methods through the generated <c>ICounter</c>, lends it, moves it into the
/// component and gets it back, and disposing it runs the component's destructor.
/// </summary>
public class ComponentResourceTests : ComponentTest
{
    public ComponentResourceTests()
        : this(embedded: false)
    {
    }

    protected ComponentResourceTests(bool embedded)
        : base("store.wat", embedded)
    {
    }

    [Fact]
    public void A_constructed_counter_is_called_lent_and_dropped_through_the_typed_bindings()
    {
        using var linker = NewLinker();
        using var exports = StoreWorld.Instantiate(linker);
        var counters = exports.Counters;

        ICounter counter = counters.CreateCounter(5);
        Assert.Equal(12u, counter.Add(7));
        Assert.Equal(12u, counter.Get());
        using (var other = counters.CreateCounter(30))
        {
            Assert.Equal(42u, counters.Sum(counter, other));
        }

        Assert.Equal(1u, counters.CounterDropped());
        counter.Dispose();
        Assert.Equal(2u, counters.CounterDropped());
        Assert.Throws<ObjectDisposedException>(() => counter.Get());
    }

    [Fact]
    public void An_owned_counter_moves_into_the_component_and_comes_back()
    {
        using var linker = NewLinker();
        using var exports = StoreWorld.Instantiate(linker);
        var counters = exports.Counters;
        var counter = counters.CreateCounter(3);

        var back = counters.Pick(counter);

        Assert.NotNull(back);
        Assert.NotSame(counter, back);
        Assert.Throws<ObjectDisposedException>(() => counter.Get());
        Assert.Equal(3u, back!.Get());
        Assert.Null(counters.Pick(null));
        Assert.Equal(3u, counters.Consume(back));
        Assert.Equal(1u, counters.CounterDropped());
        Assert.Throws<ObjectDisposedException>(() => back.Add(1));
    }

    [Fact]
    public void A_list_of_counters_arrives_as_typed_objects()
    {
        using var linker = NewLinker();
        using var exports = StoreWorld.Instantiate(linker);

        var made = exports.Counters.Make(5);

        Assert.Equal(new uint[] { 0, 1, 2, 3, 4 }, made.Select(c => c.Get()).ToArray());
        foreach (var counter in made) counter.Dispose();
        Assert.Equal(5u, exports.Counters.CounterDropped());
    }

    [Fact]
    public void Only_a_counter_the_component_made_can_be_passed_to_it()
    {
        using var linker = NewLinker();
        using var exports = StoreWorld.Instantiate(linker);
        var counter = exports.Counters.CreateCounter(1);

        Assert.Throws<ArgumentException>(() => exports.Counters.Sum(counter, new HostCounter()));
        Assert.Throws<ArgumentNullException>(() => exports.Counters.Consume(null!));
        Assert.Equal(1u, counter.Get());
    }

    private sealed class HostCounter : ICounter
    {
        public uint Add(uint n) => n;

        public uint Get() => 0;

        public void Dispose()
        {
        }
    }
}
