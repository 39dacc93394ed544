import { derivedMessageId } from './message-id';

const event = { source: 'urn:rtw:org:insurer:300', id: '8a1f3c55-6a7e-4a51-9d4f-0b5c6e7d8f90' };
const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the id of a message derived from an accepted event', () => {
  it('is a name-based UUID, the same every time the event is handled', () => {
    const id = derivedMessageId({ connector: 'actiris-connector', kind: 'prepared', event });
    expect(id).toMatch(UUID_V5);
    expect(derivedMessageId({ connector: 'actiris-connector', kind: 'prepared', event })).toBe(id);
  });

  it('differs per connector, per kind and per event', () => {
    const ids = new Set([
      derivedMessageId({ connector: 'actiris-connector', kind: 'prepared', event }),
      derivedMessageId({ connector: 'regional-connector', kind: 'prepared', event }),
      derivedMessageId({ connector: 'actiris-connector', kind: 'withheld', event }),
      derivedMessageId({
        connector: 'actiris-connector',
        kind: 'prepared',
        event: { ...event, id: 'another-event' },
      }),
      derivedMessageId({
        connector: 'actiris-connector',
        kind: 'prepared',
        event: { ...event, source: 'urn:rtw:org:insurer:100' },
      }),
    ]);
    expect(ids.size).toBe(5);
  });

  it('does not let one part run into the next', () => {
    expect(
      derivedMessageId({ connector: 'a', kind: 'prepared', event: { source: 'b\nc', id: 'd' } }),
    ).not.toBe(
      derivedMessageId({ connector: 'a', kind: 'prepared', event: { source: 'b', id: 'c\nd' } }),
    );
  });
});
