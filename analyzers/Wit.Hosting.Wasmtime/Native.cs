using System;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace Wit.Hosting.Wasmtime;

/// <summary>
/// The part of libwasmtime's C API (crates/c-api/include/wasmtime/component/*.h; the library ships in the Wasmtime
/// package) the adapter calls directly, because the .NET binding does not carry resources: the component linker with
/// host functions and host resources, instances, function calls, values (<c>wasmtime_component_val_t</c>) and errors.
/// </summary>
internal static unsafe class Native
{
    private const string Library = "wasmtime";

    /// <summary><c>sizeof(wasmtime_component_val_t)</c>: a kind byte, then a union of at most 24 bytes at offset 8.</summary>
    public const int ValueSize = 32;

    /// <summary><c>sizeof(wasmtime_component_valrecord_entry_t)</c>: a name, then the value at offset 16.</summary>
    public const int RecordEntrySize = 48;

    /// <summary><c>sizeof(wasmtime_component_valmap_entry_t)</c>: a key value, then a value value.</summary>
    public const int MapEntrySize = 2 * ValueSize;

    /// <summary><c>sizeof(wasm_name_t)</c>: a size, then a pointer.</summary>
    public const int NameSize = 16;

    /// <summary>The kinds of <c>wasmtime_component_val_t</c> (<c>WASMTIME_COMPONENT_*</c>).</summary>
    public static class Kinds
    {
        public const byte Bool = 0, S8 = 1, U8 = 2, S16 = 3, U16 = 4, S32 = 5, U32 = 6, S64 = 7, U64 = 8, F32 = 9, F64 = 10, Char = 11,
            String = 12, List = 13, Record = 14, Tuple = 15, Variant = 16, Enum = 17, Option = 18, Result = 19, Flags = 20, Resource = 21, Map = 22;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct Vec
    {
        public nuint Size;
        public byte* Data;
    }

    /// <summary><c>wasmtime_component_instance_t</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Instance
    {
        public ulong StoreId;
        public uint Private;
    }

    /// <summary><c>wasmtime_component_func_t</c> of Wasmtime 50: a store id, two indices and a pointer (32 bytes; the 49 headers show 24).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 32)]
    public struct FuncHandle
    {
        [FieldOffset(0)] public ulong StoreId;
        [FieldOffset(8)] public uint Private1;
        [FieldOffset(16)] public uint Private2;
        [FieldOffset(24)] public nint Private3;
    }

    [DllImport(Library)] public static extern nint wasmtime_store_new(nint engine, nint data, nint finalizer);
    [DllImport(Library)] public static extern nint wasmtime_store_context(nint store);
    [DllImport(Library)] public static extern void wasmtime_store_delete(nint store);

    [DllImport(Library)] public static extern nint wasmtime_component_linker_new(nint engine);
    [DllImport(Library)] public static extern nint wasmtime_component_linker_root(nint linker);
    [DllImport(Library)] public static extern nint wasmtime_component_linker_instantiate(nint linker, nint context, nint component, Instance* instance);
    [DllImport(Library)] public static extern void wasmtime_component_linker_delete(nint linker);
    [DllImport(Library)] public static extern nint wasmtime_component_linker_instance_add_instance(nint instance, byte* name, nuint length, nint* result);
    [DllImport(Library)] public static extern nint wasmtime_component_linker_instance_add_func(nint instance, byte* name, nuint length,
        delegate* unmanaged<nint, nint, nint, byte*, nuint, byte*, nuint, nint> callback, nint data, delegate* unmanaged<nint, void> finalizer);
    [DllImport(Library)] public static extern nint wasmtime_component_linker_instance_add_resource(nint instance, byte* name, nuint length, nint resourceType,
        delegate* unmanaged<nint, nint, uint, nint> destructor, nint data, delegate* unmanaged<nint, void> finalizer);
    [DllImport(Library)] public static extern void wasmtime_component_linker_instance_delete(nint instance);
    [DllImport(Library)] public static extern nint wasmtime_component_resource_type_new_host(uint type);
    [DllImport(Library)] public static extern void wasmtime_component_resource_type_delete(nint type);

    [DllImport(Library)] public static extern nint wasmtime_component_instance_get_export_index(Instance* instance, nint context, nint parent, byte* name, nuint length);
    [DllImport(Library)] public static extern void wasmtime_component_export_index_delete(nint index);
    [DllImport(Library)] [return: MarshalAs(UnmanagedType.U1)] public static extern bool wasmtime_component_instance_get_func(Instance* instance, nint context, nint index, FuncHandle* func);
    [DllImport(Library)] public static extern nint wasmtime_component_func_call(FuncHandle* func, nint context, byte* arguments, nuint argumentCount, byte* results, nuint resultCount);
    [DllImport(Library)] public static extern nint wasmtime_component_func_post_return(FuncHandle* func, nint context);
    [DllImport(Library)] public static extern nint wasmtime_component_func_type(FuncHandle* func, nint context);
    [DllImport(Library)] public static extern nuint wasmtime_component_func_type_param_count(nint type);
    [DllImport(Library)] [return: MarshalAs(UnmanagedType.U1)] public static extern bool wasmtime_component_func_type_result(nint type, byte* valueType);
    [DllImport(Library)] public static extern void wasmtime_component_func_type_delete(nint type);
    [DllImport(Library)] public static extern void wasmtime_component_valtype_delete(byte* valueType);

    [DllImport(Library)] public static extern byte* wasmtime_component_val_new(byte* value);
    [DllImport(Library)] public static extern void wasmtime_component_val_delete(byte* value);
    [DllImport(Library)] public static extern void wasmtime_component_vallist_new_uninit(Vec* vec, nuint size);
    [DllImport(Library)] public static extern void wasmtime_component_valrecord_new_uninit(Vec* vec, nuint size);
    [DllImport(Library)] public static extern void wasmtime_component_valtuple_new_uninit(Vec* vec, nuint size);
    [DllImport(Library)] public static extern void wasmtime_component_valflags_new_uninit(Vec* vec, nuint size);
    [DllImport(Library)] public static extern void wasmtime_component_valmap_new_uninit(Vec* vec, nuint size);
    [DllImport(Library)] public static extern void wasmtime_config_wasm_component_model_map_set(nint config, [MarshalAs(UnmanagedType.U1)] bool enable);
    [DllImport(Library)] public static extern void wasm_byte_vec_new(Vec* vec, nuint size, byte* data);
    [DllImport(Library)] public static extern void wasm_byte_vec_delete(Vec* vec);

    [DllImport(Library)] public static extern nint wasmtime_component_resource_host_new([MarshalAs(UnmanagedType.U1)] bool owned, uint rep, uint type);
    [DllImport(Library)] public static extern uint wasmtime_component_resource_host_rep(nint resource);
    [DllImport(Library)] public static extern uint wasmtime_component_resource_host_type(nint resource);
    [DllImport(Library)] [return: MarshalAs(UnmanagedType.U1)] public static extern bool wasmtime_component_resource_host_owned(nint resource);
    [DllImport(Library)] public static extern void wasmtime_component_resource_host_delete(nint resource);
    [DllImport(Library)] public static extern nint wasmtime_component_resource_host_to_any(nint context, nint resource, nint* any);
    [DllImport(Library)] public static extern nint wasmtime_component_resource_any_clone(nint resource);
    [DllImport(Library)] [return: MarshalAs(UnmanagedType.U1)] public static extern bool wasmtime_component_resource_any_owned(nint resource);
    [DllImport(Library)] public static extern nint wasmtime_component_resource_any_type(nint resource);
    [DllImport(Library)] public static extern nint wasmtime_component_resource_any_drop(nint context, nint resource);
    [DllImport(Library)] public static extern void wasmtime_component_resource_any_delete(nint resource);
    [DllImport(Library)] [return: MarshalAs(UnmanagedType.U1)] public static extern bool wasmtime_component_resource_type_equal(nint a, nint b);
    [DllImport(Library)] public static extern nint wasmtime_component_resource_any_to_host(nint context, nint any, nint* resource);

    [DllImport(Library)] public static extern nint wasmtime_error_new(byte* message);
    [DllImport(Library)] public static extern void wasmtime_error_message(nint error, Vec* message);
    [DllImport(Library)] public static extern void wasmtime_error_delete(nint error);

    /// <summary>The native handle of a .NET binding object (its non-public <c>NativeHandle</c>, a SafeHandle).</summary>
    public static nint HandleOf(object owner)
    {
        var property = owner.GetType().GetProperty("NativeHandle", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new NotSupportedException($"This version of the Wasmtime package has no native handle on {owner.GetType().Name}; Wit.Hosting.Wasmtime is built for Wasmtime 50.");
        var handle = (SafeHandle)property.GetValue(owner)!;
        if (handle.IsInvalid || handle.IsClosed) throw new ObjectDisposedException(owner.GetType().Name);
        return handle.DangerousGetHandle();
    }

    /// <summary>Throws <see cref="WasmtimeFailure"/> with the message of <paramref name="error"/> (which it deletes), if there is one.</summary>
    public static void Check(nint error)
    {
        if (error != 0) throw new WasmtimeFailure(Message(error));
    }

    /// <summary>The message of <paramref name="error"/>, which is deleted.</summary>
    public static string Message(nint error)
    {
        Vec message;
        wasmtime_error_message(error, &message);
        string text = Encoding.UTF8.GetString(message.Data, checked((int)message.Size));
        wasm_byte_vec_delete(&message);
        wasmtime_error_delete(error);
        return text;
    }

    /// <summary>A new error carrying <paramref name="message"/>, for a callback to return.</summary>
    public static nint Error(string message)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(message.Replace('\0', ' ') + "\0");
        fixed (byte* data = bytes) return wasmtime_error_new(data);
    }

    /// <summary><paramref name="text"/> as UTF-8.</summary>
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Calls <paramref name="action"/> with <paramref name="text"/> as UTF-8 (pointer and length).</summary>
    public static T WithUtf8<T>(string text, Func<nint, nuint, T> action)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        fixed (byte* data = bytes) return action((nint)data, (nuint)bytes.Length);
    }
}

/// <summary>An error the Wasmtime C API reported (a trap among them), with its message.</summary>
internal sealed class WasmtimeFailure : Exception
{
    public WasmtimeFailure(string message)
        : base(message)
    {
    }
}
