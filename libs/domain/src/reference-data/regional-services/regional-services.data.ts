import type { RegionalService, RegionalServiceId } from './regional-service.types';

/** Where the regional service table comes from. */
export const REGIONAL_SERVICES_SOURCE =
  "docs DOMAIN.md sections 2 and 6 (forms FIA/AMF/FIF/IFA, languages); services' public sites.";

/** The regional employment services, by id. */
export const REGIONAL_SERVICES: Readonly<Record<RegionalServiceId, RegionalService>> = {
  actiris: {
    id: 'actiris',
    name: 'Actiris',
    territory: 'Brussels-Capital Region',
    languages: ['fr', 'nl'],
    referralForm: 'FIA',
  },
  vdab: {
    id: 'vdab',
    name: 'VDAB',
    territory: 'Flemish Region',
    languages: ['nl'],
    referralForm: 'AMF',
    disabilityPartner: 'gtb',
  },
  forem: {
    id: 'forem',
    name: 'Le Forem',
    territory: 'Walloon Region, French-speaking area',
    languages: ['fr'],
    referralForm: 'FIF',
    disabilityPartner: 'aviq',
  },
  adg: {
    id: 'adg',
    name: 'ADG (Arbeitsamt der Deutschsprachigen Gemeinschaft)',
    territory: 'German-speaking Community',
    languages: ['de'],
    referralForm: 'IFA',
  },
};
