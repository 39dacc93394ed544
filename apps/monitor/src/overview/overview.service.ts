import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@rtw/platform';
import { HUB_CLOCK, HUB_CONFIG, type HubConfig } from '@rtw/runtime';
import { buildOverview } from './figures/overview.builder';
import type { OverviewConfig } from './overview.config';
import type { Overview } from './overview.types';
import type { RequestScope } from './request-scope';
import { OverviewSampler } from './sampling/overview.sampler';

/** The overview of the samples in memory, for one scope. */
@Injectable()
export class OverviewService {
  private readonly settings: OverviewConfig;

  constructor(
    private readonly sampler: OverviewSampler,
    @Inject(HUB_CLOCK) private readonly clock: Clock,
    @Inject(HUB_CONFIG) config: HubConfig,
  ) {
    this.settings = config as HubConfig & OverviewConfig;
  }

  overview(scope: RequestScope): Overview {
    return buildOverview({
      samples: this.sampler.history(),
      now: this.clock.now(),
      rateWindowMs: this.settings.MONITOR_RATE_WINDOW_MS,
      partnerWindowMs: this.settings.MONITOR_PARTNER_WINDOW_MS,
      insurer: scope.insurer,
    });
  }
}
