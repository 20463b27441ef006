using Xunit;

namespace Wit.Cli.Tests;

public class ResolveCommandTests
{
    // Types are declared in name order and after what they use, so the arena order does not depend on whether
    // named types are visited in declaration order or in name order.
    private const string Shapes = """
        package demo:shapes@1.0.0;

        interface shapes {
          ///A point on the "grid".
          record coord {
            x: s32,
            y: s32,
          }

          enum hue { red, green }

          flags pen { bold, dashed }

          variant shape {
            dot(coord),
            empty,
          }

          resource sketch {
            draw: func(s: shape, h: option<hue>) -> result<u32, string>;
          }

          @since(version = 1.0.0)
          area: func(s: shape) -> tuple<u32, u32>;
        }

        world app {
          use shapes.{coord};
          import shapes;
          export render: func(points: list<coord>) -> bool;
        }

        """;

    /// <summary>Written by hand from wit-parser's serde definitions and its <c>.wit.json</c> files.</summary>
    private const string ShapesJson = """
        {
          "worlds": [
            {
              "name": "app",
              "imports": {
                "interface-0": {
                  "interface": {
                    "id": 0
                  }
                },
                "coord": {
                  "type": 9
                }
              },
              "exports": {
                "render": {
                  "function": {
                    "name": "render",
                    "kind": "freestanding",
                    "params": [
                      {
                        "name": "points",
                        "type": 10
                      }
                    ],
                    "result": "bool"
                  }
                }
              },
              "package": 0
            }
          ],
          "interfaces": [
            {
              "name": "shapes",
              "types": {
                "coord": 0,
                "hue": 1,
                "pen": 2,
                "shape": 3,
                "sketch": 4
              },
              "functions": {
                "[method]sketch.draw": {
                  "name": "[method]sketch.draw",
                  "kind": {
                    "method": 4
                  },
                  "params": [
                    {
                      "name": "self",
                      "type": 5
                    },
                    {
                      "name": "s",
                      "type": 3
                    },
                    {
                      "name": "h",
                      "type": 6
                    }
                  ],
                  "result": 7
                },
                "area": {
                  "name": "area",
                  "kind": "freestanding",
                  "params": [
                    {
                      "name": "s",
                      "type": 3
                    }
                  ],
                  "result": 8,
                  "stability": {
                    "stable": {
                      "since": "1.0.0"
                    }
                  }
                }
              },
              "package": 0
            }
          ],
          "types": [
            {
              "name": "coord",
              "kind": {
                "record": {
                  "fields": [
                    {
                      "name": "x",
                      "type": "s32"
                    },
                    {
                      "name": "y",
                      "type": "s32"
                    }
                  ]
                }
              },
              "owner": {
                "interface": 0
              },
              "docs": {
                "contents": "A point on the \"grid\"."
              }
            },
            {
              "name": "hue",
              "kind": {
                "enum": {
                  "cases": [
                    {
                      "name": "red"
                    },
                    {
                      "name": "green"
                    }
                  ]
                }
              },
              "owner": {
                "interface": 0
              }
            },
            {
              "name": "pen",
              "kind": {
                "flags": {
                  "flags": [
                    {
                      "name": "bold"
                    },
                    {
                      "name": "dashed"
                    }
                  ]
                }
              },
              "owner": {
                "interface": 0
              }
            },
            {
              "name": "shape",
              "kind": {
                "variant": {
                  "cases": [
                    {
                      "name": "dot",
                      "type": 0
                    },
                    {
                      "name": "empty",
                      "type": null
                    }
                  ]
                }
              },
              "owner": {
                "interface": 0
              }
            },
            {
              "name": "sketch",
              "kind": "resource",
              "owner": {
                "interface": 0
              }
            },
            {
              "name": null,
              "kind": {
                "handle": {
                  "borrow": 4
                }
              },
              "owner": null
            },
            {
              "name": null,
              "kind": {
                "option": 1
              },
              "owner": null
            },
            {
              "name": null,
              "kind": {
                "result": {
                  "ok": "u32",
                  "err": "string"
                }
              },
              "owner": null
            },
            {
              "name": null,
              "kind": {
                "tuple": {
                  "types": [
                    "u32",
                    "u32"
                  ]
                }
              },
              "owner": null
            },
            {
              "name": "coord",
              "kind": {
                "type": 0
              },
              "owner": {
                "world": 0
              }
            },
            {
              "name": null,
              "kind": {
                "list": 9
              },
              "owner": null
            }
          ],
          "packages": [
            {
              "name": "demo:shapes@1.0.0",
              "interfaces": {
                "shapes": 0
              },
              "worlds": {
                "app": 0
              }
            }
          ]
        }

        """;

    [Fact]
    public void Prints_the_model_in_wit_parser_s_json_schema()
    {
        using var dir = new TempDirectory();
        dir.Write("shapes.wit", Shapes);

        var run = CliRun.Start(dir.Path, "resolve", "shapes.wit", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(ShapesJson, run.Output);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void Json_is_the_default_format()
    {
        using var dir = new TempDirectory();
        dir.Write("shapes.wit", Shapes);

        var run = CliRun.Start(dir.Path, "resolve", "shapes.wit");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(ShapesJson, run.Output);
    }

    [Fact]
    public void A_directory_resolves_with_its_dependencies_first()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/root.wit", "package a:root;\ninterface user { use b:dep/types.{id}; get: func() -> id; }\n");
        dir.Write("pkg/deps/dep/types.wit", "package b:dep;\ninterface types { type id = u64; }\n");

        var run = CliRun.Start(dir.Path, "resolve", "pkg");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("\"name\": \"b:dep\"", run.Output);
        Assert.True(
            run.Output.IndexOf("\"name\": \"b:dep\"", System.StringComparison.Ordinal) < run.Output.IndexOf("\"name\": \"a:root\"", System.StringComparison.Ordinal),
            run.Output);
    }

    [Fact]
    public void Features_decide_which_unstable_items_are_kept()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", "package a:b;\ninterface i {\n  @unstable(feature = fancy)\n  f: func();\n  g: func();\n}\n");

        var without = CliRun.Start(dir.Path, "resolve", "a.wit");
        var with = CliRun.Start(dir.Path, "resolve", "a.wit", "--features", "other,fancy");
        var all = CliRun.Start(dir.Path, "resolve", "a.wit", "--all-features");

        Assert.True(without.ExitCode == 0 && with.ExitCode == 0 && all.ExitCode == 0, without + "\n" + with + "\n" + all);
        Assert.DoesNotContain("\"f\"", without.Output);
        Assert.Contains("\"feature\": \"fancy\"", with.Output);
        Assert.Equal(with.Output, all.Output);
    }

    [Fact]
    public void A_package_with_errors_prints_no_model_and_exits_1()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", "package a:b;\ninterface i {\n  use nope.{t};\n}\n");

        var run = CliRun.Start(dir.Path, "resolve", "a.wit");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal(
            "error[WIT1001]: interface or world `nope` does not exist\n" +
            "     --> a.wit:3:7\n" +
            "      |\n" +
            "    3 |   use nope.{t};\n" +
            "      |       ^---\n" +
            "\n" +
            "checked 1 file: 1 error\n",
            run.Error);
    }

    [Fact]
    public void A_missing_path_exits_2()
    {
        using var dir = new TempDirectory();

        var run = CliRun.Start(dir.Path, "resolve", "missing.wit");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal("error: no such file or directory: 'missing.wit'\n", run.Error);
    }

    [Fact]
    public void Only_json_is_accepted_as_format()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", "package a:b;\n");

        var run = CliRun.Start(dir.Path, "resolve", "a.wit", "--format", "text");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains("text", run.Error);
    }
}
