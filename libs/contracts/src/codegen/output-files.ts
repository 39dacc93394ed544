import * as fs from 'node:fs';
import * as path from 'node:path';

/** Why a generated file on disk differs from what the generator produces. */
export interface OutputDrift {
  readonly file: string;
  readonly problem: 'missing' | 'stale' | 'unexpected';
}

/** Writes generated files into `dir`, removing files the generator no longer produces. */
export function writeOutputFiles(dir: string, files: ReadonlyMap<string, string>): void {
  for (const drift of compareOutputFiles(dir, files)) {
    if (drift.problem === 'unexpected') fs.rmSync(path.join(dir, drift.file));
  }
  for (const [file, content] of files) {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
}

/** Lists the files of `dir` (recursively) that are missing, stale or not generated any more. */
export function compareOutputFiles(dir: string, files: ReadonlyMap<string, string>): OutputDrift[] {
  const drift: OutputDrift[] = [];
  for (const [file, content] of files) {
    const target = path.join(dir, file);
    if (!fs.existsSync(target)) drift.push({ file, problem: 'missing' });
    else if (fs.readFileSync(target, 'utf8') !== content) drift.push({ file, problem: 'stale' });
  }
  for (const file of listFiles(dir)) {
    if (!files.has(file)) drift.push({ file, problem: 'unexpected' });
  }
  return drift;
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative];
  });
}
