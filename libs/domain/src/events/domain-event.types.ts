/**
 * The part of a canonical CloudEvent the domain reads: `type`, the `insurer` extension (3-digit
 * code of the dossier's insurer) and `data`. A full CloudEvent from the contracts is assignable to
 * it; `id` and `time` are optional so that tests and replays can omit them.
 */
export interface DomainEvent<TType extends string, TData> {
  readonly type: TType;
  readonly insurer: string;
  readonly data: TData;
  readonly id?: string;
  /** ISO instant at which the publisher says the fact happened. */
  readonly time?: string;
}

/**
 * A read-only view of generated contract data: the generated interfaces are plain (mutable) JSON
 * shapes, while the domain never changes an event it is given.
 */
export type DeepReadonly<T> = T extends readonly (infer TItem)[]
  ? readonly DeepReadonly<TItem>[]
  : T extends object
    ? { readonly [TKey in keyof T]: DeepReadonly<T[TKey]> }
    : T;
