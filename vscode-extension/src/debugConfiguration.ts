// The launch configuration of the `wit` debugger. Pure (no `vscode` import), so it is unit-tested against package.json.

/** The debug type the extension contributes. */
export const witDebugType = 'wit';

/** A launch configuration as launch.json holds it. */
export interface WitLaunchConfiguration {
  type: string;
  request: 'launch';
  name: string;
  program: string;
  args: string[];
  stopOnEntry: boolean;
  [key: string]: unknown;
}

/** The configuration F5 uses without a launch.json, and the one a new launch.json starts with. */
export function defaultLaunchConfiguration(program: string): WitLaunchConfiguration {
  return { type: witDebugType, request: 'launch', name: 'Debug WebAssembly', program, args: [], stopOnEntry: false };
}
