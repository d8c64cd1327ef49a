// The console's server (started by the start command): the built console (dist/apps/console),
// the services' APIs under /api/<service>/ (so the browser talks to one origin, with the signed-in
// person's access token added here), and the sign-in through the identity provider (sign-in.ts).
// DEVZONE_DEMO=true (set by `npm start` only) also lists the demo people on the sign-in page.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS, SERVICE_NAMES, serviceUrls, type ServiceName } from '@devzone/demo';
import { json, SignIn } from './sign-in';

const env = process.env;
const offset = Number(env['DEVZONE_PORT_OFFSET'] ?? 0);
const port = Number(env['CONSOLE_PORT'] ?? 3000 + offset);
const publicUrl = (env['CONSOLE_PUBLIC_URL'] ?? `http://127.0.0.1:${port}`).replace(/\/$/, '');
const demo = env['DEVZONE_DEMO'] === 'true';
const root = resolve(__dirname, '../../../dist/apps/console');
const urls = serviceUrls(offset);
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json' };

function required(name: string): string {
  const value = env[name];
  if (!value) {
    console.error(`[console] ${name} is not set: the console signs people in through the identity provider (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)`);
    process.exit(1);
  }
  return value;
}
const signIn = new SignIn({
  issuer: required('OIDC_ISSUER'),
  discoveryUrl: env['OIDC_DISCOVERY_URL'] || required('OIDC_ISSUER'),
  clientId: env['OIDC_CLIENT_ID'] || 'devzone-console',
  clientSecret: required('OIDC_CLIENT_SECRET'),
  publicUrl,
});

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A request to a service on the person's behalf: their access token added here, never seen by the browser. */
async function proxy(req: IncomingMessage, res: ServerResponse, service: ServiceName, path: string): Promise<void> {
  const reading = req.method === 'GET' || req.method === 'HEAD';
  const session = await signIn.session(req);
  // Without a session only the services' public routes answer (the set-password page); with one, a change needs the CSRF token.
  if (session && !reading && !signIn.csrfOk(req, session)) return json(res, 403, { message: '请求已失效，请刷新页面后重试 (CSRF token missing or wrong)' });
  const body = reading ? undefined : await bodyOf(req);
  const answer = await fetch(`${urls[service]}${path}`, {
    method: req.method,
    headers: { ...(req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {}), ...(session ? { authorization: `Bearer ${session.tokens.access_token}` } : {}) },
    ...(body ? { body } : {}),
  });
  // A file's answer (a workbook) keeps the name the service gives it.
  const disposition = answer.headers.get('content-disposition');
  res
    .writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json', 'cache-control': 'no-store', ...(disposition ? { 'content-disposition': disposition } : {}) })
    .end(Buffer.from(await answer.arrayBuffer()));
}

function serveFile(res: ServerResponse, path: string): void {
  const file = normalize(join(root, path));
  const target = file.startsWith(root) && existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html'); // the app's own routes
  if (!existsSync(target)) return void res.writeHead(503).end('控制台尚未构建 (run npx nx build console)');
  res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' }).end(readFileSync(target));
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', publicUrl);
  const handle = async () => {
    if (url.pathname === '/auth/login' && req.method === 'GET') return signIn.start(req, res, url);
    if (url.pathname === '/auth/callback' && req.method === 'GET') return signIn.callback(req, res);
    if (url.pathname === '/auth/me' && req.method === 'GET') return signIn.me(req, res);
    if (url.pathname === '/auth/logout' && req.method === 'POST') return signIn.logout(req, res);
    if (url.pathname === '/auth/demo-users' && req.method === 'GET') {
      if (!demo) return json(res, 404, { message: '未开启演示 (not a demo)' });
      return json(res, 200, { password: DEMO_PASSWORD, users: DEMO_USERS.map(({ username, name, role, title, zones }) => ({ username, name, role, title, zones })) });
    }
    const match = /^\/api\/([a-z-]+)(\/.*)$/.exec(url.pathname);
    if (match) {
      const service = match[1] as ServiceName;
      if (!SERVICE_NAMES.includes(service)) return json(res, 404, { message: `未知的服务：${match[1]}` });
      return proxy(req, res, service, `${match[2]}${url.search}`);
    }
    serveFile(res, url.pathname);
  };
  handle().catch((error: unknown) => {
    console.error(`[console] ${req.method} ${url.pathname}: ${error instanceof Error ? error.message : String(error)}`);
    if (!res.headersSent) json(res, 502, { message: '服务暂不可用，请稍后再试 (a service or the identity provider did not answer)' });
  });
});
server.listen(port, '127.0.0.1', () => console.log(`[console] ${publicUrl} (identity provider ${env['OIDC_ISSUER']}${demo ? '; demo people listed on the sign-in page' : ''})`));
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => (signIn.close(), server.close(() => process.exit(0))));
