import { IngressError } from '../errors/ingress.error';
import { pointerOf } from '../parsing/json-pointer';
import { FORBIDDEN_KEYS } from '../parsing/strict-json.parser';

/**
 * The strict parser's key rule for values already parsed elsewhere (Kafka records are decoded by
 * the messaging binding with JSON.parse, which keeps `__proto__` as an own key).
 */
export function assertNoForbiddenKeys(value: unknown, path: string[] = []): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertNoForbiddenKeys(item, [...path, String(index)]));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key))
      throw new IngressError({
        code: 'JSON_FORBIDDEN_KEY',
        message: 'property name is not allowed',
        pointer: pointerOf([...path, key]),
      });
    assertNoForbiddenKeys((value as Record<string, unknown>)[key], [...path, key]);
  }
}
