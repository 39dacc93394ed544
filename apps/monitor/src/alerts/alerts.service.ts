import { Inject, Injectable } from '@nestjs/common';
import { HUB_CONFIG, type HubConfig } from '@rtw/runtime';
import { OverviewService } from '../overview/overview.service';
import type { RequestScope } from '../overview/request-scope';
import { OverviewSampler } from '../overview/sampling/overview.sampler';
import type { AlertsConfig } from './alerts.config';
import type { AlertsAnswer } from './alert.types';
import { evaluateAlerts } from './alert.rules';

/** The alerts that hold now, for one scope, from the overview's samples. */
@Injectable()
export class AlertsService {
  private readonly thresholds: AlertsConfig;

  constructor(
    private readonly sampler: OverviewSampler,
    private readonly overviews: OverviewService,
    @Inject(HUB_CONFIG) config: HubConfig,
  ) {
    this.thresholds = config as HubConfig & AlertsConfig;
  }

  alerts(scope: RequestScope): AlertsAnswer {
    const overview = this.overviews.overview(scope);
    return {
      generatedAt: overview.generatedAt,
      alerts: evaluateAlerts({
        samples: this.sampler.history(),
        overview,
        thresholds: this.thresholds,
      }),
    };
  }
}
