import { Controller, Get, Res } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { locateSchemasDir } from '@rtw/contracts';
import { sendJson } from '@rtw/support-api';

/** Serves the committed OpenAPI 3.1 document of the delivery API (public: it grants nothing). */
@Controller('v1')
export class OpenApiController {
  private readonly document: unknown = JSON.parse(
    readFileSync(join(locateSchemasDir(), 'openapi', 'delivery.v1.json'), 'utf8'),
  );

  @Get('openapi.json')
  serve(@Res() response: ServerResponse): void {
    sendJson(response, 200, this.document);
  }
}
