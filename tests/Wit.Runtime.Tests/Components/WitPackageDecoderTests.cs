using System.Linq;
using Wit.Runtime.Component;
using Xunit;

namespace Wit.Runtime.Tests.Components;

/// <summary>
/// Encodings of single worlds (each interface an imported instance type, aliasing what it uses from the others), as
/// wit-component writes them: the decoder keeps the links the WIT names need.
/// </summary>
public sealed class WitPackageDecoderTests
{
    private static string World(string imports, string package = "a:b@1.0.0") => $$"""
        (component
          (type (component
            (type (component
              {{imports}}))
            (export "{{package.Split('@')[0]}}/w@{{package.Split('@')[1]}}" (component (type 0)))))
          (export "w" (type 0)))
        """;

    [Fact]
    public void An_eq_export_of_an_outer_resource_is_that_resource_not_a_fresh_one()
    {
        var decoded = WitPackageDecoder.Instance.Decode(ComponentText.Parse(World("""
            (type (instance (export "pollable" (type (sub resource)))))
            (import "x:io/poll@1.0.0" (instance (type 0)))
            (alias export 0 "pollable" (type))
            (type (instance
              (alias outer 1 1 (type))
              (export "pollable" (type (eq 0)))
              (type (own 1))
              (type (func (result 2)))
              (export "subscribe" (func (type 3)))))
            (import "a:b/clock@1.0.0" (instance (type 2)))
            """)));

        Assert.Null(decoded.Error);
        Assert.Contains("interface clock {\n  use x:io/poll@1.0.0.{pollable};\n  subscribe: func() -> pollable;\n}\n", decoded.Text);
        var stub = Assert.Single(decoded.Foreign);
        Assert.Equal(("x:io@1.0.0", "poll"), (stub.Package, stub.Name));
        Assert.Equal("  interface poll {\n    resource pollable;\n  }\n", stub.Text);
    }

    [Fact]
    public void An_alias_of_a_sibling_type_brings_the_types_it_refers_to_along()
    {
        var decoded = WitPackageDecoder.Instance.Decode(ComponentText.Parse(World("""
            (type (instance
              (type (record (field "a" u8)))
              (export "rec" (type (eq 0)))
              (type (variant (case "x" 1)))
              (export "var" (type (eq 2)))))
            (import "a:b/net@1.0.0" (instance (type 0)))
            (alias export 0 "var" (type))
            (type (instance (alias outer 1 1 (type)) (export "var" (type (eq 0)))))
            (import "a:b/user@1.0.0" (instance (type 2)))
            """)));

        Assert.Null(decoded.Error);
        Assert.Contains("interface user {\n  use net.{var};\n}\n", decoded.Text);
    }

    [Fact]
    public void A_type_alias_of_an_imported_resource_keeps_its_name()
    {
        var decoded = WitPackageDecoder.Instance.Decode(ComponentText.Parse(World("""
            (type (instance
              (export "fields" (type (sub resource)))
              (export "headers" (type (eq 0)))
              (type (own 1))
              (type (func (result 2)))
              (export "get" (func (type 3)))))
            (import "a:b/types@1.0.0" (instance (type 0)))
            """)));

        Assert.Null(decoded.Error);
        Assert.Contains("interface types {\n  resource fields;\n  type headers = fields;\n  get: func() -> headers;\n}\n", decoded.Text);
    }

    [Fact]
    public void A_component_that_is_no_package_is_refused()
    {
        var decoded = WitPackageDecoder.Instance.Decode(ComponentText.Parse("(component (import \"f\" (func)))"));

        Assert.Equal("WIT1018", decoded.Error!.Value.Descriptor.Code);
        Assert.Empty(decoded.Foreign);
    }
}
