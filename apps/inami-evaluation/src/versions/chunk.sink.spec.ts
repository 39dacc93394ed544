import { createHash } from 'node:crypto';
import { finished } from 'node:stream/promises';
import { CHUNK_BYTES, ChunkSink } from './chunk.sink';

describe('ChunkSink', () => {
  it('stores a large file in chunks of at most 1 MiB, in order, and hashes the whole', async () => {
    const stored: Array<{ seq: number; bytes: Buffer }> = [];
    const sink = new ChunkSink('xml', async ({ seq, bytes }) => {
      stored.push({ seq, bytes: Buffer.from(bytes) });
    });
    const piece = 'x'.repeat(300 * 1024);
    for (let i = 0; i < 8; i++) sink.write(`${i}${piece}`);
    sink.end();
    await finished(sink);
    const whole = Array.from({ length: 8 }, (_, i) => `${i}${piece}`).join('');
    expect(stored.map((chunk) => chunk.seq)).toEqual([0, 1, 2]);
    expect(stored.every((chunk) => chunk.bytes.length <= CHUNK_BYTES)).toBe(true);
    expect(Buffer.concat(stored.map((chunk) => chunk.bytes)).toString()).toBe(whole);
    expect(sink.file()).toEqual({
      sha256: createHash('sha256').update(whole).digest('hex'),
      bytes: Buffer.byteLength(whole),
    });
  });

  it('only hashes when it has no store (a dry run)', async () => {
    const sink = new ChunkSink('json', undefined);
    sink.end('{}');
    await finished(sink);
    expect(sink.file().bytes).toBe(2);
  });
});
