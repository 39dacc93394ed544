import type { RegionalServiceId } from './regional-service.types';

/** Where the postal-code and NIS-code tables come from. */
export const POSTAL_CODES_SOURCE =
  'docs DOMAIN.md section 6: provinces by postal-code range, the nine German-speaking ' +
  'municipalities (their postal codes partly secondary; NIS codes preferred when known). ' +
  'Malmedy (4960) and Waimes (4950) are French-speaking and stay with Le Forem.';

/** An inclusive postal-code range and the service competent for residents there. */
export interface PostalCodeRange {
  readonly from: number;
  readonly to: number;
  readonly service: RegionalServiceId;
  readonly area: string;
}

/** Residence decides, not the employer. Ranges are checked in order; the first match wins. */
export const POSTAL_CODE_RANGES: readonly PostalCodeRange[] = [
  // The German-speaking municipalities come first: they sit inside the Liège range below.
  { from: 4700, to: 4701, service: 'adg', area: 'Eupen' },
  { from: 4710, to: 4711, service: 'adg', area: 'Lontzen' },
  { from: 4720, to: 4721, service: 'adg', area: 'Kelmis' },
  { from: 4728, to: 4728, service: 'adg', area: 'Kelmis' },
  { from: 4730, to: 4731, service: 'adg', area: 'Raeren' },
  { from: 4750, to: 4750, service: 'adg', area: 'Bütgenbach' },
  { from: 4760, to: 4761, service: 'adg', area: 'Büllingen' },
  { from: 4770, to: 4771, service: 'adg', area: 'Amel' },
  { from: 4780, to: 4784, service: 'adg', area: 'Sankt Vith' },
  { from: 4790, to: 4791, service: 'adg', area: 'Burg-Reuland' },
  { from: 1000, to: 1299, service: 'actiris', area: 'Brussels-Capital' },
  { from: 1300, to: 1499, service: 'forem', area: 'Walloon Brabant' },
  { from: 1500, to: 1999, service: 'vdab', area: 'Flemish Brabant' },
  { from: 2000, to: 2999, service: 'vdab', area: 'Antwerp' },
  { from: 3000, to: 3499, service: 'vdab', area: 'Flemish Brabant' },
  { from: 3500, to: 3999, service: 'vdab', area: 'Limburg' },
  { from: 4000, to: 7999, service: 'forem', area: 'Liège, Namur, Hainaut, Luxembourg' },
  { from: 8000, to: 8999, service: 'vdab', area: 'West Flanders' },
  { from: 9000, to: 9999, service: 'vdab', area: 'East Flanders' },
];

/** NIS codes of the nine German-speaking municipalities, all served by ADG. */
export const GERMAN_SPEAKING_NIS_CODES: Readonly<Record<string, string>> = {
  '63001': 'Amel',
  '63012': 'Büllingen',
  '63013': 'Bütgenbach',
  '63023': 'Eupen',
  '63040': 'Kelmis',
  '63048': 'Lontzen',
  '63061': 'Raeren',
  '63067': 'Sankt Vith',
  '63087': 'Burg-Reuland',
};
