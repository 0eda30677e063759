// The library as one ES module, bundled with esbuild from `src/index.ts` below a tree (this
// checkout, or a revision unpacked elsewhere), with dependencies from this checkout.
import { join } from 'node:path';
import { root } from './texts.mjs';

/** Bundles `<tree>/src/index.ts` into `outfile`. */
export async function bundleLibrary(tree, outfile) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(tree, 'src', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'warning',
  });
}
