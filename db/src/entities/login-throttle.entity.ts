import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Failed sign-ins per key ("account:<email>" or "ip:<address>") in a sliding window; updated with one atomic upsert. */
export const LoginThrottleSchema = defineEntity({
  name: 'LoginThrottle',
  tableName: 'login_throttle',
  properties: {
    key: p.string().length(300).primary(),
    failures: p.integer().default(0),
    windowStart: p.datetime(),
    lockedUntil: p.datetime().nullable(),
  },
});
export type LoginThrottleEntity = InferEntity<typeof LoginThrottleSchema>;
