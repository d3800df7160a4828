import type { EntityManager } from '@mikro-orm/postgresql';

export interface ThrottlePolicy {
  windowMinutes: number;
  lockMinutes: number;
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
}

export const defaultThrottlePolicy: ThrottlePolicy = {
  windowMinutes: 15,
  lockMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 50,
};

const keys = (email: string, ip: string) => ({ account: `account:${email}`, ip: `ip:${ip}` });

/** Seconds until the account or the address may try again; 0 when neither is locked. */
export async function lockedForSeconds(em: EntityManager, email: string, ip: string): Promise<number> {
  const k = keys(email, ip);
  const rows = await em.getConnection().execute<{ seconds: string }[]>(
    `select ceil(extract(epoch from max(locked_until) - now())) as seconds
       from login_throttle where key in (?, ?) and locked_until > now()`,
    [k.account, k.ip],
  );
  return Math.max(0, Number(rows[0]?.seconds ?? 0));
}

/** One atomic upsert per key, so concurrent attempts from several API processes are all counted. */
export async function recordFailure(em: EntityManager, email: string, ip: string, policy: ThrottlePolicy): Promise<void> {
  const k = keys(email, ip);
  for (const [key, max] of [
    [k.account, policy.maxFailuresPerAccount],
    [k.ip, policy.maxFailuresPerIp],
  ] as const) {
    await em.getConnection().execute(
      `insert into login_throttle (key, failures, window_start, locked_until) values (?, 1, now(), null)
       on conflict (key) do update set
         failures = case when login_throttle.window_start < now() - make_interval(mins => ?) then 1
                         else login_throttle.failures + 1 end,
         window_start = case when login_throttle.window_start < now() - make_interval(mins => ?) then now()
                             else login_throttle.window_start end`,
      [key, policy.windowMinutes, policy.windowMinutes],
    );
    await em.getConnection().execute(
      `update login_throttle set locked_until = now() + make_interval(mins => ?) where key = ? and failures >= ?`,
      [policy.lockMinutes, key, max],
    );
  }
}

export async function clearAccountFailures(em: EntityManager, email: string): Promise<void> {
  await em.getConnection().execute(`delete from login_throttle where key = ?`, [`account:${email}`]);
}
