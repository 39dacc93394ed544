import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@rtw/platform';
import { generateEnterpriseNumber } from '@rtw/testing';
import { InsurerContacts } from './insurer-contacts';
import { PreventionServiceDirectory } from './prevention-services';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rtw-reference-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function file(content: unknown): string {
  const path = join(dir, `file-${files++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const desk = (insurer: string) => ({ insurer, name: `Desk ${insurer}`, phone: '+32 2 555 00 00' });
const allDesks = ['100', '200', '300', '400', '500', '600'].map(desk);

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.key}: ${p.reason}`);
    throw error;
  }
  throw new Error('loaded without a problem');
}

describe('the insurers’ coordination desks', () => {
  const load = (content: unknown, production = false) =>
    InsurerContacts.load({ file: file(content), configKey: 'CONTACTS', production });

  it('gives the desk of each insurer', () => {
    const contacts = load({ environment: 'development', contacts: allDesks });
    expect(contacts.contactOf('300')).toEqual({ name: 'Desk 300', phone: '+32 2 555 00 00' });
    expect(contacts.contactOf('999')).toBeUndefined();
  });

  it('refuses to start without a desk for every insurer that runs trajectories', () => {
    expect(
      problemsOf(() =>
        load({ environment: 'development', contacts: allDesks.filter((d) => d.insurer !== '500') }),
      ),
    ).toEqual(['CONTACTS: has no contact for insurer 500']);
  });

  it('names the place of a bad entry, never its value', () => {
    const contacts = [...allDesks, { insurer: '300', name: 'Again', email: 'not-an-address' }];
    const problems = problemsOf(() => load({ environment: 'development', contacts }));
    expect(problems).toEqual([expect.stringMatching(/^CONTACTS: \/contacts\/6\/email: /)]);
    expect(problems.join()).not.toContain('not-an-address');
  });

  it('refuses a repeated insurer, an unknown insurer code and a desk without phone or email', () => {
    expect(
      problemsOf(() => load({ environment: 'development', contacts: [...allDesks, desk('300')] })),
    ).toEqual(['CONTACTS: contact #6 repeats #2']);
    expect(
      problemsOf(() => load({ environment: 'development', contacts: [desk('777')] }))[0],
    ).toMatch(/\/contacts\/0\/insurer/);
    expect(
      problemsOf(() =>
        load({ environment: 'development', contacts: [{ insurer: '100', name: 'Desk' }] }),
      ),
    ).toContain('CONTACTS: /contacts/0/phone: required property is missing');
  });

  it('refuses development data in production, and a file that is not JSON', () => {
    expect(
      problemsOf(() => load({ environment: 'development', contacts: allDesks }, true)),
    ).toEqual(['CONTACTS: is development data, refused when NODE_ENV=production']);
    expect(problemsOf(() => load('{ not json'))).toEqual(['CONTACTS: cannot be read as JSON']);
  });
});

describe('the prevention services directory', () => {
  const load = (services: unknown[]) =>
    PreventionServiceDirectory.load({
      file: file({ environment: 'development', services }),
      configKey: 'SERVICES',
      production: false,
    });
  const external = {
    enterpriseNumber: generateEnterpriseNumber(),
    name: 'External service',
    kind: 'external',
    languages: ['fr'],
    contact: { email: 'desk@service.example' },
  };

  it('finds a service by its enterprise number', () => {
    const employer = generateEnterpriseNumber();
    const internal = {
      ...external,
      enterpriseNumber: generateEnterpriseNumber(),
      kind: 'internal',
      employerEnterpriseNumber: employer,
    };
    const directory = load([external, internal]);
    expect(directory.find(internal.enterpriseNumber)).toMatchObject({
      kind: 'internal',
      employerEnterpriseNumber: employer,
    });
    expect(directory.find(generateEnterpriseNumber())).toBeUndefined();
  });

  it.each([
    ['an invalid enterprise number', { ...external, enterpriseNumber: '0123456789' }],
    ['an internal service without its employer', { ...external, kind: 'internal' }],
    [
      'an external service naming an employer',
      { ...external, employerEnterpriseNumber: generateEnterpriseNumber() },
    ],
    ['no language', { ...external, languages: [] }],
    ['a language the hub does not use', { ...external, languages: ['en'] }],
    ['a contact without phone or email', { ...external, contact: { name: 'Desk' } }],
    ['an unknown field', { ...external, endpoint: 'https://service.example' }],
  ])('refuses to start with %s', (_case, entry) => {
    const problems = problemsOf(() => load([entry]));
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem).toMatch(/^SERVICES: \/services\/0/);
  });

  it('refuses the same service twice', () => {
    expect(problemsOf(() => load([external, external]))).toEqual([
      'SERVICES: service #1 repeats #0',
    ]);
  });
});
