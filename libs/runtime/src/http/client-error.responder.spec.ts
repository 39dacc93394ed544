import { problemOfClientError, rawProblemResponse } from './client-error.responder';

describe('the answer to a request the HTTP parser refused', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', 431, 'HEADERS_TOO_LARGE'],
    ['HPE_CHUNK_EXTENSIONS_OVERFLOW', 413, 'PAYLOAD_TOO_LARGE'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'REQUEST_TIMEOUT'],
    ['HPE_INVALID_METHOD', 400, 'MALFORMED_REQUEST'],
    ['HPE_INVALID_HEADER_TOKEN', 400, 'MALFORMED_REQUEST'],
    [undefined, 400, 'MALFORMED_REQUEST'],
  ])('answers %s with %i %s', (errorCode, status, code) => {
    expect(problemOfClientError({ code: errorCode }, 16384)).toMatchObject({ status, code });
  });

  it('names the header limit', () => {
    expect(problemOfClientError({ code: 'HPE_HEADER_OVERFLOW' }, 16384).message).toContain('16384');
  });

  it('is a complete HTTP/1.1 response with a JSON problem body of the declared length', () => {
    const raw = rawProblemResponse(problemOfClientError({ code: 'HPE_HEADER_OVERFLOW' }, 16384));
    const [head, body] = raw.split('\r\n\r\n') as [string, string];
    const lines = head.split('\r\n');
    expect(lines[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Connection: close',
      ]),
    );
    expect(JSON.parse(body)).toEqual({
      code: 'HEADERS_TOO_LARGE',
      message: 'the request headers are larger than the limit of 16384 bytes',
    });
  });

  it('answers a HEAD request with the same headers and no body', () => {
    const problem = problemOfClientError({ code: 'HPE_HEADER_OVERFLOW' }, 16384);
    const raw = rawProblemResponse(problem, { head: true });
    expect(raw.endsWith('\r\n\r\n')).toBe(true);
    expect(raw).toContain(
      `Content-Length: ${rawProblemResponse(problem).split('\r\n\r\n')[1]!.length}`,
    );
  });
});
