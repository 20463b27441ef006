// Bundles the extension (src/extension.ts and vscode-languageclient) into dist/extension.js.
// `--production` minifies and drops source maps (the .vsix build); otherwise a source map is written.
import { build } from 'esbuild';

const production = process.argv.includes('--production');
await build({
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
});
