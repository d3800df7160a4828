import { hash, verify } from '@node-rs/argon2';

const ARGON2ID = 2; // Algorithm.Argon2id (a const enum, not importable under verbatimModuleSyntax)

// OWASP's argon2id baseline (19 MiB, 2 passes): ~50 ms here, slow enough for offline attacks.
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, options);
}

export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false;
  }
}

/** Verified when the e-mail is unknown, so that response time does not reveal which accounts exist. */
export const DUMMY_HASH = await hashPassword('compte-inexistant-pour-egaliser-le-temps');
