using System;
using Wasmtime;
using Wasmtime.Components;
using Wit.Hosting.Wasmtime;
using Xunit;

namespace Wit.Hosting.Tests;

/// <summary>
/// A component's own resource (<c>Components/store.wat</c>) through the untyped engine contract on Wasmtime: the host
/// holds <see cref="WitComponentResource"/> handles, lends them, moves them into the component and drops them.
/// </summary>
public sealed class ComponentResourceContractTests : ComponentTest
{
    private const string Counters = "example:store/counters";

    public ComponentResourceContractTests()
        : base("store.wat")
    {
    }

    [Fact]
    public void A_constructed_resource_is_called_lent_and_dropped_which_runs_the_components_destructor()
    {
        using var linker = NewLinker();
        using var instance = linker.Instantiate();

        var created = instance.Call(Counters, "[constructor]counter", new[] { WitValue.U32(5) })!.Value;
        Assert.True(created.IsOwn);
        var counter = created.AsComponentResource();
        Assert.Same(instance, counter.Instance);
        Assert.Equal(WitValue.U32(12), instance.Call(Counters, "[method]counter.add", new[] { WitValue.Borrow(counter), WitValue.U32(7) }));
        Assert.Equal(WitValue.U32(24), instance.Call(Counters, "sum", new[] { WitValue.Borrow(counter), WitValue.Borrow(counter) }));
        Assert.Equal(WitValue.U32(0), Dropped(instance));

        counter.Dispose();

        Assert.True(counter.IsDisposed);
        Assert.Equal(WitValue.U32(1), Dropped(instance));
        Assert.Throws<ObjectDisposedException>(() => instance.Call(Counters, "[method]counter.get", new[] { WitValue.Borrow(counter) }));
        counter.Dispose();
        Assert.Equal(WitValue.U32(1), Dropped(instance));
    }

    [Fact]
    public void An_owned_handle_moves_into_the_component_and_comes_back_through_an_option()
    {
        using var linker = NewLinker();
        using var instance = linker.Instantiate();
        var counter = instance.Call(Counters, "[constructor]counter", new[] { WitValue.U32(3) })!.Value.AsComponentResource();

        var picked = instance.Call(Counters, "pick", new[] { WitValue.Some(WitValue.Own(counter)) })!.Value;

        Assert.True(counter.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => WitValue.Own(counter) is var moved && instance.Call(Counters, "consume", new[] { moved }) is null);
        var back = picked.Payload!.Value.AsComponentResource();
        Assert.NotSame(counter, back);
        Assert.Equal(WitValue.U32(3), instance.Call(Counters, "[method]counter.get", new[] { WitValue.Borrow(back) }));
        Assert.Equal(WitValue.None, instance.Call(Counters, "pick", new[] { WitValue.None }));

        Assert.Equal(WitValue.U32(3), instance.Call(Counters, "consume", new[] { WitValue.Own(back) }));
        Assert.True(back.IsDisposed);
        Assert.Equal(WitValue.U32(1), Dropped(instance));
    }

    [Fact]
    public void A_list_of_owned_handles_arrives_each_its_own_and_all_of_one_type()
    {
        using var linker = NewLinker();
        using var instance = linker.Instantiate();

        var list = instance.Call(Counters, "make", new[] { WitValue.U32(4) })!.Value.AsList();

        Assert.Equal(4, list.Count);
        for (uint i = 0; i < 4; i++)
        {
            var handle = list[(int)i].AsComponentResource();
            Assert.Equal("resource 0", handle.Resource);
            Assert.Equal(WitValue.U32(i), instance.Call(Counters, "[method]counter.get", new[] { WitValue.Borrow(handle) }));
            handle.Dispose();
        }

        Assert.Equal(WitValue.U32(4), Dropped(instance));
    }

    [Fact]
    public void A_handle_outliving_its_instance_is_disposed_without_touching_the_store()
    {
        var linker = NewLinker();
        var instance = linker.Instantiate();
        var counter = instance.Call(Counters, "[constructor]counter", new[] { WitValue.U32(1) })!.Value.AsComponentResource();
        instance.Dispose();
        linker.Dispose();

        counter.Dispose();

        Assert.True(counter.IsDisposed);
    }

    [Fact]
    public void A_handle_of_one_instance_is_refused_by_another()
    {
        using var linker = NewLinker();
        using var first = linker.Instantiate();
        using var second = linker.Instantiate();
        var counter = first.Call(Counters, "[constructor]counter", new[] { WitValue.U32(1) })!.Value.AsComponentResource();

        Assert.Throws<InvalidOperationException>(() => second.Call(Counters, "[method]counter.get", new[] { WitValue.Borrow(counter) }));
        Assert.Equal(WitValue.U32(1), first.Call(Counters, "[method]counter.get", new[] { WitValue.Borrow(counter) }));
    }

    [Fact]
    public void A_host_object_is_not_a_component_resource()
    {
        Assert.Throws<InvalidCastException>(() => WitValue.Own("x", new object()).AsComponentResource());
    }

    [Fact]
    public void A_destructor_that_traps_throws_a_trap_naming_the_drop_and_the_handle_is_spent()
    {
        const string text = """
            (component
              (core module $Destructor (func (export "dtor") (param i32) unreachable))
              (core instance $destructor (instantiate $Destructor))
              (type $r (resource (rep i32) (dtor (core func $destructor "dtor"))))
              (core func $new (canon resource.new $r))
              (core module $Main
                (import "r" "new" (func $new (param i32) (result i32)))
                (func (export "make") (result i32) (call $new (i32.const 7))))
              (core instance $main (instantiate $Main (with "r" (instance (export "new" (func $new))))))
              (export $exported "r" (type $r))
              (func (export "make") (result (own $exported)) (canon lift (core func $main "make"))))
            """;
        using var engine = new Engine();
        using var component = Component.FromText(engine, text);
        using var linker = new WasmtimeLinker(engine, component);
        using var instance = linker.Instantiate();
        var handle = instance.Call(null, "make", Array.Empty<WitValue>())!.Value.AsComponentResource();

        var trap = Assert.Throws<WitTrapException>(handle.Dispose);

        Assert.Equal("[resource-drop]resource 0", trap.Function);
        Assert.True(handle.IsDisposed);
        handle.Dispose();
    }

    private static WitValue? Dropped(IWitInstance instance) => instance.Call(Counters, "[static]counter.dropped", Array.Empty<WitValue>());
}
