import { bodyParser } from '@koa/bodyparser';
import { errors } from '../../application/errors.js';

export const JSON_LIMIT = '1mb';

/** JSON only, 1 MB at most; parse failures become problems, not stack traces. */
export const jsonBody = bodyParser({
  enableTypes: ['json'],
  jsonLimit: JSON_LIMIT,
  encoding: 'utf-8',
  jsonStrict: true,
  onError: (error: Error & { status?: number; type?: string }) => {
    if (error.status === 413 || error.type === 'entity.too.large') throw errors.payloadTooLarge('1 Mo');
    if (error.status === 415) throw errors.unsupportedMediaType();
    throw errors.malformedJson();
  },
});
