// The `wit` task type: runs the `wit` command-line tool (lint, check, fmt --check) over a folder with the `$wit`
// problem matcher, so its findings land in the Problems panel.

import * as vscode from 'vscode';
import { taskArguments, WitTaskDefinition, witTaskType } from './taskDefinition';

export class WitTaskProvider implements vscode.TaskProvider {
  provideTasks(): vscode.Task[] {
    const tasks: vscode.Task[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const command of ['lint', 'check'] as const) {
        tasks.push(this.create({ type: witTaskType, command }, folder));
      }
    }
    return tasks;
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const definition = task.definition as WitTaskDefinition;
    if (definition.type !== witTaskType || !definition.command) return undefined;
    const scope = task.scope && typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
    return scope ? this.create(definition, scope) : undefined;
  }

  private create(definition: WitTaskDefinition, folder: vscode.WorkspaceFolder): vscode.Task {
    const cli = vscode.workspace.getConfiguration('wit', folder.uri).get<string>('cli.path') || 'wit';
    const execution = new vscode.ProcessExecution(cli, taskArguments(definition), { cwd: folder.uri.fsPath });
    const task = new vscode.Task(definition, folder, `${definition.command}${definition.path ? ' ' + definition.path : ''}`, 'wit', execution, ['$wit']);
    task.group = definition.command === 'fmt' ? undefined : vscode.TaskGroup.Build;
    return task;
  }
}
