import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse, Problem, User } from '@storelink/contracts';
import { createTestServer, type TestServer } from '@storelink/testing';
import { SESSION_TTL_MS } from './auth.service';

let t: TestServer;
let clock = new Date('2026-11-28T12:00:00.000Z');
beforeAll(async () => {
  t = await createTestServer({ now: () => clock });
});
afterAll(() => t.close());

async function createUser(username: string, role: 'admin' | 'operator' | 'auditor') {
  const res = await t.api.post<User>('/api/v1/users', { username, password: `${username}-secret-pw`, role });
  expect(res.status).toBe(201);
  return t.anonymous.as(await t.anonymous.login(username, `${username}-secret-pw`));
}

describe('auth', () => {
  it('logs in with a token that expires after 12 hours', async () => {
    const res = await t.anonymous.post<LoginResponse>('/api/v1/auth/login', {
      username: 'admin',
      password: 'admin-password-for-tests',
    });
    expect(res.status).toBe(200);
    expect(new Date(res.body.expiresAt).getTime() - clock.getTime()).toBe(SESSION_TTL_MS);
    const session = t.anonymous.as(res.body.token);
    expect((await session.get('/api/v1/stores')).status).toBe(200);
    clock = new Date(clock.getTime() + SESSION_TTL_MS + 1000);
    const expired = await session.get<Problem>('/api/v1/stores');
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('unauthorized');
    clock = new Date('2026-11-28T12:00:00.000Z');
  });

  it('refuses a wrong password and a missing token with unauthorized', async () => {
    const wrong = await t.anonymous.post<Problem>('/api/v1/auth/login', {
      username: 'admin',
      password: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'unauthorized', detail: 'Wrong username or password.' });
    const none = await t.anonymous.get<Problem>('/api/v1/stores');
    expect(none.status).toBe(401);
  });

  it('rate-limits after 10 failures a minute for one address and username, but not others', async () => {
    await createUser('victim', 'operator');
    for (let i = 0; i < 10; i += 1) {
      const res = await t.anonymous.post('/api/v1/auth/login', { username: 'victim', password: 'wrong' });
      expect(res.status).toBe(401);
    }
    const blocked = await t.anonymous.post<Problem>('/api/v1/auth/login', {
      username: 'victim',
      password: 'victim-secret-pw',
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('rate_limited');
    expect((await t.anonymous.login()).length).toBeGreaterThan(20);
    clock = new Date(clock.getTime() + 61_000);
    expect(await t.anonymous.login('victim', 'victim-secret-pw')).toBeTruthy();
    clock = new Date('2026-11-28T12:00:00.000Z');
  });

  it('lets an auditor read but not write, and keeps users admin-only', async () => {
    const auditor = await createUser('auditora', 'auditor');
    expect((await auditor.get('/api/v1/stores')).status).toBe(200);
    const write = await auditor.post<Problem>('/api/v1/stores', { code: 'AUD', name: 'Nope' });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('forbidden');
    const operator = await createUser('operadora', 'operator');
    expect((await operator.post('/api/v1/stores', { code: 'OPS', name: 'Ok' })).status).toBe(201);
    expect((await operator.get('/api/v1/users')).status).toBe(403);
  });

  it('stores passwords hashed with scrypt and never returns them', async () => {
    const row = await t.server.database.db
      .selectFrom('users')
      .select('passwordHash')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.passwordHash).not.toContain('admin-password-for-tests');
    const users = await t.api.get<{ items: User[] }>('/api/v1/users');
    expect(JSON.stringify(users.body)).not.toContain('scrypt');
  });
});
