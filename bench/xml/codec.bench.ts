import * as fs from 'node:fs';
import * as path from 'node:path';
import { locateSchemasDir } from '@rtw/contracts';
import { PartnerContracts, type RegionalReferralInput } from '@rtw/partners';
import { generateNiss } from '@rtw/testing';
import { XsdSchema, parseXml } from '@rtw/xml';
import type { Scenario } from '../harness/scenario';

const DURATION_MS = Number(process.env.BENCH_XML_MS ?? 1000);
const WARMUP_MS = 200;

/** Calls `fn` in batches until `ms` elapsed; returns operations per second. */
function opsPerSecond(fn: () => unknown, ms: number): number {
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 50; i++) fn();
    ops += 50;
    elapsed = performance.now() - start;
  }
  return Math.round((ops / elapsed) * 1000);
}

function measure(fn: () => unknown): number {
  opsPerSecond(fn, WARMUP_MS);
  return opsPerSecond(fn, DURATION_MS);
}

const FIA_INPUT: RegionalReferralInput = {
  dossier: {
    dossierId: '3f6c2a1e-8b4d-4c7a-9e21-5d0f7b3a6c18',
    insurerCode: '300',
    insured: {
      niss: generateNiss({ birthDate: '1984-03-12', sex: 'F' }),
      lastName: 'Example',
      firstName: 'Amina',
      sex: 'F',
      birthDate: '1984-03-12',
      language: 'nl',
      residence: { street: 'Rue de l’Exemple 12', postalCode: '1030', municipality: 'Schaerbeek' },
    },
    scheme: 'unemployed',
    employment: { hasContract: false },
    incapacity: { startDate: '2026-01-05', phase: 'primary' },
    consents: { 'regional-service': '2026-05-28' },
  },
  referral: {
    referralId: 'REF-ACT-0042',
    service: 'actiris',
    purpose: 'registration',
    requestedOn: '2026-06-02',
  },
  context: {
    messageId: 'MSG-ACT-000101',
    createdAt: '2026-06-03T10:15:00+02:00',
    coordinator: { name: 'Coordinator Example', phone: '+32 2 555 01 23' },
    presentationDeadline: '2026-09-02',
  },
};

/**
 * Cost of each stage of reading a partner XML answer and writing a FIA: the hardened xml2js parse,
 * the compiled libxml2 XSD validation, a whole answer translation (XML and JSON) and a whole FIA
 * build (object, XML, XSD and JSON Schema). Results feed ADR 0050; compare stages within a run.
 */
export async function run(): Promise<Record<string, unknown>> {
  const partners = path.join(locateSchemasDir(), 'partners', 'actiris');
  const answerXml = fs.readFileSync(path.join(partners, 'examples/valid/answer.v1.ended.xml'));
  const answerJson = fs.readFileSync(path.join(partners, 'examples/valid/answer.v1.ended.json'));
  const fiaXml = fs.readFileSync(path.join(partners, 'examples/valid/fia.v1.xml'));
  const xsd = await XsdSchema.compile({
    name: 'actiris/fia.v1.xsd',
    xsd: fs.readFileSync(path.join(partners, 'fia.v1.xsd')),
  });
  const contracts = await PartnerContracts.load();
  try {
    const answerAsXml = { body: answerXml, contentType: 'application/xml' };
    const answerAsJson = { body: answerJson, contentType: 'application/json' };
    return {
      documentBytes: { fia: fiaXml.byteLength, answerXml: answerXml.byteLength },
      durationMsPerCase: DURATION_MS,
      opsPerSecond: {
        parseFiaHardened: measure(() => parseXml(fiaXml)),
        validateFiaXsd: measure(() => xsd.validate(fiaXml)),
        readFia: measure(() =>
          contracts.readMessage('actiris', { body: fiaXml, contentType: 'application/xml' }),
        ),
        translateAnswerXml: measure(() => contracts.translateAnswer('actiris', answerAsXml)),
        translateAnswerJson: measure(() => contracts.translateAnswer('actiris', answerAsJson)),
        buildFia: measure(() => contracts.buildRegionalReferral(FIA_INPUT)),
      },
    };
  } finally {
    xsd.dispose();
    await contracts.dispose();
  }
}

/** The scenario for bench/run.ts; its results land in bench/results/xml-codec.json. */
export const xmlCodec: Scenario = {
  name: 'xml-codec',
  description: 'partner XML: hardened parse, XSD validation, answer translation, FIA read, ops/s',
  run,
};
