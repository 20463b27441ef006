using System;
using System.Text;
using Xunit;

namespace Wit.Hosting.Tests;

/// <summary>Wit.Hosting's value types: what each kind holds, and what reading the wrong kind or side says.</summary>
public class ValueTests
{
    [Fact]
    public void Reading_a_value_as_another_kind_names_both_kinds()
    {
        var error = Assert.Throws<InvalidCastException>(() => WitValue.U32(7).AsS32());

        Assert.Equal("The WIT value is a U32, not a S32.", error.Message);
    }

    [Fact]
    public void Values_compare_by_kind_and_value()
    {
        Assert.Equal(WitValue.S64(-1), WitValue.S64(-1));
        Assert.NotEqual(WitValue.S64(-1), WitValue.U64(ulong.MaxValue));
        Assert.Equal(-1, WitValue.S8(-1).AsS8());
        Assert.Equal(new Rune(0x1F30D), WitValue.Char(new Rune(0x1F30D)).AsChar());
        Assert.Equal("\"é\"", WitValue.String("é").ToString());
        Assert.Throws<ArgumentNullException>(() => WitValue.String(null!));
    }

    [Fact]
    public void An_option_of_an_option_tells_some_none_from_none()
    {
        var someNone = Option<uint?>.Some(null);

        Assert.NotEqual(Option<uint?>.None, someNone);
        Assert.True(someNone.HasValue);
        Assert.Equal("none", Option<uint?>.None.ToString());
        Assert.Throws<InvalidOperationException>(() => Option<uint?>.None.Value);
    }

    [Fact]
    public void A_result_holds_one_side_and_reading_the_other_says_which_it_is()
    {
        var ok = Result<uint, string>.FromOk(3);
        var err = Result<uint, string>.FromErr("bad");

        Assert.Equal(3u, ok.Ok);
        Assert.Equal("bad", err.Err);
        Assert.Equal("The result is err(bad).", Assert.Throws<InvalidOperationException>(() => err.Ok).Message);
        Assert.Equal("The result is ok(3).", Assert.Throws<InvalidOperationException>(() => ok.Err).Message);
        Assert.NotEqual(Result<Unit, Unit>.FromOk(Unit.Value), Result<Unit, Unit>.FromErr(Unit.Value));
    }

    [Fact]
    public void A_trap_names_the_WIT_function()
    {
        var trap = new WitTrapException("wasi:cli/run@0.2.12#run", "unreachable");

        Assert.Equal("wasm trap in WIT function `wasi:cli/run@0.2.12#run`: unreachable", trap.Message);
    }

    [Fact]
    public void Maps_compare_entry_by_entry_in_order_and_read_back_as_dictionaries()
    {
        WitValue Of(params (string Key, uint Value)[] entries) =>
            WitValue.Map(Array.ConvertAll(entries, e => WitValue.String(e.Key)), Array.ConvertAll(entries, e => WitValue.U32(e.Value)));

        Assert.Equal(Of(("a", 1), ("b", 2)), Of(("a", 1), ("b", 2)));
        Assert.NotEqual(Of(("a", 1), ("b", 2)), Of(("b", 2), ("a", 1)));
        Assert.NotEqual(Of(("a", 1)), Of(("a", 2)));
        Assert.NotEqual(Of(("a", 1)), WitValue.List(new[] { WitValue.Tuple(new[] { WitValue.String("a"), WitValue.U32(1) }) }));
        Assert.Equal("{\"a\": 1, \"b\": 2}", Of(("a", 1), ("b", 2)).ToString());
        Assert.Throws<ArgumentException>(() => WitValue.Map(new[] { WitValue.U8(1) }, Array.Empty<WitValue>()));

        // A later entry with a key already seen replaces the earlier one, as a dictionary's indexer does.
        var dictionary = Of(("a", 1), ("b", 2), ("a", 3)).AsDictionary(k => k.AsString(), v => v.AsU32());
        Assert.Equal(new[] { "a", "b" }, dictionary.Keys);
        Assert.Equal(3u, dictionary["a"]);
        Assert.Throws<ArgumentNullException>(() => WitValue.FromDictionary<string, uint>(null!, WitValue.String, WitValue.U32));
    }
}
