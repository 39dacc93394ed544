import type { CloudEvent, EventHandler, HandlerContext } from '@rtw/messaging';
import { IngressError, refusalOf, type Refusal } from '../errors/ingress.error';
import type { OrganisationRegistry } from '../organisations/organisation.registry';
import type { SubmissionService } from '../submission/submission.service';
import { factsOf } from '../validation/event-facts';
import { assertStrictData } from './strict-data.check';
import { IngressRejectedError } from './ingress-rejected.error';
import { insurerOfIngressTopic } from './ingress.topics';

/** What the Kafka ingress handler is made of. */
export interface IngressHandlerParts {
  submissions: SubmissionService;
  registry: OrganisationRegistry;
  /** `rtw.ingress.{insurer}.v1` unless configured otherwise. */
  topicPattern: string;
}

/**
 * The consumer handler of the per-insurer raw topics: the same checks as over HTTP, with the
 * topic's insurer as the caller. Accepted and duplicate events resolve (the offset is committed);
 * a refused one throws a final `IngressRejectedError` carrying the refusal, so the consumer
 * runtime dead-letters it and hands the error to the rejection notifier (its dead-letter hook),
 * which tells the insurer with `be.rtw.event.rejected`.
 */
export function createIngressHandler(parts: IngressHandlerParts): EventHandler {
  return async (event: CloudEvent, context: HandlerContext) => {
    const code = insurerOfIngressTopic(parts.topicPattern, context.topic);
    const organisation = code === undefined ? undefined : parts.registry.byId(`insurer:${code}`);
    if (!organisation)
      return reject({
        code: 'UNKNOWN_ORGANISATION',
        message: 'topic does not belong to a known insurer',
      });
    try {
      assertStrictData(context.value);
    } catch (error) {
      if (!(error instanceof IngressError)) throw error;
      await parts.submissions.refuse(organisation, 'kafka', factsOf(event), refusalOf(error));
      return reject(refusalOf(error));
    }
    const [outcome] = await parts.submissions.submit(organisation, 'kafka', [event]);
    if (outcome?.outcome === 'rejected') reject(outcome.refusal);
  };
}

function reject(refusal: Refusal): never {
  throw new IngressRejectedError(refusal);
}
