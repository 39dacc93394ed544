import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REGIONAL_SERVICES, type RegionalServiceId } from '@rtw/domain';
import { InsurerContacts } from './insurer-contacts';
import { PreventionServiceDirectory } from './prevention-services';

const CONFIG = resolve(__dirname, '..', '..', '..', '..', 'config');
const DELIVERY_DIRECTORY = join(CONFIG, 'partners.json');

const contacts = InsurerContacts.load({
  file: join(CONFIG, 'insurer-contacts.json'),
  configKey: 'CONNECTOR_INSURER_CONTACTS_FILE',
  production: false,
});
const directory = PreventionServiceDirectory.load({
  file: join(CONFIG, 'prevention-services.json'),
  configKey: 'CPMT_PREVENTION_SERVICES_FILE',
  production: false,
});

/** Organisation ids of delivery's partner directory, when that file is part of this checkout. */
function deliveryOrganisations(): Set<string> | undefined {
  if (!existsSync(DELIVERY_DIRECTORY)) return undefined;
  const document = JSON.parse(readFileSync(DELIVERY_DIRECTORY, 'utf8')) as {
    organisations: Array<{ id: string }>;
  };
  return new Set(document.organisations.map((organisation) => organisation.id));
}

describe('the committed reference data', () => {
  it('gives every development insurer a coordination desk', () => {
    expect(contacts.contactOf('100')).toMatchObject({ name: expect.any(String) });
  });

  it('lists the prevention service the examples and tests use', () => {
    expect(directory.find('0403170701')).toMatchObject({ kind: 'external' });
    expect(directory.find('0412345614')).toMatchObject({ kind: 'internal' });
  });

  // Routing data here, endpoints and secrets in delivery's directory: a service must be in both,
  // or its messages would be prepared and then never sent. Checked whenever both files exist.
  it('has a delivery organisation for every prevention service and regional service it may route to', () => {
    const organisations = deliveryOrganisations();
    const needed = [
      ...directory.all().map((service) => `cpmt:${service.enterpriseNumber}`),
      ...(Object.keys(REGIONAL_SERVICES) as RegionalServiceId[]).map((id) => `regional:${id}`),
    ];
    const missing = organisations ? needed.filter((id) => !organisations.has(id)) : [];
    expect(missing).toEqual([]);
  });
});
