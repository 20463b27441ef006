using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wit.Runtime.Binary;
using Wit.Runtime.Tests.Spec;
using Wit.Runtime.Text;
using Wit.Runtime.Validation;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Runtime.Tests;

/// <summary>
/// Mutated spec module texts through the text parser (and, when one still parses, the decoder and validator): only the
/// runtime's <see cref="WasmException"/> may come out, never another exception.
/// </summary>
public sealed class TextCorruptionTests
{
    private const int Mutants = 10_000;

    private static readonly string[] Tokens =
    {
        "(", ")", "\"", "$x", ";;", "(;", ";)", "0x", "-", "_", ".", "p", "e", "nan:0x", "inf", "\\", "\\u{", "\n",
        "block", "loop", "if", "end", "else", "(then", "(else", "br 0", "br_table 0 1", "i32.const", "f32.const",
        "f64.const 0x1p", "local.get 0", "(type 0)", "(param", "(result", "(local", "(export \"e\")", "(import \"m\" \"n\")",
        "(offset", "(item", "declare", "func", "funcref", "externref", "align=", "offset=", "memory.init 0", "table.init 0 0",
        "(memory", "(table", "(data", "(elem", "select (result i32)", "ref.null", "call_indirect", "4294967296", "\u00e9",
    };

    private readonly ITestOutputHelper _output;

    public TextCorruptionTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Mutated_spec_module_texts_only_ever_raise_the_runtime_error_type()
    {
        var texts = new List<byte[]>();
        foreach (var name in SpecCorpus.AllNames().Where(n => !SpecCorpus.IsSimd(n)))
        {
            var source = new WastModuleText(SpecCorpus.WastPath(name));
            using var doc = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllBytes(SpecCorpus.Json(name)));
            foreach (var cmd in doc.RootElement.GetProperty("commands").EnumerateArray())
            {
                if (cmd.GetProperty("type").GetString() == "module" && source.ModuleAt(cmd.GetProperty("line").GetInt32()) is { } text)
                {
                    texts.Add(text);
                }
            }
        }
        Assert.True(texts.Count > 500, $"only {texts.Count} module texts found");

        var random = new Random(23);
        var outcomes = new Dictionary<string, int>();
        var failures = new List<string>();
        for (int i = 0; i < Mutants; i++)
        {
            byte[] mutant = Mutate(texts[random.Next(texts.Count)], random);
            string outcome;
            try
            {
                var module = ModuleDecoder.Decode(WatParser.ParseModule(mutant), WasmFeatures.Wasm2);
                ModuleValidator.Validate(module);
                outcome = "valid";
            }
            catch (WatSyntaxException)
            {
                outcome = "malformed text";
            }
            catch (WasmException e)
            {
                // Malformed here: a mutated `(module binary ...)`, whose bytes the parser passes on as they are.
                outcome = e.Kind.ToString();
            }
            catch (Exception e)
            {
                outcome = "crash";
                if (failures.Count < 10)
                {
                    failures.Add($"mutant {i}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n{Encoding.UTF8.GetString(mutant)}");
                }
            }
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        _output.WriteLine(string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}: {o.Value}")));
        failures.ForEach(_output.WriteLine);
        Assert.Empty(failures);
        // The mutants must reach past the tokenizer: some parse and then fail to validate, some still validate.
        Assert.True(outcomes.GetValueOrDefault("Invalid") > 0 && outcomes.GetValueOrDefault("valid") > 0, "the mutations are too coarse");
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        int edits = 1 + random.Next(3);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(" " + Tokens[random.Next(Tokens.Length)] + " "));
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(1 + random.Next(8), bytes.Count - at));
                    break;
                case 2:
                    bytes[at] = (byte)random.Next(0x20, 0x7F);
                    break;
                default:
                    int length = Math.Min(1 + random.Next(40), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
            }
        }
        return bytes.ToArray();
    }
}
