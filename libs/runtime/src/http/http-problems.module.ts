import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ClientErrorResponder } from './client-error.responder';
import { HttpProblemFilter } from './problem.filter';

/**
 * The problem format at the HTTP edge of every hub process: the global exception filter (unknown
 * routes, unreadable requests, unhandled errors) and the answer to requests Node's parser refuses.
 */
@Module({
  providers: [{ provide: APP_FILTER, useClass: HttpProblemFilter }, ClientErrorResponder],
})
export class HttpProblemsModule {}
