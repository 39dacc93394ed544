import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locateSchemasDir } from '@rtw/contracts';
import { REASON_CODES } from '@rtw/ingress';

describe('the committed OpenAPI document', () => {
  const document = JSON.parse(
    readFileSync(join(locateSchemasDir(), 'openapi', 'gateway.v1.json'), 'utf8'),
  ) as {
    openapi: string;
    paths: Record<string, unknown>;
    components: { schemas: { ReasonCode: { enum: string[] } } };
  };

  it('is OpenAPI 3.1 and lists every route the gateway serves under /v1', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/v1/events',
      '/v1/events/batch',
      '/v1/events/{id}',
      '/v1/openapi.json',
      '/v1/partner-answers',
    ]);
  });

  it('lists exactly the reason codes the gateway can answer with', () => {
    expect([...document.components.schemas.ReasonCode.enum].sort()).toEqual(
      [...REASON_CODES].sort(),
    );
  });
});
