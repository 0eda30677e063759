/** The playground's own files, copied next to the library script by `copyPage`. */
export declare const PLAYGROUND_FILES: readonly string[];

/**
 * Bundles `library` (the ESM build, dist/index.js by default) as a classic script,
 * `xxgk-report.js` in `outDir` (docs/playground by default), and returns its path; with
 * `copyPage`, copies the page and its script and style there too.
 */
export declare function buildPlayground(options?: { library?: string; outDir?: string; copyPage?: boolean }): Promise<string>;
