// Test-only helpers: the committed examples are the fixtures, so every spec works on events the
// CLI and docs also show. Imported by *.spec.ts files only.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isJsonObject } from '../registry/schema-document.types';
import { locateSchemasDir } from '../registry/schema-files.loader';

/** A parsed event as plain JSON. */
export type JsonEvent = Record<string, unknown>;

/** Folder of the committed examples (`schemas/examples`). */
export const EXAMPLES_DIR = path.join(locateSchemasDir(), 'examples');

/** A fresh copy of the valid example of a type (without `be.rtw.`), e.g. `dossier.opened`. */
export function exampleEvent(shortType: string): JsonEvent {
  const file = path.join(EXAMPLES_DIR, 'valid', `${shortType}.v1.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as JsonEvent;
}

/** Sets the value at a JSON pointer (parents must exist) and returns the event. */
export function setAt(event: JsonEvent, pointer: string, value: unknown): JsonEvent {
  const { parent, key } = locate(event, pointer);
  parent[key] = value;
  return event;
}

/** Deletes the property at a JSON pointer and returns the event. */
export function deleteAt(event: JsonEvent, pointer: string): JsonEvent {
  const { parent, key } = locate(event, pointer);
  delete parent[key];
  return event;
}

function locate(
  event: JsonEvent,
  pointer: string,
): { parent: Record<string, unknown>; key: string } {
  const tokens = pointer.split('/').slice(1);
  const key = tokens.pop();
  let parent: unknown = event;
  for (const token of tokens) parent = isJsonObject(parent) ? parent[token] : undefined;
  if (!isJsonObject(parent) || key === undefined) throw new Error(`no object at ${pointer}`);
  return { parent: parent as Record<string, unknown>, key };
}
