import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionSchema } from '@app/db';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createOrganisation, createUser, PASSWORD } from '../support/factories.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

async function newAccount(overrides: { active?: boolean } = {}) {
  const org = await createOrganisation(app.orm, 'buyer');
  return createUser(app.orm, org, overrides);
}

describe('connexion', () => {
  it('ouvre une session : cookie httpOnly, SameSite=Lax, non Secure en HTTP', async () => {
    const user = await newAccount();
    const client = app.client();
    const res = await client.post('/api/auth/login', { email: user.email.toUpperCase(), password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: user.id, role: 'buyer' });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sid='))!;
    expect(cookie).toMatch(/httponly/i);
    expect(cookie).toMatch(/samesite=lax/i);
    expect(cookie).not.toMatch(/secure/i);
    expect((await client.get('/api/auth/me')).body.email).toBe(user.email);
  });

  it('le jeton n’est jamais stocké en clair : la base ne garde que son empreinte', async () => {
    const user = await newAccount();
    const client = await app.client().login(user.email, PASSWORD);
    const token = client.cookie!.slice('sid='.length);
    const sessions = await app.orm.em.fork().find(SessionSchema, { user: user.id });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.id).not.toBe(token);
    expect(sessions[0]!.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('même réponse pour un mot de passe faux et un compte inconnu', async () => {
    const user = await newAccount();
    const wrong = await app.client().post('/api/auth/login', { email: user.email, password: 'pas-le-bon' });
    const unknown = await app.client().post('/api/auth/login', { email: 'personne@exemple.fr', password: 'pas-le-bon' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.title).toBe(unknown.body.title);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('un compte désactivé ne peut pas se connecter', async () => {
    const user = await newAccount({ active: false });
    expect((await app.client().post('/api/auth/login', { email: user.email, password: PASSWORD })).status).toBe(401);
  });

  it('la déconnexion ferme la session côté serveur (le vieux cookie ne sert plus)', async () => {
    const user = await newAccount();
    const client = await app.client().login(user.email, PASSWORD);
    const stolen = client.cookie!;
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const replay = await app.client().get('/api/auth/me', { headers: { cookie: stolen } });
    expect(replay.status).toBe(401);
  });

  it('une session expirée répond 401', async () => {
    const user = await newAccount();
    const client = await app.client().login(user.email, PASSWORD);
    await app.orm.em.fork().nativeUpdate(SessionSchema, { user: user.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('les sessions vivent dans PostgreSQL : une seconde instance de l’API reconnaît le cookie', async () => {
    const user = await newAccount();
    const client = await app.client().login(user.email, PASSWORD);
    const { createApp, createContainer } = await import('@app/api');
    const http = await import('node:http');
    const other = http.createServer(createApp(createContainer(app.config, app.orm)).callback());
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const port = (other.address() as { port: number }).port;
    const res = await fetch(`http://127.0.0.1:${port}/api/auth/me`, { headers: { cookie: client.cookie! } });
    other.close();
    expect(res.status).toBe(200);
  });
});

describe('limitation des tentatives', () => {
  it('bloque un compte après 5 échecs, même avec le bon mot de passe ensuite (429 + Retry-After)', async () => {
    const user = await newAccount();
    for (let i = 0; i < 5; i++) {
      expect((await app.client().post('/api/auth/login', { email: user.email, password: `faux-${i}` })).status).toBe(401);
    }
    const blocked = await app.client().post('/api/auth/login', { email: user.email, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_attempts');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
  });

  it('le blocage d’un compte n’empêche pas les autres comptes de se connecter', async () => {
    const victim = await newAccount();
    const other = await newAccount();
    for (let i = 0; i < 6; i++) await app.client().post('/api/auth/login', { email: victim.email, password: 'faux' });
    expect((await app.client().post('/api/auth/login', { email: other.email, password: PASSWORD })).status).toBe(200);
  });

  it('bloque une adresse IP qui essaie de nombreux comptes', async () => {
    const ipApp = await startTestApp();
    try {
      const user = await createUser(ipApp.orm, await createOrganisation(ipApp.orm, 'buyer'));
      // Through the web server's vouching header: the address is the browser's, as the web server saw it.
      const headers = { 'x-internal-token': 'test-internal-token', 'x-client-ip': '203.0.113.7' };
      for (let i = 0; i < 50; i++) {
        await ipApp.client().request('POST', '/api/auth/login', { body: { email: `inconnu${i}@exemple.fr`, password: 'x' }, headers });
      }
      const blocked = await ipApp.client().request('POST', '/api/auth/login', { body: { email: user.email, password: PASSWORD }, headers });
      expect(blocked.status).toBe(429);
      const fromElsewhere = await ipApp.client().request('POST', '/api/auth/login', {
        body: { email: user.email, password: PASSWORD }, headers: { ...headers, 'x-client-ip': '198.51.100.1' },
      });
      expect(fromElsewhere.status).toBe(200);
      // Without the internal token, a client cannot choose its address.
      const spoofed = await ipApp.client().request('POST', '/api/auth/login', {
        body: { email: user.email, password: PASSWORD }, headers: { 'x-client-ip': '198.51.100.2' },
      });
      expect(spoofed.status).toBe(200);
    } finally {
      await ipApp.close();
    }
  });
});

describe('cookie Secure derrière HTTPS', () => {
  it('COOKIE_SECURE=true pose Secure et HSTS', async () => {
    const secureApp = await startTestApp({ COOKIE_SECURE: 'true' });
    try {
      const user = await createUser(secureApp.orm, await createOrganisation(secureApp.orm, 'buyer'));
      const res = await secureApp.client().post('/api/auth/login', { email: user.email, password: PASSWORD });
      expect(res.headers.getSetCookie().find((c) => c.startsWith('sid='))).toMatch(/;\s*secure/i);
      expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    } finally {
      await secureApp.close();
    }
  });
});
