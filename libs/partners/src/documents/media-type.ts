import type { PartnerMediaType } from '../registry/partner-contracts.data';

const XML_TYPES = new Set(['application/xml', 'text/xml']);

/**
 * The partner media type a Content-Type header names, or undefined: `application/json`,
 * `application/xml` or `text/xml`, parameters ignored except a charset, which must be UTF-8.
 */
export function partnerMediaType(contentType: string): PartnerMediaType | undefined {
  const [essence = '', ...parameters] = contentType.split(';').map((part) => part.trim());
  const type = essence.toLowerCase();
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=').map((part) => part.trim().toLowerCase());
    if (name === 'charset' && value.replace(/"/g, '') !== 'utf-8') return undefined;
  }
  if (type === 'application/json') return 'application/json';
  return XML_TYPES.has(type) ? 'application/xml' : undefined;
}
