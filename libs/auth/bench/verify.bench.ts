// `npm run bench:auth`: what verifying one access token costs a service, beside the way it was done
// before OpenID Connect (jsonwebtoken with one static key), in the same process. The JWKS is served by
// a local HTTP server and fetched once (the verifier caches it), as from Keycloak.
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { exportJWK } from 'jose';
import jwt from 'jsonwebtoken';
import { authConfigFromEnv, TEST_ISSUER, TokenVerifier } from '../src';

const N = Number(process.env['BENCH_TOKENS'] ?? 20_000);
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

/** One at a time (the latency of one), then 32 at once (what a busy service gets through: jose verifies on libuv's thread pool, off the event loop). */
async function measure(name: string, verify: () => unknown): Promise<string> {
  for (let i = 0; i < 500; i++) await verify(); // warm-up
  let started = performance.now();
  for (let i = 0; i < N; i++) await verify();
  const serialMs = performance.now() - started;
  started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next++ < N) await verify();
  }));
  const parallelMs = performance.now() - started;
  const perSecond = (ms: number) => Math.round((N / ms) * 1000).toLocaleString('en');
  return `| ${name} | ${((serialMs * 1000) / N).toFixed(1)} | ${perSecond(serialMs)} | ${perSecond(parallelMs)} |`;
}

async function main(): Promise<void> {
  const key = createPublicKey(publicKey);
  const jwk = { ...(await exportJWK(key)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url?.endsWith('/.well-known/openid-configuration')) return void res.end(JSON.stringify({ issuer: TEST_ISSUER, jwks_uri: `${base}/certs` }));
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const token = jwt.sign({ realm_access: { roles: ['zone-officer'] }, zones: ['SX-ZGQ'], name: '王芳', typ: 'Bearer' }, privateKey, { algorithm: 'RS256', keyid: 'k1', subject: 'u-1', issuer: TEST_ISSUER, audience: 'devzone-api', expiresIn: '1h' });
  const staticVerifier = new TokenVerifier(authConfigFromEnv({ JWT_PUBLIC_KEY: publicKey }));
  const jwksVerifier = new TokenVerifier({ ...authConfigFromEnv({ OIDC_ISSUER: TEST_ISSUER }), keys: { kind: 'oidc', discoveryUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, cooldownMs: 30_000 } });
  const rows = [
    await measure('before: jsonwebtoken.verify, static key (baseline)', () => jwt.verify(token, key, { algorithms: ['RS256'], issuer: TEST_ISSUER, audience: 'devzone-api' })),
    await measure('now, tests: TokenVerifier (jose), static key', () => staticVerifier.verify(token)),
    await measure('now, services: TokenVerifier (jose), JWKS by discovery', () => jwksVerifier.verify(token)),
  ];
  server.close();
  console.log(`## Access-token verification (npm run bench:auth) — ${new Date().toISOString().slice(0, 10)}, ${N.toLocaleString('en')} verifications each, RS256 2048, one process\n`);
  console.log('| verifier | µs each, one at a time | verifications/s, one at a time | verifications/s, 32 at once |\n|---|---:|---:|---:|');
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
