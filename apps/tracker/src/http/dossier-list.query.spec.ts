import { encodeCursor, parseDossierListing } from './dossier-list.query';

const POSITION = {
  openedAt: '2026-11-30T17:05:01.123456Z',
  dossierId: '5e740220-49c5-4484-b789-6d2e3df7bb0a',
};

describe('parseDossierListing', () => {
  it('reads insurer, state, limit and a cursor it gave', () => {
    expect(
      parseDossierListing({
        insurer: '100',
        state: 'open',
        limit: '20',
        cursor: encodeCursor(POSITION),
      }),
    ).toEqual({ insurer: '100', status: 'open', limit: 20, after: POSITION });
  });

  it('lists 50 of every insurer and state when nothing is asked', () => {
    expect(parseDossierListing({})).toEqual({ limit: 50 });
  });

  it.each([
    ['an insurer that is not 3 digits', { insurer: '1000' }],
    ['an unknown state', { state: 'none' }],
    ['a limit of 0', { limit: '0' }],
    ['a limit above 200', { limit: '201' }],
    ['a limit that is not a number', { limit: '1e2' }],
    ['a repeated parameter', { insurer: ['100', '200'] }],
    ['an unknown parameter', { insurerr: '100' }],
    ['a cursor that is not base64url', { cursor: 'not a cursor' }],
    ['a cursor that is not JSON', { cursor: Buffer.from('{').toString('base64url') }],
    [
      'a cursor with an upper-case dossier id',
      { cursor: encodeCursor({ ...POSITION, dossierId: POSITION.dossierId.toUpperCase() }) },
    ],
    [
      'a cursor with a time it could not have given',
      { cursor: encodeCursor({ ...POSITION, openedAt: 'yesterday' }) },
    ],
  ])('refuses %s with INVALID_QUERY', (_what, query) => {
    expect(() => parseDossierListing(query)).toThrow(
      expect.objectContaining({ code: 'INVALID_QUERY' }),
    );
  });
});
