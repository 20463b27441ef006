// The "Component Instances" view's model: the adapter's `witComponentInstances` answer turned into tree nodes. No
// `vscode` here, so the unit tests run it under node.

/** The answer's shapes (see server/Wit.DebugAdapter/Session/DebugSession.Components.cs). */
export interface LiveMemory { pages: number; maxPages: number | null }
export interface LiveCore { index: number; image: boolean; functions?: number; memories: LiveMemory[]; tables: { size: number }[]; globals: number }
export interface LiveInstance {
  name: string;
  coreInstances: LiveCore[];
  resourceTables: { resource: string; owned: number; borrowed: number }[];
  exports: { name: string; calls: number; bytesCopied: number }[];
  children: LiveInstance[];
}

export interface InstanceNode { label: string; description?: string; tooltip?: string; children: InstanceNode[] }

const pageKiB = 64;

/** `4 pages (256 KiB) / max 16`, or `/ unbounded`. */
export function memoryDescription(m: LiveMemory): string {
  const max = m.maxPages === null || m.maxPages === undefined ? 'unbounded' : `max ${m.maxPages}`;
  return `${m.pages} pages (${m.pages * pageKiB} KiB), ${max}`;
}

/** The nodes of one component instance: its core instances (memories, tables), resource tables, exports, children. */
export function instanceNodes(instance: LiveInstance, depth = 0): InstanceNode {
  const cores = instance.coreInstances.map((c): InstanceNode => ({
    label: `core instance ${c.index}${c.image ? ' (debugged code)' : ''}`,
    description: `${c.functions ?? 0} functions, ${c.memories.length} memories, ${c.tables.length} tables, ${c.globals} globals`,
    children: [
      ...c.memories.map((m, i): InstanceNode => ({ label: `memory ${i}`, description: memoryDescription(m), children: [] })),
      ...c.tables.map((t, i): InstanceNode => ({ label: `table ${i}`, description: `${t.size} elements`, children: [] })),
    ],
  }));
  const handles = instance.resourceTables.map((h): InstanceNode => ({ label: `resource ${h.resource}`, description: `${h.owned} owned, ${h.borrowed} borrowed`, children: [] }));
  const exports = instance.exports.map((e): InstanceNode => ({ label: e.name, description: `${e.calls} calls, ${e.bytesCopied} bytes copied`, children: [] }));
  // Instances nest as deep as the adapter's answer (bounded by the runtime's instantiation depth); cut here too.
  const children = depth < 64 ? instance.children.map((child) => instanceNodes(child, depth + 1)) : [];
  const groups: InstanceNode[] = [...cores];
  if (handles.length > 0) groups.push({ label: 'resource tables', children: handles });
  if (exports.length > 0) groups.push({ label: 'exports', children: exports });
  return { label: `component instance ${instance.name}`, description: `${instance.coreInstances.length} core instances`, children: [...groups, ...children] };
}
