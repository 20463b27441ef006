// The `wit` task type's definition and command line, kept free of `vscode` so that it is unit-tested.

/** A `wit` task as written in tasks.json (the `vscode.TaskDefinition` shape). */
export interface WitTaskDefinition {
  readonly type: 'wit';
  /** The subcommand: lint, check or fmt. */
  readonly command: 'lint' | 'check' | 'fmt';
  /** The folder or file to check, relative to the workspace folder (default: the folder itself). */
  readonly path?: string;
  /** More arguments, e.g. ["--format", "github"]. */
  readonly args?: readonly string[];
  readonly [key: string]: unknown;
}

export const witTaskType = 'wit';

/** The command line of a task: `wit <command> [args...] <path>`; `fmt` checks rather than rewrites unless told. */
export function taskArguments(definition: WitTaskDefinition): string[] {
  const args: string[] = [definition.command];
  if (definition.command === 'fmt' && !definition.args?.length) args.push('--check');
  args.push(...(definition.args ?? []));
  args.push(definition.path?.trim() || '.');
  return args;
}
