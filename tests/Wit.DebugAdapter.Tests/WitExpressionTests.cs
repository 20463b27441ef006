using System;
using System.Linq;
using Wit.DebugAdapter.Session;
using Wit.Runtime.Canonical;
using Wit.Runtime.Component;
using Xunit;

namespace Wit.DebugAdapter.Tests;

/// <summary>
/// The expression language over lifted WIT values (<see cref="WitPath"/> through <see cref="BoundaryScope"/>): every
/// kind of WIT value, as a condition and as <c>evaluate</c> shows it.
/// </summary>
public sealed class WitExpressionTests
{
    private static PrimitiveTypeDef P(PrimitiveKind kind) => PrimitiveTypeDef.Of(kind);

    private static readonly ResourceTypeDef Blob = new() { Name = "blob" };

    private static readonly RecordTypeDef Person = new()
    {
        Fields = new[] { new Field("name", P(PrimitiveKind.String)), new Field("age", P(PrimitiveKind.U8)), new Field("tags", new ListTypeDef { Element = P(PrimitiveKind.String) }) },
    };

    private static readonly VariantTypeDef Shape = new()
    {
        Cases = new[] { new Case("circle", P(PrimitiveKind.F32)), new Case("square", Person), new Case("nothing", null) },
    };

    /// <summary>A call with one parameter of each kind, named after it.</summary>
    private static WitBoundary Call(bool returned = false)
    {
        var parameters = new (string Name, ValueTypeDef Type, ComponentValue Value)[]
        {
            ("flag", P(PrimitiveKind.Bool), ComponentValue.Bool(true)),
            ("small", P(PrimitiveKind.S8), ComponentValue.S8(-5)),
            ("byte", P(PrimitiveKind.U8), ComponentValue.U8(200)),
            ("short", P(PrimitiveKind.S16), ComponentValue.S16(-300)),
            ("ushort", P(PrimitiveKind.U16), ComponentValue.U16(60000)),
            ("int", P(PrimitiveKind.S32), ComponentValue.S32(-70000)),
            ("uint", P(PrimitiveKind.U32), ComponentValue.U32(4000000000)),
            ("long", P(PrimitiveKind.S64), ComponentValue.S64(long.MinValue)),
            ("ulong", P(PrimitiveKind.U64), ComponentValue.U64(ulong.MaxValue)),
            ("ratio", P(PrimitiveKind.F32), ComponentValue.F32(0.5f)),
            ("precise", P(PrimitiveKind.F64), ComponentValue.F64(-2.25)),
            ("letter", P(PrimitiveKind.Char), ComponentValue.Char('é')),
            ("emoji", P(PrimitiveKind.Char), ComponentValue.Char(0x1F600)),
            ("name", P(PrimitiveKind.String), ComponentValue.String("héllo \"x\"\n")),
            ("bytes", new ListTypeDef { Element = P(PrimitiveKind.U8) }, ComponentValue.List(ComponentValue.U8(104), ComponentValue.U8(105))),
            ("people", new ListTypeDef { Element = Person }, ComponentValue.List(PersonValue("ann", 30, "a", "b"), PersonValue("bob", 40))),
            ("who", Person, PersonValue("cy", 7, "kid")),
            ("pair", new TupleTypeDef { Types = new ValueTypeDef[] { P(PrimitiveKind.U32), P(PrimitiveKind.String) } }, ComponentValue.Record(ComponentValue.U32(1), ComponentValue.String("one"))),
            ("round", Shape, ComponentValue.Case(0, ComponentValue.F32(1.5f))),
            ("boxy", Shape, ComponentValue.Case(1, PersonValue("sq", 4))),
            ("empty", Shape, ComponentValue.Case(2)),
            ("color", new EnumTypeDef { Names = new[] { "red", "green", "blue" } }, ComponentValue.Case(1)),
            ("maybe", new OptionTypeDef { Type = P(PrimitiveKind.U32) }, ComponentValue.Some(ComponentValue.U32(3))),
            ("nope", new OptionTypeDef { Type = P(PrimitiveKind.U32) }, ComponentValue.None),
            ("outcome", new ResultTypeDef { Ok = P(PrimitiveKind.U32), Error = P(PrimitiveKind.String) }, ComponentValue.Err(ComponentValue.String("denied"))),
            ("done", new ResultTypeDef(), ComponentValue.Ok()),
            ("perms", new FlagsTypeDef { Names = new[] { "read", "write", "exec" } }, ComponentValue.Flags(0b101)),
            ("owned", new HandleTypeDef { Resource = Blob, IsBorrow = false }, ComponentValue.Own(7)),
            ("self", new HandleTypeDef { Resource = Blob, IsBorrow = true }, ComponentValue.Borrow(2)),
            ("scores", new MapTypeDef { Key = P(PrimitiveKind.String), Value = P(PrimitiveKind.U32) },
                ComponentValue.List(ComponentValue.Record(ComponentValue.String("x"), ComponentValue.U32(9)))),
            ("in-progress", P(PrimitiveKind.U32), ComponentValue.U32(12)),
        };
        var type = new FuncTypeDef
        {
            Params = parameters.Select(p => new Param(p.Name, p.Type)).ToArray(),
            Result = new OptionTypeDef { Type = P(PrimitiveKind.String) },
        };
        return new WitBoundary("test:pkg/api#call", type, parameters.Select(p => p.Value).ToArray(), Export: true)
        {
            Returned = returned,
            Result = returned ? ComponentValue.Some(ComponentValue.String("fine")) : null,
        };
    }

    private static ComponentValue PersonValue(string name, byte age, params string[] tags) =>
        ComponentValue.Record(ComponentValue.String(name), ComponentValue.U8(age), ComponentValue.List(tags.Select(t => ComponentValue.String(t)).ToArray()));

    private static bool Holds(string condition, bool returned = false) => Expression.Parse(condition).IsTrue(new BoundaryScope(Call(returned), null));

    private static string Error(string condition, bool returned = false) =>
        Assert.Throws<FormatException>(() => Expression.Parse(condition).IsTrue(new BoundaryScope(Call(returned), null))).Message;

    /// <summary>What evaluate shows: the value as the WIT Arguments scope formats it, and its WIT type.</summary>
    private static (string Value, string Type) Show(string expression)
    {
        var v = Expression.Parse(expression).Evaluate(new BoundaryScope(Call(), null));
        Assert.Equal(ExprKind.Wit, v.Kind);
        return (WitValues.Format(v.Wit!, v.WitType!), ComponentWit.Type(v.WitType!));
    }

    [Theory]
    [InlineData("flag")]
    [InlineData("flag == true && !(flag == false)")]
    [InlineData("small == -5 && small < 0")]
    [InlineData("byte == 200 && byte > 199")]
    [InlineData("short == -300")]
    [InlineData("ushort == 60000")]
    [InlineData("int == -70000")]
    [InlineData("uint == 4000000000 && uint > 0x7fffffff")]
    [InlineData("long == -9223372036854775808 && long < 0")]
    [InlineData("ulong == 18446744073709551615 && ulong > 0")]
    [InlineData("ratio == 0.5 && ratio < 1")]
    [InlineData("precise == -2.25 && precise < -2")]
    [InlineData("letter == 'é' && letter > 'a' && letter != 'e'")]
    [InlineData("emoji == '\\u{1F600}' && emoji == '😀'")]
    [InlineData("name == \"héllo \\\"x\\\"\\n\" && name != \"héllo\"")]
    [InlineData("name.len == 10 && name[1] == 'é' && name[9] == '\\n'")]
    [InlineData("name > \"h\" && name < \"i\"")]
    [InlineData("bytes == \"hi\" && bytes.len == 2 && bytes[1] == 105")]
    [InlineData("people.len == 2 && people[1].name == \"bob\" && people[0].tags.len == 2 && people[0].tags[1] == \"b\"")]
    [InlineData("who.name == \"cy\" && who.age == 7 && who.tags[0] == \"kid\"")]
    [InlineData("pair.0 == 1 && pair.1 == \"one\"")]
    [InlineData("round is circle && round.circle == 1.5 && !(round is square)")]
    [InlineData("boxy is square && boxy.square.name == \"sq\"")]
    [InlineData("empty is nothing")]
    [InlineData("color is green && !(color is red)")]
    [InlineData("maybe is some && maybe.some == 3")]
    [InlineData("nope is none && !(nope is some)")]
    [InlineData("outcome is err && outcome.err == \"denied\"")]
    [InlineData("done is ok")]
    [InlineData("perms.read && !perms.write && perms.exec")]
    [InlineData("owned == 7 && owned.rep == 7 && self.rep == 2 && self < owned")]
    [InlineData("scores.len == 1 && scores[0].0 == \"x\" && scores[0].1 == 9")]
    [InlineData("in-progress == 12")]
    public void A_condition_reads_every_kind_of_WIT_value(string condition) => Assert.True(Holds(condition), condition);

    [Theory]
    [InlineData("flag == false")]
    [InlineData("byte < 200")]
    [InlineData("ulong < 0")]
    [InlineData("name == \"héllo\"")]
    [InlineData("bytes == \"hj\"")]
    [InlineData("color is blue")]
    [InlineData("maybe is none")]
    [InlineData("perms.write")]
    [InlineData("!(who.age == 7)")]
    [InlineData("(flag && byte == 1) || (color is red && flag)")]
    public void A_condition_that_does_not_hold_is_false(string condition) => Assert.False(Holds(condition), condition);

    [Fact]
    public void An_index_may_be_another_integer_value_of_the_call()
    {
        Assert.True(Holds("bytes[pair.0] == 105"));
        Assert.True(Holds("people[pair.0].name == \"bob\""));
        Assert.Contains("'name' is not an integer", Error("bytes[name] == 1"));
        Assert.Contains("does not compare", Error("people[0] == people[1]"));
    }

    [Fact]
    public void Parentheses_and_not_group_and_nest_to_a_bound()
    {
        Assert.True(Holds("!(!(flag)) && (byte == 1 || (small < 0 && (color is green)))"));
        Assert.False(Holds("!flag || (byte == 1 && flag)"));
        string deep = new string('(', Expression.MaxDepth) + "flag" + new string(')', Expression.MaxDepth);
        Assert.True(Holds(deep));
        Assert.Contains("nest more than", Assert.Throws<FormatException>(() => Expression.Parse("(" + deep + ")")).Message);
        Assert.Contains("nest more than", Assert.Throws<FormatException>(() => Expression.Parse(new string('!', 100_000) + "flag")).Message);
    }

    [Fact]
    public void Evaluate_shows_WIT_values_with_their_types()
    {
        Assert.Equal(("\"cy\"", "string"), Show("who.name"));
        Assert.Equal(("2", "u32"), Show("people.len"));
        Assert.Equal(("{name: \"bob\", age: 40, tags: []}", Show("people[1]").Type), Show("people[1]"));
        Assert.Equal(("true", "bool"), Show("perms.exec"));
        Assert.Equal(("2", "u32"), Show("self.rep"));
        Assert.Equal(("borrow<blob> rep 2", "borrow<blob>"), Show("self"));
        Assert.Equal(("err(\"denied\")", "result<u32, string>"), Show("outcome"));
        Assert.Equal(("'é'", "char"), Show("name[1]"));
        Assert.Equal(("104", "u8"), Show("bytes[0]"));
        Assert.Equal(("\"one\"", "string"), Show("pair.1"));
        Assert.Equal(("1.5", "f32"), Show("round.circle"));
        var condition = Expression.Parse("who.age > 5").Evaluate(new BoundaryScope(Call(), null));
        Assert.Equal(ExprKind.Bool, condition.Kind);
        Assert.Equal("true", condition.FormatLiteral());
    }

    [Fact]
    public void The_result_is_named_result_once_the_call_returned()
    {
        Assert.True(Holds("result is some && result.some == \"fine\"", returned: true));
        Assert.Contains("'result' is not a value of test:pkg/api#call", Error("result is some"));
        Assert.Contains("its parameters and result: flag, small", Error("nosuch == 1", returned: true));
        Assert.EndsWith("in-progress, result)", Error("nosuch == 1", returned: true));
    }

    [Theory]
    [InlineData("nosuch == 1", "'nosuch' is not a value of test:pkg/api#call (its parameters: flag, small,")]
    [InlineData("who.height == 1", "'who' has no field 'height' (its fields: name, age, tags)")]
    [InlineData("pair.2 == 1", "'pair' is a tuple of 2: its fields are .0 to .1")]
    [InlineData("perms.delete", "'perms' has no flag 'delete' (its flags: read, write, exec)")]
    [InlineData("color is purple", "has no case 'purple' (its cases: red, green, blue)")]
    [InlineData("maybe is ok", "has no case 'ok' (its cases: none, some)")]
    [InlineData("nope.some == 1", "'nope' is none, not some")]
    [InlineData("empty.nothing == 1", "'empty' is nothing, which carries no value")]
    [InlineData("byte is some", "'byte' is not a variant, enum, option or result")]
    [InlineData("name == 3", "'name' (a string) and '3' (a number) do not compare")]
    [InlineData("letter == 101", "do not compare")]
    [InlineData("who == 1", "'who' (record {")]
    [InlineData("color == 1", "(enum { red, green, blue }) does not compare: test its case with 'color is CASE'")]
    [InlineData("perms == 1", "test a flag with 'perms.NAME'")]
    [InlineData("people == 1", "compare its length (.len) or its elements ([i])")]
    [InlineData("name", "'name' is not a number or a bool")]
    [InlineData("bytes[2] == 1", "index 2 is outside bytes's 2 elements")]
    [InlineData("name[-1] == 'a'", "index -1 is outside name's 10 elements")]
    [InlineData("name[10] == 'a'", "index 10 is outside name's 10 elements")]
    [InlineData("byte.len == 1", "'byte' (u8) has no .len: it has no members")]
    [InlineData("self.len == 1", "'self' (borrow<blob>) has no .len: a handle has .rep")]
    [InlineData("who[0] == 1", "'who' (record {", "is not a list, map or string")]
    [InlineData("bytes[who] == 1", "'who' is not an integer")]
    [InlineData("i32[byte] == 0", "the instance has no memory")]
    public void A_wrong_path_or_comparison_is_an_error_that_says_why(string condition, string message, string? also = null)
    {
        string error = Error(condition);
        Assert.Contains(message, error);
        if (also != null)
        {
            Assert.Contains(also, error);
        }
    }

    [Theory]
    [InlineData("", "the expression is empty")]
    [InlineData("flag &&", "an operand is missing")]
    [InlineData("(flag", "a '(' without its ')'")]
    [InlineData("flag)", "a ')' without its '('")]
    [InlineData("name == \"open", "no closing \"")]
    [InlineData("letter == 'ab'", "a char literal holds one character")]
    [InlineData("name == \"\\q\"", "unknown escape '\\q'")]
    [InlineData("name == \"\\u{D800}\"", "Unicode scalar value")]
    [InlineData("color is", "'is' is followed by a case name")]
    [InlineData("color is 3", "'is' is followed by a case name")]
    [InlineData("len(bytes) == 2", "a length is written 'bytes.len'")]
    [InlineData("flag == == 1", "expected a number or a name, found '=='")]
    [InlineData("people[small + 1].name == \"x\"", "unexpected '+'")]
    public void A_malformed_expression_is_a_parse_error(string text, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => Expression.Parse(text)).Message);
}
