// Debugs a WASI command module in node (V8) over the Chrome DevTools Protocol and prints each stop as one JSON line:
// {"offset": <byte offset in the module>, "locals": ["i32:5", ...]}. Usage:
//   node v8-stops.mjs <module.wasm> <offset,offset,...> <max stops> [program args...]
// The breakpoints are set by byte offset (a wasm script's columnNumber); the locals are read from each paused wasm
// frame's "local" scope. Node 20 has no WebSocket client, so a minimal one (RFC 6455, text frames) is below.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const [wasmPath, offsetList, maxStopsText, ...programArgs] = process.argv.slice(2);
const offsets = offsetList.split(',').filter(Boolean).map(Number);
const maxStops = Number(maxStopsText);
const here = path.dirname(fileURLToPath(import.meta.url));

const child = spawn(process.execPath, ['--inspect-brk=127.0.0.1:0', path.join(here, 'run-wasi.mjs'), wasmPath, ...programArgs], {
  stdio: ['ignore', 'ignore', 'pipe'],
});
let stderr = '';
const url = await new Promise((resolve, reject) => {
  child.stderr.on('data', (d) => {
    stderr += d;
    const m = /ws:\/\/[^\s]+/.exec(stderr);
    if (m) resolve(m[0]);
  });
  child.on('exit', () => reject(new Error(`node exited before its inspector listened: ${stderr}`)));
});

/** A minimal WebSocket client: the HTTP upgrade, masked text frames out, unmasked (possibly fragmented) frames in. */
function connect(wsUrl) {
  const u = new URL(wsUrl);
  return new Promise((resolve, reject) => {
    const req = request({
      host: u.hostname, port: u.port, path: u.pathname,
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': randomBytes(16).toString('base64') },
    });
    req.on('upgrade', (_res, socket) => {
      let buffer = Buffer.alloc(0);
      let fragments = [];
      const listeners = [];
      socket.on('data', (chunk) => {
        buffer = Buffer.concat([buffer, chunk]);
        while (buffer.length >= 2) {
          const fin = (buffer[0] & 0x80) !== 0, opcode = buffer[0] & 0x0f;
          let length = buffer[1] & 0x7f, at = 2;
          if (length === 126) { if (buffer.length < 4) return; length = buffer.readUInt16BE(2); at = 4; }
          else if (length === 127) { if (buffer.length < 10) return; length = Number(buffer.readBigUInt64BE(2)); at = 10; }
          if (buffer.length < at + length) return;
          const payload = buffer.subarray(at, at + length);
          buffer = buffer.subarray(at + length);
          if (opcode === 0x8) { socket.end(); return; }
          if (opcode === 0x1 || opcode === 0x0) {
            fragments.push(payload);
            if (fin) { const text = Buffer.concat(fragments).toString('utf8'); fragments = []; for (const l of listeners) l(text); }
          }
        }
      });
      resolve({
        send(text) {
          const data = Buffer.from(text, 'utf8'), mask = randomBytes(4);
          const header = data.length < 126 ? Buffer.from([0x81, 0x80 | data.length])
            : data.length < 65536 ? Buffer.from([0x81, 0x80 | 126, data.length >> 8, data.length & 0xff])
            : (() => { const h = Buffer.alloc(10); h[0] = 0x81; h[1] = 0x80 | 127; h.writeBigUInt64BE(BigInt(data.length), 2); return h; })();
          for (let i = 0; i < data.length; i++) data[i] ^= mask[i & 3];
          socket.write(Buffer.concat([header, mask, data]));
        },
        onMessage(l) { listeners.push(l); },
        close() { socket.destroy(); },
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const ws = await connect(url);
let nextId = 1;
const pending = new Map();
const events = [];
let wake = null;
ws.onMessage((text) => {
  const msg = JSON.parse(text);
  if (msg.id && pending.has(msg.id)) {
    const { resolve, reject } = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.error) reject(new Error(JSON.stringify(msg.error))); else resolve(msg.result);
  } else if (msg.method) {
    debug('<-', msg.method);
    events.push(msg);
    if (wake) { const w = wake; wake = null; w(); }
  }
});
const debug = process.env.V8_STOPS_DEBUG ? (...a) => process.stderr.write(a.join(' ') + '\n') : () => {};
const send = (method, params = {}) => new Promise((resolve, reject) => {
  debug('->', method);
  const id = nextId++;
  pending.set(id, { resolve, reject });
  ws.send(JSON.stringify({ id, method, params }));
});
async function nextEvent(method) {
  for (;;) {
    const i = events.findIndex((e) => e.method === method);
    if (i >= 0) return events.splice(i, 1)[0];
    await new Promise((r) => { wake = r; });
  }
}
// Node waits for the debugger to disconnect after the script's end: the script's last line on stderr is the end.
const exited = new Promise((r) => {
  child.on('exit', r);
  child.stderr.on('data', () => { if (/exit: /.test(stderr)) r(); });
});

await send('Runtime.enable');
await send('Debugger.enable');
await send('Runtime.runIfWaitingForDebugger');
await nextEvent('Debugger.paused'); // --inspect-brk: the script's first line
await send('Debugger.resume');
await nextEvent('Debugger.paused'); // the `debugger` statement: the module is compiled
const wasmScript = events.filter((e) => e.method === 'Debugger.scriptParsed' && e.params.scriptLanguage === 'WebAssembly').at(-1);
if (!wasmScript) throw new Error('no WebAssembly script was parsed');
const moved = [];
for (const offset of offsets) {
  const r = await send('Debugger.setBreakpoint', { location: { scriptId: wasmScript.params.scriptId, lineNumber: 0, columnNumber: offset } });
  if (r.actualLocation.columnNumber !== offset) moved.push([offset, r.actualLocation.columnNumber]);
}
await send('Debugger.resume');

const stops = [];
for (;;) {
  const paused = await Promise.race([nextEvent('Debugger.paused'), exited.then(() => null)]);
  if (!paused) break;
  const frame = paused.params.callFrames[0];
  if (stops.length >= maxStops || frame.location.scriptId !== wasmScript.params.scriptId) {
    await send('Debugger.resume');
    if (stops.length >= maxStops) break;
    continue;
  }
  const localScope = frame.scopeChain.find((s) => s.type === 'local');
  const props = localScope ? (await send('Runtime.getProperties', { objectId: localScope.object.objectId, ownProperties: true })).result : [];
  const locals = [];
  for (const p of props) {
    // A wasm value is an object of subtype "wasmvalue" whose description is its type; its "value" property holds it
    // (a number for i32, f32 and f64, a bigint for i64).
    const v = p.value;
    if (v.subtype !== 'wasmvalue') {
      locals.push(`${v.type}:${v.unserializableValue ?? String(v.value)}`);
      continue;
    }
    const inner = (await send('Runtime.getProperties', { objectId: v.objectId, ownProperties: true })).result;
    const value = inner.find((q) => q.name === 'value')?.value;
    locals.push(`${v.description}:${String(value?.unserializableValue ?? value?.value ?? value?.description).replace(/n$/, '')}`);
  }
  stops.push({ offset: frame.location.columnNumber, function: frame.functionName, locals });
  await send('Debugger.resume');
}
for (const s of stops) process.stdout.write(JSON.stringify(s) + '\n');
process.stdout.write(JSON.stringify({ moved, exit: /exit: (.*)/.exec(stderr)?.[1] ?? null }) + '\n');
ws.close();
child.kill();
