import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locateSchemasDir } from '@rtw/contracts';
import { STATUS_BY_CODE, TIMELINE_API_CODES } from './timeline-api.codes';

describe('the tracker API’s committed OpenAPI document and reason codes', () => {
  const document = JSON.parse(
    readFileSync(join(locateSchemasDir(), 'openapi', 'tracker.v1.json'), 'utf8'),
  ) as {
    openapi: string;
    paths: Record<string, unknown>;
    components: { schemas: { ReasonCode: { enum: string[] } } };
  };

  it('is OpenAPI 3.1 and lists every route the API serves under /v1', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/v1/dossiers',
      '/v1/dossiers/{dossierId}/timeline',
      '/v1/openapi.json',
    ]);
  });

  it('lists exactly the reason codes the API can answer with, each with a client or server error status', () => {
    expect([...document.components.schemas.ReasonCode.enum].sort()).toEqual(
      [...TIMELINE_API_CODES].sort(),
    );
    for (const code of TIMELINE_API_CODES) expect(STATUS_BY_CODE[code]).toBeGreaterThanOrEqual(400);
  });
});
