import type { SchemaSet } from '../registry/schema-document.types';
import { buildAsyncApiDocument } from './asyncapi.document';
import { renderMarkdownDocs } from './markdown.renderer';
import type { TopicDefinition } from './topic.definition';

/** Renders every file of `docs/contracts/`: the AsyncAPI document and the Markdown pages built from it. */
export function generateContractDocs(
  set: SchemaSet,
  topics: readonly TopicDefinition[],
): Map<string, string> {
  const doc = buildAsyncApiDocument(set, topics);
  const files = new Map<string, string>([['asyncapi.json', `${JSON.stringify(doc, null, 2)}\n`]]);
  for (const [file, content] of renderMarkdownDocs(doc)) files.set(file, content);
  return files;
}
