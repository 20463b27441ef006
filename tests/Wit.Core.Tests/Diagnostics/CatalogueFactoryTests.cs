using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Wit.Core.Diagnostics;
using Wit.Core.Lint;
using Xunit;

namespace Wit.Core.Tests.Diagnostics;

/// <summary>
/// A catalogue that owns its messages has one factory per message: every code of its <c>All</c> list is written by at
/// least one factory, and every factory writes a text. The factories are found by reflection and called with sample
/// values, so a catalogue joins by being added to <see cref="Catalogues"/> once its report sites pass values.
/// </summary>
public sealed class CatalogueFactoryTests
{
    /// <summary>The catalogues, every one converted to factories; a new catalogue joins this list.</summary>
    private static readonly Type[] Catalogues =
    {
        typeof(SyntaxDiagnostics),
        typeof(ResolveDiagnostics),
        typeof(LintDiagnostics),
        typeof(LintConfigurationDiagnostics),
        typeof(WitxSyntaxDiagnostics),
        typeof(WitxDiagnostics),
    };

    public static IEnumerable<object[]> CatalogueNames => Catalogues.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(CatalogueNames))]
    public void Every_code_has_a_factory(string catalogue)
    {
        var type = Catalogue(catalogue);
        var produced = new HashSet<DiagnosticDescriptor>(Factories(type).Where(Callable).Select(f => Invoke(f).Descriptor));

        var missing = All(type).Where(d => !produced.Contains(d)).Select(d => d.Code).ToList();

        Assert.True(missing.Count == 0, $"{catalogue}: no factory writes a message of {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(CatalogueNames))]
    public void Every_factory_writes_a_text_of_a_listed_code(string catalogue)
    {
        var type = Catalogue(catalogue);
        var all = new HashSet<DiagnosticDescriptor>(All(type));
        var factories = Factories(type).Where(Callable).ToList();
        Assert.NotEmpty(factories);

        foreach (var factory in factories)
        {
            var message = Invoke(factory);
            Assert.False(string.IsNullOrWhiteSpace(message.Text), $"{catalogue}.{factory.Name} writes an empty message");
            Assert.True(all.Contains(message.Descriptor), $"{catalogue}.{factory.Name} writes {message.Descriptor.Code}, which {catalogue}.All does not list");
        }
    }

    [Theory]
    [MemberData(nameof(CatalogueNames))]
    public void Factories_take_only_plain_values(string catalogue)
    {
        var offenders = Factories(Catalogue(catalogue))
            .SelectMany(f => f.GetParameters().Where(p => SampleValue(p.ParameterType) is null).Select(p => $"{f.Name}({p.ParameterType.Name} {p.Name})"))
            .ToList();

        Assert.True(offenders.Count == 0,
            $"{catalogue}: factory parameters must be strings, integers, booleans or string lists (pass values, not objects): {string.Join(", ", offenders)}");
    }

    [Fact]
    public void The_sample_values_cover_the_allowed_parameter_types()
    {
        Assert.Equal("x", SampleValue(typeof(string)));
        Assert.Equal(1L, SampleValue(typeof(long)));
        Assert.Equal((byte)1, SampleValue(typeof(byte)));
        Assert.Equal(false, SampleValue(typeof(bool)));
        Assert.Equal(new[] { "x" }, SampleValue(typeof(string[])));
        Assert.Equal(new[] { "x" }, (IEnumerable<string>)SampleValue(typeof(IReadOnlyList<string>))!);
        Assert.Null(SampleValue(typeof(object)));
        Assert.Null(SampleValue(typeof(DiagnosticDescriptor)));
    }

    private static Type Catalogue(string name) => Catalogues.Single(c => c.Name == name);

    private static IEnumerable<DiagnosticDescriptor> All(Type catalogue) =>
        (IEnumerable<DiagnosticDescriptor>)catalogue.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static IEnumerable<MethodInfo> Factories(Type catalogue) =>
        catalogue.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(DiagnosticMessage));

    /// <summary>Whether every parameter has a sample value (<see cref="Factories_take_only_plain_values"/> reports the others).</summary>
    private static bool Callable(MethodInfo factory) => factory.GetParameters().All(p => SampleValue(p.ParameterType) is not null);

    private static DiagnosticMessage Invoke(MethodInfo factory)
    {
        var arguments = factory.GetParameters()
            .Select(p => SampleValue(p.ParameterType) ?? throw new InvalidOperationException($"{factory.Name}: no sample value for {p.ParameterType}"))
            .ToArray();
        return (DiagnosticMessage)factory.Invoke(null, arguments)!;
    }

    /// <summary>A value for a factory parameter: "x" for text, 1 for integers, false for booleans, ["x"] for lists.</summary>
    private static object? SampleValue(Type type)
    {
        if (type == typeof(string)) return "x";
        if (type == typeof(bool)) return false;
        if (type == typeof(byte) || type == typeof(sbyte) || type == typeof(short) || type == typeof(ushort) || type == typeof(int)
            || type == typeof(uint) || type == typeof(long) || type == typeof(ulong))
        {
            return Convert.ChangeType(1, type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type == typeof(string[])) return new[] { "x" };
        if (type.IsAssignableFrom(typeof(List<string>))) return type == typeof(object) ? null : new List<string> { "x" };
        return null;
    }
}
