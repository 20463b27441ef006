using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Runtime.Canonical;
using Wit.Runtime.Component;
using Xunit;

namespace Wit.Runtime.Tests.Components;

/// <summary>Components from component text (jco's parser) instantiated on our engine with host imports.</summary>
public sealed class ComponentInstantiatorTests
{
    private const string Greeter = $"""
        (component
          (import "test:host/api@0.1.0" (instance $api
            (export "log" (func (param "msg" string)))
            (export "add" (func (param "a" u32) (param "b" u32) (result u32)))))
          (core module $libc
            (memory (export "memory") 1)
            {WatSnippets.BumpRealloc})
          (core instance $libc (instantiate $libc))
          (alias export $api "log" (func $log))
          (alias export $api "add" (func $add))
          (core func $log' (canon lower (func $log) (memory (core memory $libc "memory"))))
          (core func $add' (canon lower (func $add)))
          (core module $main
            (import "api" "log" (func $log (param i32 i32)))
            (import "api" "add" (func $add (param i32 i32) (result i32)))
            (func (export "greet") (param $p i32) (param $n i32) (result i32)
              (call $log (local.get $p) (local.get $n))
              (call $add (local.get $n) (i32.const 100))))
          (core instance $main (instantiate $main
            (with "api" (instance (export "log" (func $log')) (export "add" (func $add'))))))
          (func $greet (param "name" string) (result u32)
            (canon lift (core func $main "greet") (memory (core memory $libc "memory")) (realloc (core func $libc "realloc"))))
          (instance $out (export "greet" (func $greet)))
          (export "test:host/greeter@0.1.0" (instance $out)))
        """;

    private static readonly Lazy<Dictionary<string, byte[]>> Binaries = new(() =>
    {
        var texts = new Dictionary<string, string>
        {
            ["greeter"] = Greeter,
            ["files"] = Files,
            ["reenter"] = Reenter,
            ["map"] = MapSum,
            ["nested"] = Nested,
            ["throws"] = Throws,
        };
        var parsed = ComponentText.Parse(texts.Values.ToList());
        return texts.Keys.Zip(parsed).ToDictionary(p => p.First, p => p.Second.Wasm ?? throw new InvalidOperationException($"{p.First}: {p.Second.Error}"));
    });

    private static WasmComponent Decode(string name) => ComponentDecoder.Decode(Binaries.Value[name]);

    private static (ComponentLinker Linker, List<string> Logged) GreeterHost()
    {
        var linker = new ComponentLinker();
        var logged = new List<string>();
        linker.DefineFunction("test:host/api@0.1.0", "log", args =>
        {
            logged.Add(args[0].Text!);
            return null;
        });
        linker.DefineFunction("test:host/api@0.1.0", "add", args => ComponentValue.U32((uint)(args[0].Bits + args[1].Bits)));
        return (linker, logged);
    }

    [Fact]
    public void Host_functions_serve_a_components_imports_and_an_interface_export_is_called_by_its_full_name()
    {
        var (linker, logged) = GreeterHost();
        var instance = ComponentInstantiator.Instantiate(Decode("greeter"), linker);

        var result = instance.GetFunction("test:host/greeter@0.1.0#greet").Invoke(ComponentValue.String("héllo"));

        // "héllo" is 6 bytes of UTF-8: the core function passes the length to `add`.
        Assert.Equal(ComponentValue.U32(106), result);
        Assert.Equal(new[] { "héllo" }, logged);
    }

    [Fact]
    public void The_live_facts_count_realloc_calls_and_bytes_copied_per_function()
    {
        var (linker, _) = GreeterHost();
        var instance = ComponentInstantiator.Instantiate(Decode("greeter"), linker);
        var greet = instance.GetFunction("test:host/greeter@0.1.0#greet");
        greet.Invoke(ComponentValue.String("héllo"));
        greet.Invoke(ComponentValue.String("ab"));

        var facts = LiveInstanceFacts.Of(instance);
        var cost = Assert.Single(facts.Functions);
        Assert.Equal("test:host/greeter@0.1.0#greet", cost.Name);
        // Each call lowers its string into the guest with one realloc of the string's bytes (6, then 2), copied once.
        Assert.Equal((2L, 2L, 8L, 8L), (cost.Calls, cost.ReallocCalls, cost.ReallocBytes, cost.BytesCopied));
        Assert.Equal(new uint[] { 1 }, facts.CoreInstances[0].MemoryPages);
        Assert.Equal(1, facts.MemoryCount);
        Assert.Empty(facts.Handles);
    }

    [Fact]
    public void A_missing_host_function_is_unlinkable_and_names_the_import()
    {
        var linker = new ComponentLinker();
        linker.DefineFunction("test:host/api@0.1.0", "log", _ => null);

        var e = Assert.Throws<WasmException>(() => ComponentInstantiator.Instantiate(Decode("greeter"), linker));

        Assert.Equal(WasmErrorKind.Unlinkable, e.Kind);
        Assert.Contains("`add`", e.Message);
        var none = Assert.Throws<WasmException>(() => ComponentInstantiator.Instantiate(Decode("greeter")));
        Assert.Contains("test:host/api@0.1.0", none.Message);
    }

    [Fact]
    public void Calling_a_missing_export_or_with_the_wrong_argument_count_is_a_usage_error()
    {
        var (linker, _) = GreeterHost();
        var instance = ComponentInstantiator.Instantiate(Decode("greeter"), linker);

        Assert.Equal(WasmErrorKind.Usage, Assert.Throws<WasmException>(() => instance.GetFunction("greet")).Kind);
        Assert.Equal(WasmErrorKind.Usage, Assert.Throws<WasmException>(() => instance.GetFunction("nope#greet")).Kind);
        Assert.Equal(WasmErrorKind.Usage, Assert.Throws<WasmException>(() => instance.GetFunction("test:host/greeter@0.1.0#greet").Invoke()).Kind);
    }

    private const string Files = """
        (component
          (import "test:host/files@0.1.0" (instance $files
            (export "file" (type $file (sub resource)))
            (export "open" (func (result (own $file))))
            (export "[method]file.size" (func (param "self" (borrow $file)) (result u32)))))
          (alias export $files "file" (type $file))
          (alias export $files "open" (func $open))
          (alias export $files "[method]file.size" (func $size))
          (core func $open' (canon lower (func $open)))
          (core func $size' (canon lower (func $size)))
          (core func $drop (canon resource.drop $file))
          (core module $m
            (import "f" "open" (func $open (result i32)))
            (import "f" "size" (func $size (param i32) (result i32)))
            (import "f" "drop" (func $drop (param i32)))
            (global $h (mut i32) (i32.const 0))
            (func (export "open") (global.set $h (call $open)))
            (func (export "size") (result i32) (call $size (global.get $h)))
            (func (export "close") (call $drop (global.get $h))))
          (core instance $i (instantiate $m
            (with "f" (instance (export "open" (func $open')) (export "size" (func $size')) (export "drop" (func $drop))))))
          (func (export "open") (canon lift (core func $i "open")))
          (func (export "size") (result u32) (canon lift (core func $i "size")))
          (func (export "close") (canon lift (core func $i "close"))))
        """;

    [Fact]
    public void Host_resources_cross_as_handles_in_the_guests_table_and_dropping_one_runs_the_host_destructor()
    {
        var linker = new ComponentLinker();
        var dropped = new List<uint>();
        linker.DefineResource("test:host/files@0.1.0", "file", dropped.Add);
        linker.DefineFunction("test:host/files@0.1.0", "open", _ => ComponentValue.Own(21));
        var borrowed = new List<ComponentValue>();
        linker.DefineFunction("test:host/files@0.1.0", "[method]file.size", args =>
        {
            borrowed.Add(args[0]);
            return ComponentValue.U32((uint)args[0].Bits * 2);
        });
        var instance = ComponentInstantiator.Instantiate(Decode("files"), linker);

        instance.GetFunction("open").Invoke();
        var handles = Assert.Single(LiveInstanceFacts.Of(instance).Handles);
        Assert.Equal(("file", 1, 0), (handles.Resource, handles.Owned, handles.Borrowed));
        Assert.Equal(ComponentValue.U32(42), instance.GetFunction("size").Invoke());
        Assert.Equal(new[] { ComponentValue.Borrow(21) }, borrowed);
        Assert.Empty(dropped);
        instance.GetFunction("close").Invoke();

        Assert.Equal(new uint[] { 21 }, dropped);
        Assert.Empty(LiveInstanceFacts.Of(instance).Handles);
        // The handle is gone: using it again traps with the Canonical ABI's own trap.
        var e = Assert.Throws<CanonicalTrapException>(() => instance.GetFunction("size").Invoke());
        Assert.Equal(CanonicalTrap.InvalidHandle, e.Trap);
    }

    private const string Reenter = """
        (component
          (import "callback" (func $cb))
          (core func $cb' (canon lower (func $cb)))
          (core module $m
            (import "" "cb" (func $cb))
            (func (export "run") (call $cb)))
          (core instance $i (instantiate $m (with "" (instance (export "cb" (func $cb'))))))
          (func (export "run") (canon lift (core func $i "run"))))
        """;

    [Fact]
    public void Entering_an_instance_that_is_running_a_call_traps()
    {
        var linker = new ComponentLinker();
        ComponentInstance? instance = null;
        int calls = 0;
        linker.DefineFunction("", "callback", _ =>
        {
            if (++calls == 1) instance!.GetFunction("run").Invoke();
            return null;
        });
        instance = ComponentInstantiator.Instantiate(Decode("reenter"), linker);

        var e = Assert.Throws<CanonicalTrapException>(() => instance.GetFunction("run").Invoke());

        Assert.Equal(CanonicalTrap.CannotEnter, e.Trap);
        // The trap locked the instance down (the component model's lockdown, as on Wasmtime): every later call traps,
        // even one that would not trap itself (the callback does not recurse now); another instance runs.
        calls = 1;
        Assert.True(instance.LockedDown);
        Assert.Equal(CanonicalTrap.LockedDown, Assert.Throws<CanonicalTrapException>(() => instance.GetFunction("run").Invoke()).Trap);
        calls = 1;
        Assert.Null(ComponentInstantiator.Instantiate(Decode("reenter"), linker).GetFunction("run").Invoke());
    }

    private const string Throws = """
        (component
          (component $A
            (core module $m
              (tag $t (param i32))
              (func (export "f") (param i32) (result i32)
                (if (local.get 0) (then (throw $t (local.get 0))))
                (i32.const 5)))
            (core instance $i (instantiate $m))
            (func (export "f") (param "x" u32) (result u32) (canon lift (core func $i "f"))))
          (instance $a (instantiate $A))
          (alias export $a "f" (func $f))
          (core func $f' (canon lower (func $f)))
          (core module $b
            (import "a" "f" (func $f (param i32) (result i32)))
            (func (export "run") (param i32) (result i32)
              (block $all
                (try_table (catch_all $all) (return (call $f (local.get 0)))))
              (i32.const 2)))
          (core instance $b (instantiate $b (with "a" (instance (export "f" (func $f'))))))
          (func (export "run") (param "x" u32) (result u32) (canon lift (core func $b "run")))
          (export "f" (func $f)))
        """;

    [Fact]
    public void An_exception_that_leaves_a_lifted_export_is_a_trap_that_no_caller_catches()
    {
        var instance = ComponentInstantiator.Instantiate(Decode("throws"), new ComponentLinker());
        Assert.Equal(5u, instance.GetFunction("run").Invoke(ComponentValue.U32(0))!.Bits);

        // The exception leaves the inner component's lifted export: the calling component's catch_all never sees it.
        var e = Assert.ThrowsAny<WasmException>(() => instance.GetFunction("run").Invoke(ComponentValue.U32(7)));
        var trap = e as Execution.WasmTrapException ?? e.InnerException as Execution.WasmTrapException;
        Assert.Equal("uncaught exception", trap?.Reason);
        Assert.Equal(new[] { Execution.WasmValue.I32(7) }, trap!.UncaughtException!.Payload);

        // Called directly, the same export traps too.
        var direct = ComponentInstantiator.Instantiate(Decode("throws"), new ComponentLinker());
        Assert.ThrowsAny<WasmException>(() => direct.GetFunction("f").Invoke(ComponentValue.U32(1)));
    }

    private const string MapSum = $"""
        (component
          (core module $m
            (memory (export "memory") 1)
            {WatSnippets.BumpRealloc}
            ;; Each entry is (string ptr, string len, u32 value): 12 bytes; the sum of the values.
            (func (export "sum") (param $p i32) (param $n i32) (result i32)
              (local $s i32)
              (block $done
                (loop $next
                  (br_if $done (i32.eqz (local.get $n)))
                  (local.set $s (i32.add (local.get $s) (i32.load offset=8 (local.get $p))))
                  (local.set $p (i32.add (local.get $p) (i32.const 12)))
                  (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                  (br $next)))
              (local.get $s)))
          (core instance $i (instantiate $m))
          (func (export "sum") (param "m" (map string u32)) (result u32)
            (canon lift (core func $i "sum") (memory (core memory $i "memory")) (realloc (core func $i "realloc")))))
        """;

    [Fact]
    public void A_map_crosses_as_a_list_of_key_value_pairs()
    {
        var instance = ComponentInstantiator.Instantiate(Decode("map"));
        var map = ComponentValue.List(
            ComponentValue.Record(ComponentValue.String("a"), ComponentValue.U32(40)),
            ComponentValue.Record(ComponentValue.String("b"), ComponentValue.U32(2)));

        Assert.Equal(ComponentValue.U32(42), instance.GetFunction("sum").Invoke(map));
        Assert.Equal("func(m: map<string, u32>) -> u32", instance.GetFunction("sum").ToString());
    }

    [Fact]
    public void A_map_key_must_not_be_a_float()
    {
        var bytes = ComponentText.Parse("(component (type (map f32 u32)))");

        var e = Assert.Throws<WasmException>(() => ComponentDecoder.Decode(bytes));

        Assert.Equal(WasmErrorKind.Invalid, e.Kind);
        Assert.Contains("map key", e.Message);
    }

    private const string Nested = """
        (component
          (component $Adder
            (core module $m (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
            (core instance $i (instantiate $m))
            (func (export "add") (param "a" u32) (param "b" u32) (result u32) (canon lift (core func $i "add"))))
          (component $Twice
            (import "add" (func $add (param "a" u32) (param "b" u32) (result u32)))
            (core func $add' (canon lower (func $add)))
            (core module $m
              (import "" "add" (func $add (param i32 i32) (result i32)))
              (func (export "twice") (param i32) (result i32) (call $add (local.get 0) (local.get 0))))
            (core instance $i (instantiate $m (with "" (instance (export "add" (func $add'))))))
            (func (export "twice") (param "x" u32) (result u32) (canon lift (core func $i "twice"))))
          (instance $adder (instantiate $Adder))
          (instance $twice (instantiate $Twice (with "add" (func $adder "add"))))
          (export "twice" (func $twice "twice")))
        """;

    [Fact]
    public void Nested_instances_link_through_their_arguments_and_report_their_tree()
    {
        var instance = ComponentInstantiator.Instantiate(Decode("nested"));

        Assert.Equal(ComponentValue.U32(42), instance.GetFunction("twice").Invoke(ComponentValue.U32(21)));
        var facts = LiveInstanceFacts.Of(instance);
        Assert.Equal(new[] { "root/0", "root/1" }, facts.Children.Select(c => c.Name));
        Assert.Equal(1, facts.Children[1].Functions.Single(f => f.Name == "twice").Calls);
        Assert.Equal(1, facts.Children[0].Functions.Single(f => f.Name == "add").Calls);
    }

    [Fact]
    public void A_given_import_of_the_wrong_type_is_unlinkable()
    {
        var adder = ComponentInstantiator.Instantiate(Decode("map"));
        var twice = Decode("nested").Items.OfType<NestedComponentItem>().ElementAt(1).Component;

        var e = Assert.Throws<WasmException>(() => ComponentInstantiator.Instantiate(twice, imports: new Dictionary<string, object> { ["add"] = adder.GetFunction("sum") }));

        Assert.Equal(WasmErrorKind.Unlinkable, e.Kind);
        Assert.Contains("type mismatch for import `add`", e.Message);
    }

    [Fact]
    public void A_host_functions_own_exception_is_a_trap_with_it_inside()
    {
        var linker = new ComponentLinker();
        linker.DefineFunction("", "callback", _ => throw new InvalidOperationException("host broke"));
        var instance = ComponentInstantiator.Instantiate(Decode("reenter"), linker);

        var e = Assert.Throws<WasmException>(() => instance.GetFunction("run").Invoke());

        Assert.Equal(WasmErrorKind.Trap, e.Kind);
        Assert.IsType<InvalidOperationException>(e.InnerException);
        Assert.Contains("host broke", e.Message);
    }
}
