import type * as Libxml2 from 'libxml2-wasm';

/** The libxml2-wasm module. */
export type Libxml2Module = typeof Libxml2;

let loading: Promise<Libxml2Module> | undefined;

/** Loads libxml2 (WebAssembly) once; later calls share the same instance. */
export function loadLibxml2(): Promise<Libxml2Module> {
  loading ??= dynamicImport('libxml2-wasm').then((module) => module as Libxml2Module);
  return loading;
}

/**
 * A real `import()`. libxml2-wasm is an ES module with top-level await (it instantiates its
 * WebAssembly on load), which `require` cannot load, and TypeScript rewrites `import()` into
 * `require` when it compiles to CommonJS; a function built at run time escapes that rewrite.
 * The comment makes each source unique: V8 caches Function bodies by source, and a cached one
 * keeps the module loader of the sandbox that first compiled it (a torn-down Jest test file).
 */
function dynamicImport(specifier: string): Promise<unknown> {
  const body = `return import(specifier); // ${Date.now()}-${Math.random()}`;
  return (new Function('specifier', body) as (specifier: string) => Promise<unknown>)(specifier);
}
