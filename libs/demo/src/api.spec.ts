import { testKeyPair } from '@devzone/testing';
import { DemoApi, serviceUrls } from './api';
import { demoUser } from './users';

const expiry = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number }).exp;

describe('demo tokens', () => {
  afterEach(() => jest.useRealTimers());

  it('hands out the same token while it is valid, and a new one before it expires', () => {
    jest.useFakeTimers({ now: new Date('2026-11-28T08:00:00Z') });
    const api = new DemoApi(serviceUrls(0), testKeyPair().privateKey);
    const first = api.token(demoUser('sx-officer'));
    jest.setSystemTime(new Date('2026-11-28T19:00:00Z')); // 11 h later
    expect(api.token(demoUser('sx-officer'))).toBe(first);
    jest.setSystemTime(new Date('2026-11-28T19:59:30Z')); // 30 s before it expires
    const second = api.token(demoUser('sx-officer'));
    expect(second).not.toBe(first);
    expect(expiry(second)).toBe(expiry(first) + (11 * 3600 + 59 * 60 + 30));
  });
});
