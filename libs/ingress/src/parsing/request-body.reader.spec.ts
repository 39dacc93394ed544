import { Readable } from 'node:stream';
import { readRequestBody } from './request-body.reader';

describe('readRequestBody', () => {
  it('returns the bytes of a body within the limit', async () => {
    await expect(
      readRequestBody(Readable.from([Buffer.from('ab'), Buffer.from('c')]), { limit: 3 }),
    ).resolves.toEqual(Buffer.from('abc'));
  });

  it('refuses a declared length over the limit without reading', async () => {
    let read = false;
    const source = (async function* () {
      read = true;
      yield Buffer.from('x');
    })();
    await expect(
      readRequestBody(source, { limit: 10, declaredLength: '11' }),
    ).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(read).toBe(false);
  });

  it('refuses a body that grows past the limit while streaming', async () => {
    await expect(
      readRequestBody(Readable.from([Buffer.alloc(6), Buffer.alloc(6)]), { limit: 10 }),
    ).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses an empty body', async () => {
    await expect(readRequestBody(Readable.from([]), { limit: 10 })).rejects.toMatchObject({
      code: 'EMPTY_BODY',
    });
  });
});
