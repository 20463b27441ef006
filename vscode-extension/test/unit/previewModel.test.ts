import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AbiLayoutModel, renderAbiLayout, renderWitxPreview, witxFocusLine, WitxPreviewModel } from '../../src/previewModel';
import { AbiLayout, ItemRequestParams, Requester, WitxPreview } from '../../src/protocol';

/** A fake server: answers each request with the function's result and records the requests. */
function fakeServer(answer: (method: string, params: ItemRequestParams) => unknown) {
  const calls: Array<{ method: string; params: ItemRequestParams }> = [];
  const request: Requester = async <R>(method: string, params: ItemRequestParams) => {
    calls.push({ method, params });
    const result = answer(method, params);
    if (result instanceof Error) throw result;
    return (await result) as R | null;
  };
  return { request, calls };
}

const types: WitxPreview = { name: 'wasi:http/types', kind: 'interface', witx: '(typename $method u32)\n', warnings: [] };
const handler: WitxPreview = { name: 'wasi:http/handler', kind: 'interface', witx: '(module $handler)', warnings: ['resource x has no WITX form'] };

describe('WitxPreviewModel', () => {
  it('starts with an explanation of what it will show', () => {
    const model = new WitxPreviewModel(fakeServer(() => null).request);
    assert.match(model.content, /put the cursor in an interface or world/);
  });

  it('asks wit/witxPreview for the document and position and shows the derived WITX under a header', async () => {
    const server = fakeServer(() => types);
    const model = new WitxPreviewModel(server.request);
    assert.equal(await model.follow('file:///ws/types.wit', { line: 3, character: 7 }), true);
    assert.deepEqual(server.calls, [{ method: 'wit/witxPreview', params: { textDocument: { uri: 'file:///ws/types.wit' }, position: { line: 3, character: 7 } } }]);
    assert.equal(model.content, ';; WITX derived from interface wasi:http/types\n;; source: file:///ws/types.wit\n\n(typename $method u32)\n');
  });

  it('reports a change only when the text changes', async () => {
    let answer = types;
    const model = new WitxPreviewModel(fakeServer(() => answer).request);
    assert.equal(await model.follow('file:///a.wit', { line: 0, character: 0 }), true);
    assert.equal(await model.follow('file:///a.wit', { line: 1, character: 0 }), false);
    answer = handler;
    assert.equal(await model.follow('file:///a.wit', { line: 9, character: 0 }), true);
    assert.match(model.content, /interface wasi:http\/handler/);
    assert.match(model.content, /;; warning: resource x has no WITX form/);
    assert.ok(model.content.endsWith('(module $handler)\n'), 'the WITX ends with a newline');
  });

  it('keeps the last preview when the cursor leaves every interface and world', async () => {
    let answer: WitxPreview | null = types;
    const model = new WitxPreviewModel(fakeServer(() => answer).request);
    await model.follow('file:///a.wit', { line: 0, character: 0 });
    const before = model.content;
    answer = null;
    assert.equal(await model.follow('file:///a.wit', { line: 40, character: 0 }), false);
    assert.equal(model.content, before);
  });

  it('shows a server error as a comment instead of failing', async () => {
    const model = new WitxPreviewModel(fakeServer(() => new Error('the WIT language server is not running')).request);
    assert.equal(await model.follow('file:///a.wit', { line: 0, character: 0 }), true);
    assert.equal(model.content, ';; The server could not derive WITX here: the WIT language server is not running\n');
  });

  it('drops an answer that arrives after a newer request started', async () => {
    const pending: Array<(value: WitxPreview) => void> = [];
    const request: Requester = <R>() => new Promise<R | null>((resolve) => pending.push(resolve as (value: WitxPreview) => void));
    const model = new WitxPreviewModel(request);
    const first = model.follow('file:///a.wit', { line: 0, character: 0 });
    const second = model.follow('file:///a.wit', { line: 9, character: 0 });
    pending[1](handler);
    assert.equal(await second, true);
    pending[0](types);
    assert.equal(await first, false);
    assert.match(model.content, /wasi:http\/handler/);
  });

  it('puts each warning on one comment line', () => {
    const text = renderWitxPreview({ ...types, warnings: ['two\nlines', 'three\r\nlines'] }, 'file:///x.wit');
    assert.deepEqual(text.split('\n').filter((l) => l.startsWith(';; warning')), [';; warning: two lines', ';; warning: three lines']);
  });
});

const pointLayout: AbiLayout = {
  name: 'point',
  kind: 'record',
  rows: [{ item: 'point', kind: 'field', name: 'x', type: 'u32', offset: 0, size: 4, alignment: 4 }],
  markdown: '| field | type | offset |\n|---|---|---|\n| x | u32 | 0 |',
};

describe('AbiLayoutModel', () => {
  it('asks wit/abiLayout for the position and opens a Markdown document titled after the item', async () => {
    const server = fakeServer(() => pointLayout);
    const model = new AbiLayoutModel(server.request);
    const result = await model.open('file:///ws/a.wit', { line: 2, character: 4 });
    assert.deepEqual(server.calls, [{ method: 'wit/abiLayout', params: { textDocument: { uri: 'file:///ws/a.wit' }, position: { line: 2, character: 4 } } }]);
    assert.ok('path' in result);
    assert.equal(result.path, 'point (ABI 1).md');
    assert.equal(model.content(result.path), '# Canonical ABI layout of record `point`\n\n| field | type | offset |\n|---|---|---|\n| x | u32 | 0 |\n');
  });

  it('asks for a named item without a position', async () => {
    const server = fakeServer(() => pointLayout);
    await new AbiLayoutModel(server.request).open('file:///ws/a.wit', { line: 0, character: 0 }, 'shapes.point');
    assert.deepEqual(server.calls[0].params, { textDocument: { uri: 'file:///ws/a.wit' }, name: 'shapes.point' });
  });

  it('keeps two layouts of the same item apart', async () => {
    const model = new AbiLayoutModel(fakeServer(() => pointLayout).request);
    const a = await model.open('file:///a.wit', { line: 0, character: 0 });
    const b = await model.open('file:///a.wit', { line: 0, character: 0 });
    assert.ok('path' in a && 'path' in b);
    assert.notEqual(a.path, b.path);
    assert.ok(model.content(a.path));
    assert.ok(model.content(b.path));
  });

  it('keeps only the newest documents', async () => {
    const model = new AbiLayoutModel(fakeServer(() => pointLayout).request, 2);
    const paths: string[] = [];
    for (let i = 0; i < 3; i++) {
      const result = await model.open('file:///a.wit', { line: 0, character: 0 });
      assert.ok('path' in result);
      paths.push(result.path);
    }
    assert.equal(model.content(paths[0]), undefined);
    assert.ok(model.content(paths[1]));
    assert.ok(model.content(paths[2]));
  });

  it('makes item names safe as file names', async () => {
    const model = new AbiLayoutModel(fakeServer(() => ({ ...pointLayout, name: 'wasi:http/types#x' })).request);
    const result = await model.open('file:///a.wit', { line: 0, character: 0 });
    assert.ok('path' in result);
    assert.equal(result.path, 'wasi_http_types_x (ABI 1).md');
  });

  it('explains when nothing at the cursor has a layout, and when a named item is unknown', async () => {
    const model = new AbiLayoutModel(fakeServer(() => null).request);
    assert.deepEqual(await model.open('file:///a.wit', { line: 0, character: 0 }), {
      error: 'Put the cursor on a type, function, interface or world to see its Canonical ABI layout.',
    });
    assert.deepEqual(await model.open('file:///a.wit', undefined, 'nope'), { error: 'No type, function, interface or world named nope has a layout.' });
  });

  it('turns a server error into a message', async () => {
    const model = new AbiLayoutModel(fakeServer(() => new Error('boom')).request);
    assert.deepEqual(await model.open('file:///a.wit', { line: 0, character: 0 }), { error: 'The server could not compute a layout: boom' });
  });

  it('renders the title and ends with one newline', () => {
    assert.ok(renderAbiLayout({ ...pointLayout, markdown: 'x\n' }).endsWith('`point`\n\nx\n'));
  });
});

describe('WITX preview focus', () => {
  // The shape WitxDeriver writes: header comments, typenames, then a module of `(@interface func (export "..."))`.
  const witx = [
    ';; Derived from the WIT interface `a:b/i`.',
    '',
    '(typename $my-point',
    '  (record',
    '    (field $x-pos u32)',
    '  )',
    ')',
    '',
    '(typename $my (list u8))',
    '(typename $r (handle))',
    '',
    '(module $a:b/i',
    '  (@interface func (export "get-thing")',
    '    (param $p.x-pos u32)',
    '  )',
    '  (@interface func (export "[method]r.m")',
    '    (param $self $r)',
    '  )',
    ')',
  ].join('\n');

  it('maps a type to its typename line, matching the whole name', () => {
    assert.equal(witxFocusLine(witx, { kind: 'type', name: 'my-point' }), 2);
    assert.equal(witxFocusLine(witx, { kind: 'type', name: 'my' }), 8);
    assert.equal(witxFocusLine(witx, { kind: 'type', name: 'r' }), 9);
  });

  it('maps a function, resource functions included, to its export line', () => {
    assert.equal(witxFocusLine(witx, { kind: 'function', name: 'get-thing' }), 12);
    assert.equal(witxFocusLine(witx, { kind: 'function', name: '[method]r.m' }), 15);
  });

  it('has no line for an item the WITX does not hold', () => {
    assert.equal(witxFocusLine(witx, { kind: 'type', name: 'missing' }), undefined);
    assert.equal(witxFocusLine(witx, { kind: 'function', name: 'get' }), undefined);
  });

  it('follows the cursor from item to item within one interface, counting the header lines', async () => {
    let focus = { kind: 'type', name: 'my-point' };
    const model = new WitxPreviewModel(fakeServer(() => ({ ...types, witx, focus })).request);
    assert.equal(await model.follow('file:///a.wit', { line: 2, character: 3 }), true);
    // The rendered content has three header lines (item, source, blank) above the WITX.
    assert.equal(model.focusLine, 2 + 3);
    focus = { kind: 'function', name: 'get-thing' };
    assert.equal(await model.follow('file:///a.wit', { line: 5, character: 3 }), false, 'same text');
    assert.equal(model.focusLine, 12 + 3);
  });

  it('has no focus line when the cursor is between items', async () => {
    const model = new WitxPreviewModel(fakeServer(() => ({ ...types, witx })).request);
    await model.follow('file:///a.wit', { line: 1, character: 0 });
    assert.equal(model.focusLine, undefined);
  });
});
