import type * as Libxml2 from 'libxml2-wasm';

/** The libxml2-wasm module. */
export type Libxml2Module = typeof Libxml2;

// libxml2-wasm is an ES module with top-level await (it instantiates WebAssembly on load), so
// `require` cannot load it, and TypeScript compiles `import()` to `require` under CommonJS. A
// function made at run time keeps a real dynamic import; Node 24 and Jest (with
// --experimental-vm-modules) both resolve it.
const importModule = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<unknown>;

let loading: Promise<Libxml2Module> | undefined;

/** Loads libxml2 (WebAssembly) once per process; later calls share the same instance. */
export function loadLibxml2(): Promise<Libxml2Module> {
  loading ??= importModule('libxml2-wasm').then((module) => module as Libxml2Module);
  return loading;
}
