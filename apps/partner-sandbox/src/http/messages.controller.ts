import { Controller, Param, Post, Req, Res } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { IngressError, readRequestBody } from '@rtw/ingress';
import { sendProblem } from '@rtw/runtime';
import { MessageReceiver } from '../deliveries/message.receiver';
import { SandboxDirectory } from '../organisations/sandbox.directory';
import { HeldConnections } from './held.connections';

/**
 * The partners' receiving endpoints, where delivery POSTs each message (config/partners.json):
 * `POST /<actiris|vdab|forem|adg|inami>/messages` and `POST /cpmt/<enterprise number>/messages`.
 */
@Controller()
export class MessagesController {
  constructor(
    private readonly receiver: MessageReceiver,
    private readonly directory: SandboxDirectory,
    private readonly held: HeldConnections,
  ) {}

  @Post('cpmt/:code/messages')
  async cpmt(
    @Param('code') code: string,
    @Req() request: IncomingMessage,
    @Res() response: ServerResponse,
  ): Promise<void> {
    await this.deliver(`cpmt:${code}`, request, response);
  }

  @Post(':service/messages')
  async service(
    @Param('service') service: string,
    @Req() request: IncomingMessage,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const id = service === 'inami' ? 'inami:inami' : `regional:${service}`;
    await this.deliver(id, request, response);
  }

  private async deliver(
    id: string,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const organisation = this.directory.byId(id);
    if (!organisation)
      return sendProblem(response, {
        status: 404,
        code: 'UNKNOWN_PARTNER',
        message: 'the sandbox plays no organisation at this address',
      });
    let body: Buffer;
    try {
      body = await readRequestBody(request, {
        limit: this.directory.maxMessageBytes,
        declaredLength: request.headers['content-length'],
      });
    } catch (error) {
      if (!(error instanceof IngressError)) throw error;
      return sendProblem(response, {
        status: error.code === 'PAYLOAD_TOO_LARGE' ? 413 : 400,
        code: error.code,
        message: error.message,
      });
    }
    const answer = this.receiver.receive(organisation, { headers: request.headers, body });
    if (answer.kind === 'hold') return this.held.hold(response);
    if (answer.kind === 'drop') {
      request.socket.destroy();
      return;
    }
    const text = JSON.stringify(answer.body);
    response.statusCode = answer.status;
    for (const [name, value] of Object.entries(answer.headers ?? {}))
      response.setHeader(name, value);
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Length', Buffer.byteLength(text));
    response.end(text);
  }
}
