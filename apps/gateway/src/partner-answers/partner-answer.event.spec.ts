import { answerEventId } from './partner-answer.event';

describe('the event id of a partner answer', () => {
  it('is the same UUID (version 8) for the same partner and answer id, and differs otherwise', () => {
    const id = answerEventId('urn:rtw:org:regional:actiris', 'ACT-ANS-1');

    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(answerEventId('urn:rtw:org:regional:actiris', 'ACT-ANS-1')).toBe(id);
    expect(answerEventId('urn:rtw:org:regional:vdab', 'ACT-ANS-1')).not.toBe(id);
    expect(answerEventId('urn:rtw:org:regional:actiris', 'ACT-ANS-2')).not.toBe(id);
  });
});
