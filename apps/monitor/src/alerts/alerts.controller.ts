import { Controller, Get, Req } from '@nestjs/common';
import { scopeOf } from '../overview/request-scope';
import type { AlertsAnswer } from './alert.types';
import { AlertsService } from './alerts.service';

/** `GET /v1/alerts`: what needs a person now. Protected by the console's global guard. */
@Controller('v1/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  get(@Req() request: unknown): AlertsAnswer {
    return this.alerts.alerts(scopeOf(request));
  }
}
