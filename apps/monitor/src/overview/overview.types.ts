/** Whether a source could be read in the latest sample; `partial`: some apps' metrics only. */
export type SourceStatus = 'ok' | 'unavailable' | 'partial';

/** Messages per minute written to a topic (in) and read by its consumer groups, summed (out). */
export interface TopicFigures {
  readonly topic: string;
  readonly inPerMinute: number | null;
  readonly outPerMinute: number | null;
}

/** Lag of one consumer group, per partition and in total. */
export interface ConsumerGroupFigures {
  readonly groupId: string;
  readonly totalLag: number;
  readonly partitions: ReadonlyArray<{ topic: string; partition: number; lag: number }>;
}

/** A receiving organisation's deliveries over the partner window, its circuit and pause. */
export interface PartnerFigures {
  /** The organisation id (`regional:vdab`, `cpmt:<enterprise number>`, `inami:inami`). */
  readonly partner: string;
  readonly successRate: number | null;
  readonly p95Ms: number | null;
  readonly circuit: 'closed' | 'open' | 'half-open' | null;
  readonly paused: boolean | null;
}

/** Legal deadlines of one insurer: open and due within the lead days, marked missed today. */
export interface DeadlineFigures {
  readonly insurer: string;
  readonly dueSoon: number;
  readonly missedToday: number;
}

/** `GET /v1/overview`: the support console's first page. Numbers are null when unknown. */
export interface Overview {
  readonly generatedAt: string;
  readonly sources: {
    readonly kafka: SourceStatus;
    readonly database: SourceStatus;
    readonly metrics: SourceStatus;
  };
  readonly topics: readonly TopicFigures[];
  readonly consumerGroups: readonly ConsumerGroupFigures[];
  readonly deadLetters: ReadonlyArray<{ topic: string; count: number }>;
  readonly partners: readonly PartnerFigures[];
  readonly deadlines: readonly DeadlineFigures[];
  readonly history: {
    readonly at: readonly string[];
    readonly eventsIn: ReadonlyArray<number | null>;
    readonly eventsOut: ReadonlyArray<number | null>;
  };
}
