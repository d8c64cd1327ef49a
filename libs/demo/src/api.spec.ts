import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testKeyPair } from '@devzone/testing';
import { DemoApi, serviceUrls, TestKeyTokens } from './api';
import { demoRealmUsers, demoUser } from './users';

const expiry = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number }).exp;

describe('demo tokens', () => {
  afterEach(() => jest.useRealTimers());

  it('hands out the same token while it is valid, and a new one before it expires', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-28T08:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const api = new DemoApi(serviceUrls(0), new TestKeyTokens(testKeyPair().privateKey));
    const first = await api.token(demoUser('sx-officer'));
    jest.setSystemTime(new Date('2026-11-28T19:00:00Z')); // 11 h later
    expect(await api.token(demoUser('sx-officer'))).toBe(first);
    jest.setSystemTime(new Date('2026-11-28T19:59:30Z')); // 30 s before it expires
    const second = await api.token(demoUser('sx-officer'));
    expect(second).not.toBe(first);
    expect(expiry(second)).toBe(expiry(first) + (11 * 3600 + 59 * 60 + 30));
  });
});

describe('the demo people in the identity provider', () => {
  it('deploy/keycloak/demo-users.json is made from libs/demo (regenerate: npm run -s demo:users)', () => {
    const file = JSON.parse(readFileSync(join(__dirname, '../../../deploy/keycloak/demo-users.json'), 'utf8'));
    expect(file).toEqual(demoRealmUsers());
  });
});
