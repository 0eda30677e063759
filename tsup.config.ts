import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'node20',
    // Bundled so the package has no runtime dependencies and the CJS build never has to
    // require() an ESM-only subpath of opencc-js.
    noExternal: ['parsimmon', 'opencc-js'],
    sourcemap: false,
    treeshake: true,
  },
]);
