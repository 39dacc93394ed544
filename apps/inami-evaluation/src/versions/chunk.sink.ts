import { createHash, type Hash } from 'node:crypto';
import { Writable } from 'node:stream';
import type { DatasetForm, VersionFile } from './dataset-version.types';

/** Largest stored chunk: bounds the memory of a freeze and of a read, whatever the file's size. */
export const CHUNK_BYTES = 1024 * 1024;

/** Stores one chunk of a file (inside the freeze's transaction). */
export type ChunkWriter = (chunk: {
  form: DatasetForm;
  seq: number;
  bytes: Buffer;
}) => Promise<void>;

/**
 * A sink of the dataset writer that hashes what it receives and stores it in chunks of at most
 * {@link CHUNK_BYTES}. Holds one chunk at a time; `file()` gives the hash and size once ended.
 */
export class ChunkSink extends Writable {
  private readonly hash: Hash = createHash('sha256');
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private seq = 0;
  private total = 0;

  constructor(
    private readonly form: DatasetForm,
    private readonly store: ChunkWriter | undefined,
    /** Called after each write (the writer writes one trajectory record per call): progress. */
    private readonly onWrite?: () => void,
  ) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error) => void): void {
    this.onWrite?.();
    this.hash.update(chunk);
    this.total += chunk.length;
    if (!this.store) return done();
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes < CHUNK_BYTES) return done();
    this.flushFull().then(() => done(), done);
  }

  override _final(done: (error?: Error) => void): void {
    this.flush(this.pendingBytes).then(() => done(), done);
  }

  /** The file's hash and size; call after the sink finished. */
  file(): VersionFile {
    return { sha256: this.hash.digest('hex'), bytes: this.total };
  }

  private async flushFull(): Promise<void> {
    while (this.pendingBytes >= CHUNK_BYTES) await this.flush(CHUNK_BYTES);
  }

  private async flush(size: number): Promise<void> {
    if (!this.store || size === 0) return;
    const all = Buffer.concat(this.pending);
    const bytes = all.subarray(0, size);
    const rest = all.subarray(size);
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
    await this.store({ form: this.form, seq: this.seq, bytes });
    this.seq += 1;
  }
}
