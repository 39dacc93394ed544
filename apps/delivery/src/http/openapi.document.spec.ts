import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locateSchemasDir } from '@rtw/contracts';
import { DELIVERY_API_CODES, STATUS_BY_CODE } from './delivery-api.codes';

describe('the delivery API’s committed OpenAPI document and reason codes', () => {
  const document = JSON.parse(
    readFileSync(join(locateSchemasDir(), 'openapi', 'delivery.v1.json'), 'utf8'),
  ) as {
    openapi: string;
    paths: Record<string, unknown>;
    components: { schemas: { ReasonCode: { enum: string[] } } };
  };

  it('is OpenAPI 3.1 and lists every route the API serves under /v1', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/v1/dead-letters',
      '/v1/dead-letters/{id}',
      '/v1/deliveries',
      '/v1/openapi.json',
      '/v1/partners',
      '/v1/partners/{id}/pause',
      '/v1/partners/{id}/resume',
      '/v1/replays',
      '/v1/replays/{id}',
    ]);
  });

  it('lists exactly the reason codes the API can answer with, each with a client or server error status', () => {
    expect([...document.components.schemas.ReasonCode.enum].sort()).toEqual(
      [...DELIVERY_API_CODES].sort(),
    );
    for (const code of DELIVERY_API_CODES) expect(STATUS_BY_CODE[code]).toBeGreaterThanOrEqual(400);
  });
});
