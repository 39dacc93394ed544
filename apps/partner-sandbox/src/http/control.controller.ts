import { Controller, Get, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createAjv } from '@rtw/contracts';
import { IngressError, parseStrictJsonBytes, readRequestBody } from '@rtw/ingress';
import { PARTNER_CONTRACTS, type PartnerMediaType } from '@rtw/partners';
import { HUB_CLOCK, sendProblem } from '@rtw/runtime';
import type { Clock } from '@rtw/platform';
import { SCRIPT_SCHEMA, isAnswerOf, type AnswerScript } from '../callbacks/answer.scripts';
import { CallbackCredentials } from '../callbacks/callback.credentials';
import { CallbackScheduler } from '../callbacks/callback.scheduler';
import { ScriptBook } from '../callbacks/script.book';
import { DeliveryLedger } from '../deliveries/delivery.ledger';
import { FAULT_MODES, FaultControls, type FaultMode } from '../faults/fault.controls';
import type { SandboxOrganisation } from '../organisations/sandbox-organisations';
import { SandboxDirectory } from '../organisations/sandbox.directory';

/** The body of `PUT /control/partners/<org>`. */
interface ControlRequest {
  mode?: FaultMode;
  failureRate?: number;
  untilMs?: number;
  retryAfterS?: number;
  seed?: number;
  script?: AnswerScript;
  answerFormat?: PartnerMediaType;
}

const validateControl = createAjv().compile<ControlRequest>({
  type: 'object',
  properties: {
    mode: { enum: [...FAULT_MODES] },
    failureRate: { type: 'number', minimum: 0, maximum: 1 },
    untilMs: { type: 'integer', minimum: 0 },
    retryAfterS: { type: 'integer', minimum: 1, maximum: 3600 },
    seed: { type: 'integer', minimum: 0, maximum: 2_147_483_647 },
    script: SCRIPT_SCHEMA,
    answerFormat: { enum: ['application/xml', 'application/json'] },
  },
  additionalProperties: false,
});

/**
 * The control API of fault tests and demos (local only, unauthenticated like the sandbox itself):
 * each organisation's behaviour and script, what it received per idempotency key, the answers it
 * sent, and a reset.
 */
@Controller('control')
export class ControlController {
  constructor(
    private readonly directory: SandboxDirectory,
    private readonly faults: FaultControls,
    private readonly scripts: ScriptBook,
    private readonly ledger: DeliveryLedger,
    private readonly callbacks: CallbackScheduler,
    private readonly credentials: CallbackCredentials,
    @Inject(HUB_CLOCK) private readonly clock: Clock,
  ) {}

  @Get('partners')
  partners(@Res() response: ServerResponse): void {
    send(response, 200, {
      partners: this.directory.organisations.map((organisation) => this.view(organisation)),
    });
  }

  @Put('partners/:org')
  async control(
    @Param('org') id: string,
    @Req() request: IncomingMessage,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const organisation = this.directory.byId(id);
    if (!organisation) return unknown(response);
    let body: unknown;
    try {
      body = parseStrictJsonBytes(await readRequestBody(request, { limit: 64 * 1024 }));
    } catch (error) {
      if (!(error instanceof IngressError)) throw error;
      return sendProblem(response, { status: 400, code: error.code, message: error.message });
    }
    if (!validateControl(body))
      return invalid(
        response,
        `${validateControl.errors?.[0]?.instancePath || '(body)'} ${validateControl.errors?.[0]?.message ?? 'is invalid'}`,
      );
    const reason = this.refusalOf(organisation, body);
    if (reason) return invalid(response, reason);
    const now = this.clock.now().getTime();
    const current = this.faults.get(organisation.id, now);
    if (body.mode !== undefined || body.failureRate !== undefined || body.untilMs !== undefined)
      this.faults.set(organisation.id, {
        mode: body.mode ?? current.mode,
        ...(body.failureRate === undefined ? {} : { failureRate: body.failureRate }),
        ...(body.untilMs === undefined ? {} : { untilMs: body.untilMs }),
        ...(body.retryAfterS === undefined ? {} : { retryAfterS: body.retryAfterS }),
        ...(body.seed === undefined ? {} : { seed: body.seed }),
      });
    this.scripts.set(organisation.id, {
      ...(body.script === undefined ? {} : { script: body.script }),
      ...(body.answerFormat === undefined ? {} : { answerFormat: body.answerFormat }),
    });
    send(response, 200, this.view(organisation));
  }

  @Get('deliveries')
  deliveries(@Query('org') id: string | undefined, @Res() response: ServerResponse): void {
    if (id !== undefined && !this.directory.byId(id)) return unknown(response);
    send(response, 200, { deliveries: this.ledger.list(id) });
  }

  @Get('callbacks')
  answers(@Query('org') id: string | undefined, @Res() response: ServerResponse): void {
    if (id !== undefined && !this.directory.byId(id)) return unknown(response);
    send(response, 200, { pending: this.callbacks.pending(), callbacks: this.callbacks.list(id) });
  }

  @Post('reset')
  async reset(@Res() response: ServerResponse): Promise<void> {
    await this.callbacks.reset();
    this.faults.reset();
    this.scripts.reset();
    this.ledger.reset();
    response.statusCode = 204;
    response.end();
  }

  private refusalOf(organisation: SandboxOrganisation, body: ControlRequest): string | undefined {
    const wrongStep = body.script?.find((step) => !isAnswerOf(organisation, step));
    if (wrongStep) return `/script: ${organisation.id} does not answer ${wrongStep.answer}`;
    if (
      body.answerFormat !== undefined &&
      (organisation.partner === 'inami' ||
        !PARTNER_CONTRACTS[organisation.partner].answer.mediaTypes.includes(body.answerFormat))
    )
      return `/answerFormat: ${organisation.id} does not answer in ${body.answerFormat}`;
    return undefined;
  }

  private view(organisation: SandboxOrganisation) {
    const settings = this.scripts.settingsOf(organisation);
    return {
      ...organisation,
      control: this.faults.get(organisation.id, this.clock.now().getTime()),
      answerFormat: settings.answerFormat,
      script: settings.script,
      callbackAuthentication:
        organisation.partner === 'inami' ? 'none' : this.credentials.methodOf(organisation.id),
    };
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Content-Length', Buffer.byteLength(text));
  response.end(text);
}

function unknown(response: ServerResponse): void {
  sendProblem(response, {
    status: 404,
    code: 'UNKNOWN_PARTNER',
    message: 'the sandbox plays no such organisation (use <kind>:<code>, e.g. regional:actiris)',
  });
}

function invalid(response: ServerResponse, message: string): void {
  sendProblem(response, { status: 422, code: 'CONTROL_INVALID', message });
}
