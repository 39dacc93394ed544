import type { Insurer } from './insurer.types';

/** Where the insurer table comes from; unions merge and rename, so this is data, not code. */
export const INSURERS_SOURCE =
  'Five national unions plus HZIV/CAAMI and the HR Rail fund: Office de contrôle des mutualités ' +
  '(ocm-cdz.be, "landsbonden"). Codes 100-500 by union, 600 and 900: docs DOMAIN.md section 2 ' +
  "(600 secondary). Brand names from the unions' public sites, checked 2026; see `secondary`.";

/** The insurers the hub knows, by code. */
export const INSURERS: readonly Insurer[] = [
  {
    code: '100',
    names: {
      fr: 'Alliance nationale des Mutualités chrétiennes',
      nl: 'Landsbond der Christelijke Mutualiteiten',
    },
    brands: ['MC', 'CM'],
    paysIncapacityBenefits: true,
    sendsTrajectoryData: true,
  },
  {
    code: '200',
    names: {
      fr: 'Union nationale des Mutualités neutres',
      nl: 'Landsbond van de Neutrale Ziekenfondsen',
    },
    brands: ['UNMN', 'LNZ'],
    paysIncapacityBenefits: true,
    sendsTrajectoryData: true,
  },
  {
    code: '300',
    names: {
      fr: 'Solidaris, Union nationale des Mutualités socialistes',
      nl: 'Solidaris, Nationaal Verbond van Socialistische Mutualiteiten',
    },
    brands: ['Solidaris', 'UNMS', 'NVSM', 'Vooruit'],
    paysIncapacityBenefits: true,
    sendsTrajectoryData: true,
    secondary: ['brand "Vooruit" is unconfirmed as a mutuality brand (it is also a party name)'],
  },
  {
    code: '400',
    names: {
      fr: 'Union nationale des Mutualités libérales',
      nl: 'Landsbond van Liberale Mutualiteiten',
    },
    brands: ['LM', 'ML', 'LLM'],
    paysIncapacityBenefits: true,
    sendsTrajectoryData: true,
  },
  {
    code: '500',
    names: {
      fr: 'Union nationale des Mutualités libres',
      nl: 'Landsbond van de Onafhankelijke Ziekenfondsen',
      de: 'Landesverband der Freien Krankenkassen',
    },
    brands: ['MLOZ', 'Helan', 'Partenamut'],
    paysIncapacityBenefits: true,
    sendsTrajectoryData: true,
    secondary: ['German name and the member brands Helan / Partenamut'],
  },
  {
    code: '600',
    names: {
      fr: "Caisse auxiliaire d'assurance maladie-invalidité",
      nl: 'Hulpkas voor Ziekte- en Invaliditeitsverzekering',
      de: 'Hilfskasse für Kranken- und Invalidenversicherung',
    },
    brands: ['CAAMI', 'HZIV', 'HKIV'],
    paysIncapacityBenefits: true,
    sendsTrajectoryData: true,
    secondary: ['code 600', 'German name and abbreviation HKIV'],
  },
  {
    code: '900',
    names: {
      fr: 'Caisse des soins de santé de HR Rail',
      nl: 'Kas der geneeskundige verzorging van HR Rail',
    },
    brands: ['HR Rail'],
    // Railway staff get incapacity pay from their employer, so this fund never sends trajectories.
    paysIncapacityBenefits: false,
    sendsTrajectoryData: false,
  },
];
