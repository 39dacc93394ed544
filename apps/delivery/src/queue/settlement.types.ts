/** One HTTP attempt as recorded. */
export interface AttemptRecord {
  readonly startedAt: Date;
  readonly latencyMs: number;
  readonly outcome: 'delivered' | 'retryable' | 'rejected';
  readonly httpStatus?: number;
  readonly errorCode?: string;
  /** Request metadata: method, URL, content type and length, signature time; never the body. */
  readonly request: Readonly<Record<string, unknown>>;
  readonly responseHeaders?: Readonly<Record<string, string>>;
  readonly responseExcerpt?: string;
}

/** How a claimed message ends this turn. */
export type Settlement =
  | { readonly kind: 'delivered'; readonly at: Date; readonly attempt: AttemptRecord }
  | {
      readonly kind: 'retry';
      readonly nextAttemptAt: Date;
      readonly attempt: AttemptRecord;
      readonly errorCode: string;
    }
  | {
      readonly kind: 'dead-lettered' | 'refused';
      readonly at: Date;
      readonly reasonCode: string;
      readonly reasonMessage: string;
      readonly attempt?: AttemptRecord;
    };
