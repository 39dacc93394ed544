// Unit tests do no I/O, but some compile schemas or WebAssembly (libxml2) up front: on a busy
// machine that takes more than Jest's 5 s default. A hang guard, never a timing assertion.
jest.setTimeout(30_000);
