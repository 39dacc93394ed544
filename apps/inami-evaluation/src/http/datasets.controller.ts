import { Controller, Get, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locateSchemasDir } from '@rtw/contracts';
import {
  RequiresRole,
  SupportGuard,
  sendJson as send,
  type SupportApiRequest as InamiRequest,
} from '@rtw/support-api';
import { DatasetSubmissionService } from '../submission/dataset-submission.service';
import type { Actor, DatasetKey } from '../versions/dataset-version.types';
import { DatasetVersionsService } from '../versions/dataset-versions.service';
import { InamiApiError } from './inami-api.error';

/**
 * The dataset lifecycle for support (ADR 0084): dry-run builds, frozen versions, submission and
 * diff, per insurer and year. Reading needs the viewer role; freezing and submitting the operator
 * role and a single-use token naming the person.
 */
@Controller('v1/datasets/:insurer/:year')
@UseGuards(SupportGuard)
export class DatasetsController {
  constructor(
    private readonly versions: DatasetVersionsService,
    private readonly submissions: DatasetSubmissionService,
  ) {}

  @Post('build')
  async build(@Param() params: Record<string, string>, @Res() response: ServerResponse) {
    send(response, 200, await this.versions.build(keyOf(params)));
  }

  @Get('versions')
  async list(@Param() params: Record<string, string>, @Res() response: ServerResponse) {
    send(response, 200, { versions: await this.versions.list(keyOf(params)) });
  }

  @Get('versions/:version')
  async one(@Param() params: Record<string, string>, @Res() response: ServerResponse) {
    const version = whole(params['version'], 'version');
    send(response, 200, await this.versions.show({ ...keyOf(params), version }));
  }

  @Post('versions')
  @RequiresRole('operator')
  async freeze(
    @Param() params: Record<string, string>,
    @Req() request: InamiRequest,
    @Res() response: ServerResponse,
  ) {
    const body = (request.body ?? {}) as { reason?: unknown };
    if (body.reason !== undefined && (typeof body.reason !== 'string' || body.reason.length > 500))
      throw new InamiApiError({
        code: 'INVALID_REQUEST',
        message: 'reason must be text of at most 500 characters',
      });
    const frozen = await this.versions.freeze({
      ...keyOf(params),
      actor: actorOf(request),
      ...(body.reason !== undefined ? { reason: body.reason as string } : {}),
    });
    send(response, 201, frozen);
  }

  @Post('versions/:version/submission')
  @RequiresRole('operator')
  async submit(
    @Param() params: Record<string, string>,
    @Req() request: InamiRequest,
    @Res() response: ServerResponse,
  ) {
    const version = whole(params['version'], 'version');
    send(
      response,
      202,
      await this.submissions.submit({ ...keyOf(params), version, actor: actorOf(request) }),
    );
  }

  @Get('diff')
  async diff(
    @Param() params: Record<string, string>,
    @Req() request: InamiRequest,
    @Res() response: ServerResponse,
  ) {
    const from = whole(request.query?.['from'], 'from');
    const to = whole(request.query?.['to'], 'to');
    send(response, 200, await this.versions.diff({ ...keyOf(params), from, to }));
  }
}

/** Serves the committed OpenAPI 3.1 document of this API (public: it grants nothing). */
@Controller('v1')
export class OpenApiController {
  private readonly document: unknown = JSON.parse(
    readFileSync(join(locateSchemasDir(), 'openapi', 'inami-evaluation.v1.json'), 'utf8'),
  );

  @Get('openapi.json')
  serve(@Res() response: ServerResponse): void {
    send(response, 200, this.document);
  }
}

function keyOf(params: Record<string, string>): DatasetKey {
  return { insurer: params['insurer'] ?? '', year: whole(params['year'], 'year') };
}

function whole(raw: unknown, name: string): number {
  if (typeof raw !== 'string' || !/^[0-9]{1,6}$/.test(raw))
    throw new InamiApiError({ code: 'INVALID_REQUEST', message: `${name} must be a whole number` });
  return Number(raw);
}

function actorOf(request: InamiRequest): Actor {
  const actor = request.actor;
  if (!actor?.subject) throw new Error('no audited actor on a request that passed the guard');
  return { organisation: actor.organisation.source, subject: actor.subject };
}
