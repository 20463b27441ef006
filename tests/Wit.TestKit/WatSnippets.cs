namespace Wit.TestKit;

/// <summary>Pieces of core module text the component tests share.</summary>
public static class WatSnippets
{
    /// <summary>
    /// A core module's fields: an exported <c>realloc</c> that bumps a pointer from 1024 (each block aligned to 8, never
    /// freed, the memory never grown) over the module's first memory.
    /// </summary>
    public const string BumpRealloc = """
        (global $next (mut i32) (i32.const 1024))
        (func (export "realloc") (param i32 i32 i32 i32) (result i32)
          (local $r i32)
          (local.set $r (i32.and (i32.add (global.get $next) (i32.const 7)) (i32.const -8)))
          (global.set $next (i32.add (local.get $r) (local.get 3)))
          (local.get $r))
        """;
}
