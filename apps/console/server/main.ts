// The console's server (started by the start command): the built console
// (dist/apps/console), the services' APIs under /api/<service>/ (so the browser
// talks to one origin), and the demo sign-in (/api/demo/users, /api/demo/login),
// which issues the seeded people's tokens with the demo identity provider's key.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { DEMO_USERS, demoPrivateKey, DemoApi, principalOf, SERVICE_NAMES, serviceUrls, type ServiceName } from '@devzone/demo';

const offset = Number(process.env['DEVZONE_PORT_OFFSET'] ?? 0);
const port = Number(process.env['CONSOLE_PORT'] ?? 3000 + offset);
const root = resolve(__dirname, '../../../dist/apps/console');
const urls = serviceUrls(offset);
const issuer = new DemoApi(urls, demoPrivateKey());
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json' };

const json = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function proxy(req: IncomingMessage, res: ServerResponse, service: ServiceName, path: string): Promise<void> {
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await bodyOf(req);
  const answer = await fetch(`${urls[service]}${path}`, {
    method: req.method,
    headers: { ...(req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {}), ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) },
    ...(body ? { body } : {}),
  });
  res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
}

function serveFile(res: ServerResponse, path: string): void {
  const file = normalize(join(root, path));
  const target = file.startsWith(root) && existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html'); // the app's own routes
  if (!existsSync(target)) return void res.writeHead(503).end('控制台尚未构建 (run npx nx build console)');
  res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' }).end(readFileSync(target));
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const handle = async () => {
    if (url.pathname === '/api/demo/users') return json(res, 200, DEMO_USERS.map(({ sub, name, role, title, zones }) => ({ sub, name, role, title, zones })));
    if (url.pathname === '/api/demo/login' && req.method === 'POST') {
      let sub: string | undefined;
      try {
        ({ sub } = JSON.parse((await bodyOf(req)).toString() || '{}') as { sub?: string });
      } catch {
        return json(res, 400, { message: '请求体应为 JSON：{"sub": "<演示用户>"} (the body must be JSON)' });
      }
      const user = DEMO_USERS.find((u) => u.sub === sub);
      if (!user) return json(res, 404, { message: `演示用户不存在：${sub}` });
      return json(res, 200, { token: issuer.token(user), user: { ...principalOf(user), title: user.title } });
    }
    const match = /^\/api\/([a-z-]+)(\/.*)$/.exec(url.pathname);
    if (match) {
      const service = match[1] as ServiceName;
      if (!SERVICE_NAMES.includes(service)) return json(res, 404, { message: `未知的服务：${match[1]}` });
      return proxy(req, res, service, `${match[2]}${url.search}`);
    }
    serveFile(res, url.pathname);
  };
  handle().catch((error: unknown) => json(res, 502, { message: `服务暂不可用 (${error instanceof Error ? error.message : String(error)})` }));
}).listen(port, '127.0.0.1', () => console.log(`[console] http://127.0.0.1:${port}`));
