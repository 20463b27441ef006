using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Example.Types.HostEcho;
using Example.Types.Shapes;
using Example.Types.Types;
using Wasmtime;
using Wasmtime.Components;
using Wit.Hosting.Wasmtime;
using Xunit;

namespace Wit.Hosting.Tests;

/// <summary>
/// The generated bindings of <c>Components/types.wit</c> (records, variants, enums, flags, lists, options, results,
/// tuples; in imports, world exports and an exported interface) on Wasmtime with <c>types.wat</c>: each typed export
/// passes its argument through the component to the typed host and back.
/// </summary>
public class TypedMarshallingTests : ComponentTest
{
    public TypedMarshallingTests()
        : this(embedded: false)
    {
    }

    protected TypedMarshallingTests(bool embedded)
        : base("types.wat", embedded)
    {
    }

    [Fact]
    public void Each_kind_of_type_crosses_world_exports_and_the_host_unchanged()
    {
        using var linker = NewLinker();
        var host = new Host();
        using var exports = TypesWorld.Instantiate(linker, host);
        var item = new Item("büro 🌍", new[] { "a", "", "ü" }, Color.Green, Perms.Read | Perms.Exec,
            new Shape.Rect((new Point(-1, 2), new Point(int.MaxValue, int.MinValue))), Result<uint, string>.FromErr("no score"));

        AssertSame(item, exports.EchoItem(item));
        AssertSame(item, (Item)host.Seen.Single());
        Assert.Equal(new[] { new Point(1, 2), new Point(3, 4) }, exports.EchoPoints(new[] { new Point(1, 2), new Point(3, 4) }));
        Assert.Empty(exports.EchoPoints(Array.Empty<Point>()));
        Assert.Equal(Option<string?>.None, exports.EchoMaybe(Option<string?>.None));
        Assert.Equal(Option<string?>.Some(null), exports.EchoMaybe(Option<string?>.Some(null)));
        Assert.Equal(Option<string?>.Some("x"), exports.EchoMaybe(Option<string?>.Some("x")));
        Assert.Equal(((byte)255, new Rune(0x10FFFF), long.MinValue), exports.EchoPair((255, new Rune(0x10FFFF), long.MinValue)));
    }

    [Fact]
    public void An_exported_interface_is_a_typed_object_with_its_functions()
    {
        using var linker = NewLinker();
        var host = new Host();
        using var exports = TypesWorld.Instantiate(linker, host);

        Assert.Equal(Result<Unit, Color>.FromOk(Unit.Value), exports.Calls.EchoStatus(Result<Unit, Color>.FromOk(Unit.Value)));
        Assert.Equal(Result<Unit, Color>.FromErr(Color.Blue), exports.Calls.EchoStatus(Result<Unit, Color>.FromErr(Color.Blue)));
        Assert.Equal(Perms.Read | Perms.Write | Perms.Exec, exports.Calls.EchoPerms(Perms.Read | Perms.Write | Perms.Exec));
        Assert.Equal((Perms)0, exports.Calls.EchoPerms(0));
        Assert.Equal(new Shape.Circle(-0.0), exports.Calls.EchoShape(new Shape.Circle(-0.0)));
        Assert.Equal(new Shape.Empty(), exports.Calls.EchoShape(new Shape.Empty()));
        Assert.Equal(6, host.Seen.Count);
    }

    [Fact]
    public void Random_values_of_every_type_round_trip_through_the_typed_bindings()
    {
        using var linker = NewLinker();
        var host = new Host();
        using var exports = TypesWorld.Instantiate(linker, host);
        var random = new Random(1616);
        for (int i = 0; i < 1000; i++)
        {
            host.Seen.Clear();
            var item = RandomItem(random);
            AssertSame(item, exports.EchoItem(item));
            AssertSame(item, (Item)host.Seen.Single());

            var points = Enumerable.Range(0, random.Next(5)).Select(_ => new Point(random.Next(int.MinValue, int.MaxValue), random.Next())).ToArray();
            Assert.Equal(points, exports.EchoPoints(points));
            var maybe = random.Next(3) switch { 0 => Option<string?>.None, 1 => Option<string?>.Some(null), _ => Option<string?>.Some(RandomString(random)) };
            Assert.Equal(maybe, exports.EchoMaybe(maybe));
            var pair = ((byte)random.Next(256), RandomRune(random), random.NextInt64(long.MinValue, long.MaxValue));
            Assert.Equal(pair, exports.EchoPair(pair));
            var shape = RandomShape(random);
            Assert.Equal(shape, exports.Calls.EchoShape(shape));
            var perms = (Perms)random.Next(8);
            Assert.Equal(perms, exports.Calls.EchoPerms(perms));
            var status = random.Next(2) == 0 ? Result<Unit, Color>.FromOk(Unit.Value) : Result<Unit, Color>.FromErr((Color)random.Next(3));
            Assert.Equal(status, exports.Calls.EchoStatus(status));
            Assert.Equal(7, host.Seen.Count);
        }
    }

    [Fact]
    public void A_host_returning_null_for_a_record_traps_the_call_naming_the_function()
    {
        using var linker = NewLinker();
        using var exports = TypesWorld.Instantiate(linker, new Host { ReturnNull = true });

        var trap = Assert.Throws<WitTrapException>(() => exports.EchoItem(new Item("x", Array.Empty<string>(), null, 0, new Shape.Empty(), Result<uint, string>.FromOk(1))));

        Assert.Equal("echo-item", trap.Function);
        Assert.IsType<ArgumentNullException>(trap.InnerException);
        Assert.Contains("example:types/host-echo#echo-item", trap.Message);
    }

    [Fact]
    public void Passing_null_where_WIT_has_no_null_is_an_argument_error_before_the_call()
    {
        using var linker = NewLinker();
        using var exports = TypesWorld.Instantiate(linker, new Host());

        Assert.Throws<ArgumentNullException>(() => exports.EchoPoints(null!));
        Assert.Throws<ArgumentNullException>(() => exports.Calls.EchoShape(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => exports.Calls.EchoStatus(Result<Unit, Color>.FromErr((Color)7)));
    }

    private static void AssertSame(Item expected, Item actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected with { Tags = actual.Tags }, actual);
    }

    private static Item RandomItem(Random random) => new(
        RandomString(random),
        Enumerable.Range(0, random.Next(4)).Select(_ => RandomString(random)).ToArray(),
        random.Next(4) == 0 ? null : (Color)random.Next(3),
        (Perms)random.Next(8),
        RandomShape(random),
        random.Next(2) == 0 ? Result<uint, string>.FromOk((uint)random.NextInt64(0, uint.MaxValue + 1L)) : Result<uint, string>.FromErr(RandomString(random)));

    private static Shape RandomShape(Random random) => random.Next(3) switch
    {
        0 => new Shape.Circle(BitConverter.Int64BitsToDouble(random.NextInt64()) is var d && double.IsNaN(d) ? 1.0 : d),
        1 => new Shape.Rect((new Point(random.Next(), -random.Next()), new Point(random.Next(), random.Next()))),
        _ => new Shape.Empty(),
    };

    private static string RandomString(Random random) => RandomText.String(random);

    private static Rune RandomRune(Random random) => RandomText.Rune(random);

    [WitHost(typeof(TypesWorld))]
    private sealed class Host : IHostEcho
    {
        public List<object> Seen { get; } = new();

        public bool ReturnNull { get; init; }

        public Item EchoItem(Item x) => ReturnNull ? null! : See(x);

        public Point[] EchoPoints(Point[] x) => See(x);

        public Option<string?> EchoMaybe(Option<string?> x) => See(x);

        public (byte, Rune, long) EchoPair((byte, Rune, long) x) => See(x);

        public Result<Unit, Color> EchoStatus(Result<Unit, Color> x) => See(x);

        public Perms EchoPerms(Perms x) => See(x);

        public Shape EchoShape(Shape x) => See(x);

        private T See<T>(T value)
        {
            Seen.Add(value!);
            return value;
        }
    }
}
