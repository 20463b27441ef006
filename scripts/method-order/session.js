// Drives one language-server session over standard input and output for scripts/record-method-order.sh: the
// messages a client sends when it opens a WIT file and works in it. Usage: node session.js WORKSPACE FILE -- COMMAND...
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const separator = process.argv.indexOf('--');
const [workspace, file] = process.argv.slice(2, separator);
const command = process.argv.slice(separator + 1);
const uri = pathToFileURL(path.resolve(file)).href;
const text = fs.readFileSync(file, 'utf8');
const server = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });

let buffer = Buffer.alloc(0);
const waiting = [];
server.stdout.on('data', chunk => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))[1]);
    if (buffer.length < end + 4 + length) return;
    const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
    buffer = buffer.subarray(end + 4 + length);
    if (message.method && message.id !== undefined) send({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? [{}] : null });
    for (const w of waiting.splice(0)) if (!w.test(message)) waiting.push(w); else w.resolve(message);
  }
});
server.on('exit', code => process.exit(code ?? 1));

function send(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  server.stdin.write(body);
}
const next = test => new Promise(resolve => waiting.push({ test, resolve }));
let id = 0;
async function request(method, params) {
  const mine = ++id;
  const answer = next(m => m.id === mine && !m.method);
  send({ jsonrpc: '2.0', id: mine, method, params });
  return answer;
}

(async () => {
  await request('initialize', {
    processId: null, rootUri: pathToFileURL(path.resolve(workspace)).href,
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  const diagnostics = next(m => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
  send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'wit', version: 1, text } } });
  await diagnostics;
  const lines = text.split('\n');
  const line = Math.max(0, lines.findIndex(l => /\bfunc\(/.test(l)));
  const character = Math.max(0, lines[line].search(/[a-z]/));
  const at = { textDocument: { uri }, position: { line, character } };
  await request('textDocument/hover', at);
  await request('textDocument/completion', at);
  await request('textDocument/definition', at);
  await request('textDocument/semanticTokens/full', { textDocument: { uri } });
  await request('textDocument/documentSymbol', { textDocument: { uri } });
  await request('textDocument/foldingRange', { textDocument: { uri } });
  const edited = next(m => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
  send({
    jsonrpc: '2.0', method: 'textDocument/didChange',
    params: { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: ' ' }] },
  });
  await edited;
  await request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
  await request('shutdown', null);
  send({ jsonrpc: '2.0', method: 'exit' });
})().catch(error => { console.error(error); process.exit(1); });
