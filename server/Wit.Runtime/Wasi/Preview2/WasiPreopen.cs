namespace Wit.Runtime.Wasi.Preview2;

/// <summary>A host directory the component sees as <see cref="GuestPath"/>; read-only forbids every change under it.</summary>
public sealed record WasiPreopen(string HostPath, string GuestPath, bool ReadOnly = false);
