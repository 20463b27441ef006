namespace Wit.Core.Abi;

/// <summary>Why a core function exists.</summary>
public enum CoreFunctionRole
{
    /// <summary>A WIT function (lowered for imports, lifted for exports).</summary>
    Function,

    /// <summary><c>f_post</c>: frees what an export's results allocated.</summary>
    PostReturn,

    /// <summary><c>r_drop</c>: drops a handle.</summary>
    ResourceDrop,

    /// <summary><c>r_new</c>: wraps an exported resource's representation in a handle.</summary>
    ResourceNew,

    /// <summary><c>r_rep</c>: reads an exported resource's representation.</summary>
    ResourceRep,

    /// <summary><c>r_dtor</c>: destroys an exported resource's representation.</summary>
    Destructor,

    /// <summary><c>cm32p2_realloc</c>: the allocator the host uses to pass lists and strings in.</summary>
    Realloc,

    /// <summary><c>cm32p2_initialize</c>: runs once before any export.</summary>
    Initialize,
}
