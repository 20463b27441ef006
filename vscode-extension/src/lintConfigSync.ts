// Sends the server the text of open .witlint.json documents, so that an unsaved edit of a package's lint configuration
// applies at once (the server watches the file on disk too). These documents are JSON: they are not in the client's
// document selector, so VS Code asks the server for no JSON features (completion, formatting) on them.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** Whether a document is a lint configuration file the server reads. */
export function isLintConfiguration(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' && /(^|[\\/])\.witlint\.json$/.test(document.uri.fsPath);
}

/** Mirrors open .witlint.json documents to the server (didOpen, full-text didChange, didClose) while it runs. */
export function syncLintConfigurations(client: LanguageClient): vscode.Disposable {
  const uri = (document: vscode.TextDocument) => client.code2ProtocolConverter.asUri(document.uri);
  const open = (document: vscode.TextDocument) => {
    if (!isLintConfiguration(document)) return;
    void client.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri(document), languageId: 'json', version: document.version, text: document.getText() },
    });
  };
  vscode.workspace.textDocuments.forEach(open);
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(open),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (!isLintConfiguration(event.document) || event.contentChanges.length === 0) return;
      void client.sendNotification('textDocument/didChange', {
        textDocument: { uri: uri(event.document), version: event.document.version },
        contentChanges: [{ text: event.document.getText() }],
      });
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (!isLintConfiguration(document)) return;
      void client.sendNotification('textDocument/didClose', { textDocument: { uri: uri(document) } });
    }),
  );
}
