import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { join, resolve } from 'node:path';
import { PublicRoute } from '../auth/public-route.decorator';
import { MonitorApiError } from '../http/monitor-api.error';

/** The console's own files: a page, its script and its style; nothing else is served. */
const CONSOLE_FILE = /^[a-z][a-z0-9-]{0,40}\.(html|js|css)$/;

/** Files of npm packages the console uses, by the name it asks for (no CDN, works offline). */
const VENDOR_FILES: Readonly<Record<string, string>> = {
  'uplot.js': 'uplot/dist/uPlot.iife.min.js',
  'uplot.css': 'uplot/dist/uPlot.min.css',
};

/** Where the console's files are. */
export class ConsoleFiles {
  constructor(readonly dir: string) {}
}

/**
 * Serves the web console (ADR 0093): plain HTML, JavaScript and CSS from MONITOR_CONSOLE_DIR and
 * uPlot from its npm package, no build step. Public: the files hold no data; every datum comes
 * from the `/v1` API behind the login.
 */
@Controller()
@PublicRoute()
export class ConsoleController {
  constructor(private readonly files: ConsoleFiles) {}

  @Get()
  index(@Res() response: Response): void {
    this.send(response, 'index.html');
  }

  @Get('console/:file')
  file(@Param('file') file: string, @Res() response: Response): void {
    if (!CONSOLE_FILE.test(file))
      throw new MonitorApiError({ code: 'ROUTE_NOT_FOUND', message: 'no such console file' });
    this.send(response, file);
  }

  @Get('vendor/:file')
  vendor(@Param('file') file: string, @Res() response: Response): void {
    const module = VENDOR_FILES[file];
    if (!module)
      throw new MonitorApiError({ code: 'ROUTE_NOT_FOUND', message: 'no such vendor file' });
    response.sendFile(require.resolve(module), {
      headers: { 'Cache-Control': 'public, max-age=3600' },
    });
  }

  private send(response: Response, file: string): void {
    response.sendFile(
      join(resolve(this.files.dir), file),
      { headers: { 'Cache-Control': 'no-cache' } },
      (error) => {
        if (error && !response.headersSent)
          response.status(404).json({ code: 'ROUTE_NOT_FOUND', message: 'no such console file' });
      },
    );
  }
}
