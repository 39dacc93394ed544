import { Body, Controller, Get, HttpCode, Inject, Put } from '@nestjs/common';
import type { OffsetClock } from '@rtw/platform';
import { HUB_CLOCK } from '../bootstrap/tokens';

/**
 * TESTS ONLY (TEST_CLOCK_CONTROL=true, refused in production): lets an end-to-end test move the
 * clock of a process it started, e.g. past a legal deadline or a retry delay.
 */
@Controller('test/clock')
export class TestClockController {
  constructor(@Inject(HUB_CLOCK) private readonly clock: OffsetClock) {}

  @Get()
  read(): { now: string; offsetMs: number } {
    return { now: this.clock.now().toISOString(), offsetMs: this.clock.offset() };
  }

  /** `{ "advanceMs": n }` moves time forward by n ms; `{ "now": "<ISO instant>" }` sets it. */
  @Put()
  @HttpCode(200)
  move(@Body() body: { advanceMs?: unknown; now?: unknown }): { now: string; offsetMs: number } {
    if (typeof body?.advanceMs === 'number' && Number.isFinite(body.advanceMs))
      this.clock.advance(body.advanceMs);
    else if (typeof body?.now === 'string' && !Number.isNaN(Date.parse(body.now)))
      this.clock.set(new Date(body.now));
    return this.read();
  }
}
