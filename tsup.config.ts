import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

// esbuild is tsup's dependency, not ours: take its plugin type from tsup.
type Plugin = NonNullable<Options['esbuildPlugins']>[number];

const libraryEntry = resolve('src/index');
const pdfEntry = resolve('src/pdf/index');

/**
 * The CLI and xxgk-report/pdf import the library from source (`../index`) so they typecheck
 * without a build; in their bundles that import must become the library build next to them (the
 * ESM one, or the CommonJS one for pdf.cjs), or they would carry a second copy of the parser,
 * opencc and parsimmon. The CLI's import of xxgk-report/pdf (`../pdf/index`) becomes the PDF
 * reader's build next to it (`./pdf.js`) the same way.
 */
const libraryAsSibling = (format: 'esm' | 'cjs'): Plugin => ({
  name: `library-as-sibling-${format}`,
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      // The pdf build's own entry (`./src/pdf/index.ts`) is built, not imported.
      if (args.kind === 'entry-point') return undefined;
      const target = resolve(args.resolveDir, args.path).replace(/\.(ts|js)$/, '');
      if (target === libraryEntry) return { path: format === 'esm' ? './index.js' : './index.cjs', external: true };
      if (target === pdfEntry) return { path: format === 'esm' ? './pdf.js' : './pdf.cjs', external: true };
      return undefined;
    });
  },
});

/**
 * htmlparser2's package entry also exports its DOM builder and feed reader, which pull in
 * domutils, dom-serializer and a second copy of the entity tables; the reader needs only its
 * Parser. Its exports map does not open the module's own path, so the bundle takes it here.
 */
const htmlParserOnly: Plugin = {
  name: 'htmlparser2-parser-only',
  setup(build) {
    build.onResolve({ filter: /^htmlparser2$/ }, () => ({ path: resolve('node_modules/htmlparser2/dist/esm/Parser.js') }));
  },
};

// A function, so the build writes schema.json where it is told to write (`--out-dir`, for tests).
export default defineConfig((cli): Options[] => [
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    // Both builds write to dist/ at once: this one must not delete the CLI the other one wrote.
    clean: ['!cli.js'],
    target: 'node20',
    // Bundled so the package has no runtime dependencies and the CJS build never has to
    // require() an ESM-only subpath of opencc-js.
    noExternal: ['parsimmon', 'opencc-js', 'htmlparser2'],
    esbuildPlugins: [htmlParserOnly],
    // The JSON Schema of the output, made from grammar/ (src/schema), shipped as xxgk-report/schema.json.
    async onSuccess() {
      const { parseResultSchema } = await import('./src/schema/index');
      writeFileSync(join(cli.outDir ?? 'dist', 'schema.json'), `${JSON.stringify(parseResultSchema(), null, 2)}\n`);
    },
    sourcemap: false,
    treeshake: true,
  },
  // pdfjs-dist stays outside: an optional peer dependency, ESM only, that loads its worker and
  // font data from its own folder; both builds import() it on first use.
  ...(['esm', 'cjs'] as const).map(
    (format): Options => ({
      entry: { pdf: 'src/pdf/index.ts' },
      format: [format],
      dts: true,
      clean: false,
      target: 'node20',
      external: ['pdfjs-dist'],
      esbuildPlugins: [libraryAsSibling(format)],
      sourcemap: false,
    }),
  ),
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    esbuildPlugins: [libraryAsSibling('esm')],
    sourcemap: false,
  },
]);
