import {
  BadRequestException,
  HttpException,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { TestHubError } from '@rtw/testing';
import { HTTP_PROBLEM_STATUS } from './http-problem.codes';
import { problemOf } from './problem.filter';

describe('problemOf', () => {
  it.each([
    ['no route (the router 404)', new NotFoundException('Cannot GET /nothing'), 'ROUTE_NOT_FOUND'],
    [
      'a path whose percent-encoding does not decode',
      new BadRequestException("Failed to decode param '%'", {
        cause: new URIError('URI malformed'),
      }),
      'MALFORMED_PATH',
    ],
    [
      'a body the framework could not parse',
      new BadRequestException('Unexpected token'),
      'MALFORMED_REQUEST',
    ],
    ['a body over the framework limit', new PayloadTooLargeException(), 'PAYLOAD_TOO_LARGE'],
    [
      'a charset the framework refuses',
      new UnsupportedMediaTypeException(),
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['another client error of the framework', new HttpException('Gone', 410), 'MALFORMED_REQUEST'],
    ['a framework error on its own side', new ServiceUnavailableException(), 'INTERNAL_ERROR'],
    [
      'a TypeError',
      new TypeError("Cannot read properties of undefined (reading 'x')"),
      'INTERNAL_ERROR',
    ],
    [
      'a HubError no app mapped',
      new TestHubError({ code: 'SOMETHING', retriable: false }),
      'INTERNAL_ERROR',
    ],
    ['a thrown string', 'boom', 'INTERNAL_ERROR'],
  ])('answers %s with its problem code and status', (_name, exception, code) => {
    const problem = problemOf(exception);
    expect([problem.code, problem.status]).toEqual([
      code,
      HTTP_PROBLEM_STATUS[code as keyof typeof HTTP_PROBLEM_STATUS],
    ]);
  });

  it('never repeats the error class or its message', () => {
    const problems = [
      problemOf(new TypeError('secret detail')),
      problemOf(new BadRequestException("Failed to decode param '%E0%A4%A'")),
      problemOf(new NotFoundException('Cannot GET /v1/events/some-id')),
    ];
    for (const problem of problems)
      expect(problem.message).not.toMatch(/TypeError|secret|%E0|some-id/);
  });
});
