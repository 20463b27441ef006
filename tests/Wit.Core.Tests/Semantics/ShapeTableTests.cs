using System.Collections.Generic;
using Wit.Core.Semantics;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// <see cref="ShapeTable"/>, the resolver's table of anonymous types by shape: a shape finds the definition added for an
/// equal shape (kind, parts that are the same primitives or the very same definitions, number, handle), whatever the
/// table's size and however the hashes collide, and no other.
/// </summary>
public class ShapeTableTests
{
    private static TypeDefinition Named(string name) => new(TypeDefinitionKind.Record) { Name = name };

    private static TypeDefinition Add(ShapeTable table, TypeShape shape, uint? hash = null)
    {
        var definition = new TypeDefinition(shape.Kind);
        shape.Fill(definition);
        table.Add(hash ?? ShapeTable.Hash(shape), definition);
        return definition;
    }

    private static TypeDefinition? Find(ShapeTable table, TypeShape shape, uint? hash = null) =>
        table.TryGetValue(shape, hash ?? ShapeTable.Hash(shape), out var definition) ? definition : null;

    [Fact]
    public void Equal_shapes_find_the_definition_and_different_ones_do_not()
    {
        var table = new ShapeTable();
        var record = Named("r");
        var other = Named("r");
        var u8 = WitType.Of(PrimitiveType.U8);
        var list = Add(table, TypeShape.Of(TypeDefinitionKind.List, u8));
        var result = Add(table, TypeShape.Of(TypeDefinitionKind.Result, WitType.Of(record), WitType.Of(PrimitiveType.String)));
        var tuple = Add(table, TypeShape.TupleOf(new[] { u8, WitType.Of(record) }));
        var own = Add(table, TypeShape.HandleOf(HandleKind.Own, record));
        var fixedList = Add(table, TypeShape.Of(TypeDefinitionKind.FixedSizeList, u8, number: 4));

        Assert.Same(list, Find(table, TypeShape.Of(TypeDefinitionKind.List, u8)));
        Assert.Same(result, Find(table, TypeShape.Of(TypeDefinitionKind.Result, WitType.Of(record), WitType.Of(PrimitiveType.String))));
        Assert.Same(tuple, Find(table, TypeShape.TupleOf(new List<WitType> { u8, WitType.Of(record) })));
        Assert.Same(own, Find(table, TypeShape.HandleOf(HandleKind.Own, record)));
        Assert.Same(fixedList, Find(table, TypeShape.Of(TypeDefinitionKind.FixedSizeList, u8, number: 4)));

        // A part that is an equal but different definition, another kind, number, handle or element count is another shape.
        Assert.Null(Find(table, TypeShape.Of(TypeDefinitionKind.Result, WitType.Of(other), WitType.Of(PrimitiveType.String))));
        Assert.Null(Find(table, TypeShape.Of(TypeDefinitionKind.Option, u8)));
        Assert.Null(Find(table, TypeShape.Of(TypeDefinitionKind.FixedSizeList, u8, number: 5)));
        Assert.Null(Find(table, TypeShape.HandleOf(HandleKind.Borrow, record)));
        Assert.Null(Find(table, TypeShape.TupleOf(new[] { u8 })));
        Assert.Null(Find(table, TypeShape.Of(TypeDefinitionKind.Result, WitType.Of(record), null)));
        Assert.Equal(5, table.Count);
    }

    [Fact]
    public void Every_definition_is_found_as_the_table_grows()
    {
        var table = new ShapeTable();
        var records = new List<TypeDefinition>();
        var added = new List<TypeDefinition>();
        for (int i = 0; i < 20_000; i++)
        {
            var record = Named("r" + i);
            records.Add(record);
            added.Add(Add(table, TypeShape.Of(TypeDefinitionKind.Result, WitType.Of(record), WitType.Of(PrimitiveType.String))));
            Assert.Null(Find(table, TypeShape.Of(TypeDefinitionKind.Option, WitType.Of(record))));
        }

        for (int i = 0; i < records.Count; i++)
        {
            Assert.Same(added[i], Find(table, TypeShape.Of(TypeDefinitionKind.Result, WitType.Of(records[i]), WitType.Of(PrimitiveType.String))));
        }
    }

    /// <summary>Shapes whose hashes are all equal still find their own definitions (the probe goes on past each mismatch).</summary>
    [Fact]
    public void Colliding_hashes_compare_the_shapes()
    {
        var table = new ShapeTable();
        const uint hash = 0xDEADBEEF;
        var shapes = new List<TypeShape>();
        var added = new List<TypeDefinition>();
        for (int i = 0; i < 300; i++)
        {
            var shape = TypeShape.Of(TypeDefinitionKind.FixedSizeList, WitType.Of(PrimitiveType.U32), number: (uint)i + 1);
            shapes.Add(shape);
            added.Add(Add(table, shape, hash));
        }

        for (int i = 0; i < shapes.Count; i++) Assert.Same(added[i], Find(table, shapes[i], hash));
        Assert.Null(Find(table, TypeShape.Of(TypeDefinitionKind.FixedSizeList, WitType.Of(PrimitiveType.U32), number: 1000), hash));
    }
}
