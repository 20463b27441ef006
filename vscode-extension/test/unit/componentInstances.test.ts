// The "Component Instances" view: its contribution in the debug side bar, the custom request the adapter answers, and
// the model that turns the adapter's answer into tree nodes.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LiveInstance, instanceNodes, memoryDescription } from '../../src/componentInstancesModel';

const root = join(__dirname, '..', '..');
const repo = join(root, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('Component Instances view', () => {
  it('is contributed to the debug side bar for wit sessions, and the adapter answers the request it sends', () => {
    const view = (manifest.contributes.views.debug as Array<{ id: string; name: string; when: string }>).find((v) => v.id === 'wit.componentInstances');
    assert.ok(view, 'the view is in the debug container');
    assert.equal(view.name, 'Component Instances');
    assert.equal(view.when, "debugType == 'wit'");
    const session = readFileSync(join(repo, 'server', 'Wit.DebugAdapter', 'Session', 'DebugSession.cs'), 'utf8');
    const source = readFileSync(join(root, 'src', 'componentInstances.ts'), 'utf8');
    const request = /customRequest\('(\w+)'\)/.exec(source)?.[1];
    assert.ok(request && session.includes(`"${request}" =>`), `the adapter dispatches '${request}'`);
  });

  it('shows each core instance with its memories (current and maximum pages) and tables, and nests the children', () => {
    const live: LiveInstance = {
      name: 'root',
      coreInstances: [
        { index: 0, image: false, functions: 22, memories: [], tables: [{ size: 22 }], globals: 0 },
        { index: 1, image: true, functions: 59, memories: [{ pages: 4, maxPages: null }], tables: [{ size: 5 }], globals: 1 },
      ],
      resourceTables: [{ resource: 'output-stream', owned: 2, borrowed: 0 }],
      exports: [],
      children: [{ name: 'root/0', coreInstances: [], resourceTables: [], exports: [{ name: 'run', calls: 1, bytesCopied: 0 }], children: [] }],
    };
    const tree = instanceNodes(live);
    assert.equal(tree.label, 'component instance root');
    assert.deepEqual(tree.children.map((c) => c.label), ['core instance 0', 'core instance 1 (debugged code)', 'resource tables', 'component instance root/0']);
    const image = tree.children[1];
    assert.deepEqual(image.children.map((c) => [c.label, c.description]), [['memory 0', '4 pages (256 KiB), unbounded'], ['table 0', '5 elements']]);
    assert.equal(tree.children[2].children[0].description, '2 owned, 0 borrowed');
    assert.deepEqual(tree.children[3].children[0].children.map((c) => [c.label, c.description]), [['run', '1 calls, 0 bytes copied']]);
    assert.equal(memoryDescription({ pages: 1, maxPages: 16 }), '1 pages (64 KiB), max 16');
  });
});
