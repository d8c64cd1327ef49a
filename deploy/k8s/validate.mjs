#!/usr/bin/env node
// Checks the deployment manifests without a cluster (deploy/k8s/validate.sh runs it):
//   - docker-compose.yml: every service present (the five, Kafka, PostgreSQL, the
//     mail catcher, Keycloak), each with a healthcheck and an environment, ports,
//     databases, identity provider (OIDC_*, IDP_*, the realm import) and SMTP
//     wiring as deploy/local;
//   - deploy/k8s/infra/*.yaml (Strimzi, CloudNativePG, Mailpit): parsed, and the
//     required fields of each kind, topics against libs/contracts, databases
//     against deploy/local/services.sh;
//   - the chart deploy/k8s/devzone: Chart.yaml, values.yaml (auth defaults as
//     libs/auth says), template references, no JWT_* key setting left;
//     with --rendered FILE (helm template output) every rendered object is checked
//     by kind; without, each template's static skeleton is (template actions
//     replaced by a placeholder) and the output says the chart was NOT rendered.
// Usage: node deploy/k8s/validate.mjs [--rendered FILE]... [--helm-version TEXT]
// (VALIDATE_SHOW_SKELETONS=1 prints the template skeletons that are checked without helm.)
// Exits 1 on any problem, after listing them all; prints one summary line.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const require = createRequire(join(root, 'package.json'));
const rel = (p) => relative(root, p);

// ---------------------------------------------------------------- YAML ----
// `yaml` (1.x or 2.x) or else `js-yaml`, whichever node_modules has; neither is
// a direct dependency, so both are tried.
function packageVersion(name) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}
let yamlLib = 'yaml';
let parseAll;
try {
  const YAML = require('yaml');
  parseAll = (text) => {
    const docs = YAML.parseAllDocuments(text, { merge: true, prettyErrors: true });
    const out = [];
    for (const doc of docs) {
      if (doc.errors && doc.errors.length) throw new Error(doc.errors[0].message.split('\n')[0].replace(/:$/, ''));
      out.push(doc.toJSON());
    }
    return out;
  };
  yamlLib = `yaml ${packageVersion('yaml')}`;
} catch {
  let jsyaml;
  try {
    jsyaml = require('js-yaml');
  } catch {
    console.error('[validate] FAILED: neither `yaml` nor `js-yaml` is in node_modules; add "yaml" to devDependencies');
    process.exit(1);
  }
  parseAll = (text) => {
    const out = [];
    try {
      jsyaml.loadAll(text, (doc) => out.push(doc));
    } catch (error) {
      throw new Error(String(error.message).split('\n')[0].replace(/:$/, ''));
    }
    return out;
  };
  yamlLib = `js-yaml ${packageVersion('js-yaml')}`;
}

// ------------------------------------------------------------ reporting ----
const problems = [];
const fail = (where, message) => problems.push(`${where}: ${message}`);
// Objects checked, per source (infra, chart) and kind, for the summary.
const counts = {};
const countKind = (source, kind) => {
  counts[source] ??= {};
  counts[source][kind] = (counts[source][kind] ?? 0) + 1;
};
const describe = (source) => {
  const kinds = Object.entries(counts[source] ?? {});
  const total = kinds.reduce((n, [, v]) => n + v, 0);
  return `${total} (${kinds.map(([k, v]) => `${v} ${k}`).join(', ')})`;
};

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const get = (obj, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
const nonEmptyString = (v) => typeof v === 'string' && v.trim() !== '';

// ------------------------------------------------------ what the code says ----
// Services, ports and databases: deploy/local/services.sh (the table compose and the chart repeat).
function expectedServices() {
  const text = readFileSync(join(root, 'deploy/local/services.sh'), 'utf8');
  // Rows read "name $((3001 + port_offset)) ${db_prefix}intake" (the default instance: offset 0, no prefix).
  const rows = [...text.matchAll(/^\s*"([a-z-]+) \$\(\((\d+) \+ port_offset\)\) \$\{db_prefix\}([a-z_]+)"\s*$/gm)].map((m) => ({ name: m[1], port: Number(m[2]), database: m[3] }));
  if (rows.length !== 5) fail('deploy/local/services.sh', `expected the table of five services, found ${rows.length}`);
  return rows;
}
// Topics: libs/contracts/src/topics.ts (Topics = {...}), each with its .dlq twin.
function expectedTopics() {
  const text = readFileSync(join(root, 'libs/contracts/src/topics.ts'), 'utf8');
  const block = /export const Topics = \{([\s\S]*?)\}/.exec(text);
  const topics = block ? [...block[1].matchAll(/:\s*'([^']+)'/g)].map((m) => m[1]) : [];
  const suffix = /DLQ_SUFFIX = '([^']+)'/.exec(text)?.[1] ?? '.dlq';
  if (!topics.length) fail('libs/contracts/src/topics.ts', 'no topics found in `export const Topics = {...}`');
  return { topics, dlqs: topics.map((t) => t + suffix), suffix };
}
// Environment names the deployment sets must still be read by the code.
function sourceFiles(dir, out = []) {
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (['node_modules', 'system-e2e', 'testing', 'bench', 'test'].includes(entry) || entry.startsWith('.')) continue;
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (p.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(p)) out.push(p);
  }
  return out;
}
const notes = [];
function checkEnvStillRead(names) {
  const text = [...sourceFiles(join(root, 'apps')), ...sourceFiles(join(root, 'libs'))].map((f) => readFileSync(f, 'utf8')).join('\n');
  const read = (name) => text.includes(`'${name}'`) || text.includes(`"${name}"`);
  for (const name of names) if (!read(name)) fail('apps/, libs/', `no code reads ${name} any more, yet the deployment sets it`);
  // The chart's migration Job relies on it; not a failure while the services only migrate at boot.
  if (!read('MIGRATE_ONLY')) notes.push('no service code reads MIGRATE_ONLY yet: install the chart with --set migrations.job.enabled=false until it does (deploy/k8s/README.md, Migrations)');
}

const HEALTH = { liveness: '/health', readiness: '/health/ready' };
const MEMORY_LIMIT_MAX = 192 * 1024 * 1024;
// libs/auth (tokens.ts, claims.ts): what every service's ConfigMap sets.
const OIDC_ENV = ['OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_ALGORITHMS', 'OIDC_MAX_TOKEN_AGE', 'OIDC_CLOCK_TOLERANCE', 'OIDC_TOKEN_TYPE', 'OIDC_CLAIM_ROLE', 'OIDC_CLAIM_ZONES', 'OIDC_CLAIM_DEPARTMENT', 'OIDC_CLAIM_CREDIT_CODE', 'OIDC_CLAIM_NAME', 'OIDC_CLAIM_EMAIL'];
const OIDC_OPTIONAL_ENV = ['OIDC_DISCOVERY_URL', 'OIDC_JWKS_URI'];
const SERVICE_ENV = ['DATABASE_URL', 'KAFKA_BROKERS', 'PORT', 'HOST', ...OIDC_ENV, 'LOG_LEVEL', 'KAFKA_TOPIC_PARTITIONS', 'KAFKA_REPLICATION_FACTOR'];
const SMTP_ENV = ['SMTP_HOST', 'SMTP_PORT', 'SMTP_FROM', 'SMTP_SECURE', 'SMTP_STARTTLS'];
// project-intake's accounts at the identity provider (apps/project-intake/src/accounts); the secret comes from a Secret.
const IDP_ENV = ['IDP_ADMIN_URL', 'IDP_REALM', 'IDP_ADMIN_CLIENT_ID', 'CONSOLE_PUBLIC_URL', 'INVITATION_TTL_HOURS'];
const IDP_SECRET_ENV = 'IDP_ADMIN_CLIENT_SECRET';
const ACCOUNTS_SERVICE = 'project-intake';
// The static-key settings libs/auth keeps for tests only (refused with NODE_ENV=production).
const STALE_AUTH = /\bJWT_[A-Z_]+|auth\.(publicKey|secretKey|existingSecret)\b|devzone\.jwtSecret|keys\.sh/;

function bytes(q) {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(String(q));
  if (!m) return NaN;
  const mult = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, k: 1e3, M: 1e6, G: 1e9, T: 1e12 }[m[2]] ?? 1;
  return Number(m[1]) * mult;
}
const cpuOk = (q) => /^(\d+(\.\d+)?|\d+m)$/.test(String(q));

// ------------------------------------------------------------- per kind ----
// ctx: { where, tpl (template skeleton: 'TPL' stands for any templated value), chart (object of the chart) }
const TPL = 'TPL';
const templated = (ctx, v) => ctx.tpl && typeof v === 'string' && v.includes(TPL);

function envList(container) {
  return Array.isArray(container.env) ? container.env : [];
}
function checkResources(where, res, ctx, { max } = {}) {
  if (!isObj(res)) return fail(where, 'resources missing');
  for (const path of ['requests.cpu', 'requests.memory', 'limits.memory']) {
    const v = get(res, path);
    if (v === undefined || v === null || v === '') fail(where, `resources.${path} missing`);
  }
  const req = get(res, 'requests.memory');
  const lim = get(res, 'limits.memory');
  if (templated(ctx, req) || templated(ctx, lim)) return; // values.yaml is checked for these
  if (req !== undefined && Number.isNaN(bytes(req))) fail(where, `resources.requests.memory ${req} is not a quantity`);
  if (lim !== undefined && Number.isNaN(bytes(lim))) fail(where, `resources.limits.memory ${lim} is not a quantity`);
  if (bytes(lim) < bytes(req)) fail(where, `memory limit ${lim} is below the request ${req}`);
  if (max && bytes(lim) > max) fail(where, `memory limit ${lim} exceeds 192Mi`);
  const cpu = get(res, 'requests.cpu');
  if (cpu !== undefined && !cpuOk(cpu)) fail(where, `resources.requests.cpu ${cpu} is not a quantity`);
}
function checkProbe(where, probe, name, path, ports) {
  if (!isObj(probe)) return fail(where, `${name} missing`);
  if (path === undefined) {
    if (!probe.httpGet && !probe.exec && !probe.tcpSocket && !probe.grpc) fail(where, `${name} has no handler`);
    return;
  }
  if (get(probe, 'httpGet.path') !== path) fail(where, `${name}.httpGet.path is ${JSON.stringify(get(probe, 'httpGet.path'))}, the service serves ${path}`);
  const port = get(probe, 'httpGet.port');
  if (port === undefined || (typeof port === 'string' && !ports.includes(port) && port !== TPL)) fail(where, `${name}.httpGet.port ${JSON.stringify(port)} is not a named container port`);
}
function checkPodSpec(where, podSpec, ctx, { devzone, job }) {
  const containers = podSpec?.containers;
  if (!Array.isArray(containers) || !containers.length) return fail(where, 'spec.template.spec.containers is empty');
  for (const c of containers) {
    const w = `${where} container ${c.name}`;
    if (!nonEmptyString(c.name)) fail(where, 'a container has no name');
    if (!nonEmptyString(c.image)) fail(w, 'image missing');
    else if (!ctx.tpl && !/:[^/]+$|@sha256:/.test(c.image)) fail(w, `image ${c.image} has no tag`);
    const ports = (c.ports ?? []).map((p) => p.name).filter(Boolean);
    checkResources(w, c.resources, ctx, { max: devzone ? MEMORY_LIMIT_MAX : undefined });
    if (!job) {
      checkProbe(w, c.readinessProbe, 'readinessProbe', devzone ? HEALTH.readiness : undefined, ports);
      checkProbe(w, c.livenessProbe, 'livenessProbe', devzone ? HEALTH.liveness : undefined, ports);
      if (devzone && c.startupProbe) checkProbe(w, c.startupProbe, 'startupProbe', HEALTH.liveness, ports);
    }
    if (devzone) {
      const env = envList(c);
      const names = env.map((e) => e.name);
      if (!names.includes('DATABASE_URL')) fail(w, 'no DATABASE_URL in env');
      for (const e of env) {
        const ref = e.valueFrom?.secretKeyRef;
        if (e.valueFrom && !ref && !e.valueFrom.configMapKeyRef && !e.valueFrom.fieldRef) fail(w, `env ${e.name} has an unknown valueFrom`);
        if (ref && (!nonEmptyString(ref.name) || !nonEmptyString(ref.key))) fail(w, `env ${e.name}: secretKeyRef needs name and key`);
      }
      const url = env.find((e) => e.name === 'DATABASE_URL');
      if (url && !templated(ctx, url.value)) {
        // $(VAR) references must name variables defined before it (Kubernetes expands only those).
        const before = names.slice(0, names.indexOf('DATABASE_URL'));
        for (const m of String(url.value ?? '').matchAll(/\$\(([A-Z_]+)\)/g)) if (!before.includes(m[1])) fail(w, `DATABASE_URL uses $(${m[1]}), which is not defined before it`);
        if (!/^postgres(ql)?:\/\//.test(String(url.value ?? ''))) fail(w, `DATABASE_URL ${url.value} is not a postgres:// URL`);
      }
      if (job) {
        if (env.find((e) => e.name === 'MIGRATE_ONLY')?.value !== 'true') fail(w, 'the migration Job must set MIGRATE_ONLY=true');
      } else {
        if (!(c.envFrom ?? []).some((e) => e.configMapRef?.name)) fail(w, 'envFrom has no configMapRef (the service settings)');
        for (const e of env) if (STALE_AUTH.test(String(e.name))) fail(w, `env ${e.name}: the services verify OIDC tokens (OIDC_* in the ConfigMap), not a static key`);
      }
    }
  }
}

const rules = {
  Deployment(doc, ctx) {
    const w = ctx.where;
    if (doc.apiVersion !== 'apps/v1') fail(w, `apiVersion ${doc.apiVersion}, expected apps/v1`);
    const match = get(doc, 'spec.selector.matchLabels');
    if (!isObj(match) || !Object.keys(match).length) fail(w, 'spec.selector.matchLabels missing');
    const labels = get(doc, 'spec.template.metadata.labels') ?? {};
    for (const [k, v] of Object.entries(match ?? {})) if (!(k in labels) || (!ctx.tpl && labels[k] !== v)) fail(w, `pod labels do not match selector ${k}=${v}`);
    checkPodSpec(w, get(doc, 'spec.template.spec'), ctx, { devzone: ctx.chart, job: false });
  },
  Job(doc, ctx) {
    const w = ctx.where;
    if (doc.apiVersion !== 'batch/v1') fail(w, `apiVersion ${doc.apiVersion}, expected batch/v1`);
    if (ctx.chart) {
      const hook = String(get(doc, 'metadata.annotations')?.['helm.sh/hook'] ?? '').split(',').map((s) => s.trim());
      for (const h of ['pre-install', 'pre-upgrade']) if (!hook.includes(h)) fail(w, `annotation helm.sh/hook lacks ${h} (has ${JSON.stringify(hook.join(','))})`);
      if (!get(doc, 'metadata.annotations')?.['helm.sh/hook-delete-policy']) fail(w, 'annotation helm.sh/hook-delete-policy missing');
    }
    const restart = get(doc, 'spec.template.spec.restartPolicy');
    if (!['Never', 'OnFailure'].includes(restart)) fail(w, `restartPolicy ${restart}, a Job needs Never or OnFailure`);
    if (get(doc, 'spec.backoffLimit') === undefined) fail(w, 'spec.backoffLimit missing');
    if (get(doc, 'spec.activeDeadlineSeconds') === undefined) fail(w, 'spec.activeDeadlineSeconds missing (a hook must not hang an install)');
    checkPodSpec(w, get(doc, 'spec.template.spec'), ctx, { devzone: ctx.chart, job: true });
  },
  Service(doc, ctx) {
    const w = ctx.where;
    if (doc.apiVersion !== 'v1') fail(w, `apiVersion ${doc.apiVersion}, expected v1`);
    const ports = get(doc, 'spec.ports');
    if (!Array.isArray(ports) || !ports.length) fail(w, 'spec.ports is empty');
    for (const p of ports ?? []) if (p.port === undefined) fail(w, 'a port has no port number');
    if (!isObj(get(doc, 'spec.selector')) || !Object.keys(get(doc, 'spec.selector')).length) fail(w, 'spec.selector missing');
  },
  ConfigMap(doc, ctx) {
    if (doc.apiVersion !== 'v1') fail(ctx.where, `apiVersion ${doc.apiVersion}, expected v1`);
    if (!isObj(doc.data)) return fail(ctx.where, 'data missing');
    for (const [k, v] of Object.entries(doc.data)) if (typeof v !== 'string') fail(ctx.where, `data.${k} is ${typeof v}, ConfigMap values must be strings`);
    if (ctx.chart) {
      for (const name of SERVICE_ENV.filter((n) => n !== 'DATABASE_URL')) if (!(name in doc.data)) fail(ctx.where, `data.${name} missing`);
      if (!nonEmptyString(doc.data.OIDC_ISSUER)) fail(ctx.where, 'data.OIDC_ISSUER is empty (the issuer of the access tokens)');
      for (const k of Object.keys(doc.data)) if (/^JWT_/.test(k)) fail(ctx.where, `data.${k}: a static-key setting (tests only); the services verify OIDC tokens`);
      for (const k of OIDC_ENV.concat(OIDC_OPTIONAL_ENV)) if (k in doc.data && !templated(ctx, doc.data[k]) && k !== 'OIDC_TOKEN_TYPE' && !nonEmptyString(doc.data[k])) fail(ctx.where, `data.${k} is empty`);
      const algorithms = doc.data.OIDC_ALGORITHMS;
      if (nonEmptyString(algorithms) && !templated(ctx, algorithms)) for (const a of algorithms.split(',')) if (!/^(RS|PS|ES)(256|384|512)$|^EdDSA$/.test(a.trim())) fail(ctx.where, `data.OIDC_ALGORITHMS names ${a}: libs/auth accepts only asymmetric algorithms`);
    }
  },
  Secret(doc, ctx) {
    if (doc.apiVersion !== 'v1') fail(ctx.where, `apiVersion ${doc.apiVersion}, expected v1`);
    if (!isObj(doc.data) && !isObj(doc.stringData)) fail(ctx.where, 'neither data nor stringData');
  },
  Kafka(doc, ctx) {
    const w = ctx.where;
    if (doc.apiVersion !== 'kafka.strimzi.io/v1beta2') fail(w, `apiVersion ${doc.apiVersion}, expected kafka.strimzi.io/v1beta2`);
    const ann = get(doc, 'metadata.annotations') ?? {};
    if (ann['strimzi.io/kraft'] !== 'enabled') fail(w, 'annotation strimzi.io/kraft: enabled missing');
    if (ann['strimzi.io/node-pools'] !== 'enabled') fail(w, 'annotation strimzi.io/node-pools: enabled missing');
    if (get(doc, 'spec.zookeeper')) fail(w, 'spec.zookeeper set in KRaft mode');
    const listeners = get(doc, 'spec.kafka.listeners');
    if (!Array.isArray(listeners) || !listeners.length) fail(w, 'spec.kafka.listeners is empty');
    if (!nonEmptyString(String(get(doc, 'spec.kafka.version') ?? ''))) fail(w, 'spec.kafka.version missing');
    if (!isObj(get(doc, 'spec.entityOperator.topicOperator'))) fail(w, 'spec.entityOperator.topicOperator missing (KafkaTopic resources need it)');
    const config = get(doc, 'spec.kafka.config') ?? {};
    if (String(config['min.insync.replicas']) !== '2') fail(w, 'config min.insync.replicas should be 2');
    if (String(config['auto.create.topics.enable']) !== 'false') fail(w, 'config auto.create.topics.enable should be false');
  },
  KafkaNodePool(doc, ctx) {
    const w = ctx.where;
    if (doc.apiVersion !== 'kafka.strimzi.io/v1beta2') fail(w, `apiVersion ${doc.apiVersion}, expected kafka.strimzi.io/v1beta2`);
    if (!nonEmptyString(get(doc, 'metadata.labels')?.['strimzi.io/cluster'])) fail(w, 'label strimzi.io/cluster missing');
    if (get(doc, 'spec.replicas') !== 3) fail(w, `spec.replicas is ${get(doc, 'spec.replicas')}, expected 3`);
    const roles = get(doc, 'spec.roles') ?? [];
    for (const r of ['controller', 'broker']) if (!roles.includes(r)) fail(w, `spec.roles lacks ${r}`);
    if (!isObj(get(doc, 'spec.storage'))) fail(w, 'spec.storage missing');
  },
  KafkaTopic(doc, ctx) {
    const w = ctx.where;
    if (doc.apiVersion !== 'kafka.strimzi.io/v1beta2') fail(w, `apiVersion ${doc.apiVersion}, expected kafka.strimzi.io/v1beta2`);
    if (!nonEmptyString(get(doc, 'metadata.labels')?.['strimzi.io/cluster'])) fail(w, 'label strimzi.io/cluster missing');
    if (get(doc, 'spec.partitions') !== 6) fail(w, `spec.partitions is ${get(doc, 'spec.partitions')}, expected 6`);
    if (get(doc, 'spec.replicas') !== 3) fail(w, `spec.replicas is ${get(doc, 'spec.replicas')}, expected 3`);
    if (String(get(doc, 'spec.config')?.['min.insync.replicas']) !== '2') fail(w, 'spec.config min.insync.replicas should be 2');
  },
  Cluster(doc, ctx) {
    const w = ctx.where;
    if (doc.apiVersion !== 'postgresql.cnpg.io/v1') fail(w, `apiVersion ${doc.apiVersion}, expected postgresql.cnpg.io/v1`);
    if (get(doc, 'spec.instances') !== 3) fail(w, `spec.instances is ${get(doc, 'spec.instances')}, expected 3`);
    if (!get(doc, 'spec.storage.size')) fail(w, 'spec.storage.size missing');
    if (!nonEmptyString(get(doc, 'spec.bootstrap.initdb.database'))) fail(w, 'spec.bootstrap.initdb.database missing');
  },
  Database(doc, ctx) {
    const w = ctx.where;
    if (doc.apiVersion !== 'postgresql.cnpg.io/v1') fail(w, `apiVersion ${doc.apiVersion}, expected postgresql.cnpg.io/v1`);
    for (const p of ['spec.name', 'spec.owner', 'spec.cluster.name']) if (!nonEmptyString(get(doc, p))) fail(w, `${p} missing`);
  },
};

function checkManifest(doc, ctx) {
  if (!isObj(doc)) return fail(ctx.where, 'is not a mapping');
  const name = get(doc, 'metadata.name');
  ctx.where = `${ctx.file}: ${doc.kind ?? '?'} ${name ?? '?'}`;
  if (!nonEmptyString(doc.apiVersion)) fail(ctx.where, 'apiVersion missing');
  if (!nonEmptyString(doc.kind)) return fail(ctx.where, 'kind missing');
  if (!nonEmptyString(name)) fail(ctx.where, 'metadata.name missing');
  else if (!ctx.tpl && !/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(name)) fail(ctx.where, 'metadata.name is not a DNS-1123 name');
  countKind(ctx.chart ? 'chart' : 'infra', doc.kind);
  const rule = rules[doc.kind];
  if (rule) rule(doc, ctx);
  else fail(ctx.where, `no checks for kind ${doc.kind}: add them to deploy/k8s/validate.mjs`);
}

function parseFile(file, text) {
  try {
    return parseAll(text ?? readFileSync(file, 'utf8')).filter((d) => d !== null && d !== undefined);
  } catch (error) {
    fail(rel(file) + (text === undefined ? '' : ' (skeleton)'), `not valid YAML: ${error.message}`);
    return [];
  }
}

// ------------------------------------------------------------ compose ----
function checkCompose(services) {
  const file = join(root, 'docker-compose.yml');
  const [compose] = parseFile(file);
  if (!compose) return 0;
  const w = 'docker-compose.yml';
  const svc = compose.services ?? {};
  const mail = Object.keys(svc).find((n) => /mailpit|mailhog|smtp4dev|maildev/.test(String(svc[n].image ?? '')));
  for (const need of ['kafka', 'postgres', ...services.map((s) => s.name)]) if (!svc[need]) fail(w, `service ${need} missing`);
  if (!mail) fail(w, 'no mail catcher service (e.g. image axllent/mailpit)');
  for (const [name, s] of Object.entries(svc)) {
    if (!s.image && !s.build) fail(w, `${name}: neither image nor build`);
    const test = get(s, 'healthcheck.test');
    if (!test || (Array.isArray(test) && !test.length)) fail(w, `${name}: no healthcheck`);
    const env = s.environment;
    if (!env || (isObj(env) && !Object.keys(env).length) || (Array.isArray(env) && !env.length)) fail(w, `${name}: no environment`);
  }
  const envOf = (s) => (Array.isArray(s.environment) ? Object.fromEntries(s.environment.map((e) => e.split(/=(.*)/s).slice(0, 2))) : s.environment ?? {});
  const idp = checkComposeKeycloak(w, svc, envOf);
  for (const { name, port, database } of services) {
    const s = svc[name];
    if (!s) continue;
    const env = envOf(s);
    if (String(env.PORT) !== String(port)) fail(w, `${name}: PORT ${env.PORT}, deploy/local says ${port}`);
    if (!(s.ports ?? []).some((p) => String(p).endsWith(`:${port}:${port}`) || String(p) === `${port}:${port}`)) fail(w, `${name}: port ${port} not published`);
    if (!String(env.DATABASE_URL ?? '').endsWith(`/${database}`)) fail(w, `${name}: DATABASE_URL ${env.DATABASE_URL} is not database ${database}`);
    if (!env.KAFKA_BROKERS) fail(w, `${name}: KAFKA_BROKERS missing`);
    if (!JSON.stringify(get(s, 'healthcheck.test') ?? '').includes(HEALTH.readiness)) fail(w, `${name}: the healthcheck does not ask ${HEALTH.readiness}`);
    checkComposeAuth(w, name, s, env, idp);
  }
  if (svc[ACCOUNTS_SERVICE]) checkComposeAccounts(w, svc[ACCOUNTS_SERVICE], envOf(svc[ACCOUNTS_SERVICE]), idp);
  if (compose.secrets) for (const name of Object.keys(compose.secrets)) if (/jwt/i.test(name)) fail(w, `top-level secret ${name}: the services verify OIDC tokens, no key file is needed`);
  const notif = svc.notifications;
  if (notif && mail) {
    const env = envOf(notif);
    if (env.SMTP_HOST !== mail) fail(w, `notifications: SMTP_HOST ${env.SMTP_HOST}, expected the mail catcher ${mail}`);
    if (String(env.SMTP_PORT) !== '1025') fail(w, `notifications: SMTP_PORT ${env.SMTP_PORT}, expected 1025`);
    if (!get(notif, `depends_on.${mail}`)) fail(w, `notifications: does not depend on ${mail}`);
    const ports = (svc[mail].ports ?? []).map(String);
    for (const p of [1025, 8025]) if (!ports.some((x) => x.endsWith(`:${p}`) || x === String(p))) fail(w, `${mail}: port ${p} not published`);
  }
  return Object.keys(svc).length;
}

// Keycloak as deploy/keycloak describes it: the realm and the demo people imported
// at the first start (the files' ${...} placeholders from its environment), the
// issuer pinned to the host's address, health on the management port.
function checkComposeKeycloak(w, svc, envOf) {
  const name = Object.keys(svc).find((n) => /(^|\/)keycloak(\/keycloak)?(:|$)/.test(String(svc[n].image ?? '')));
  if (!name) {
    fail(w, 'no Keycloak service (image quay.io/keycloak/keycloak): the identity provider');
    return undefined;
  }
  const s = svc[name];
  const env = envOf(s);
  const command = (Array.isArray(s.command) ? s.command : String(s.command ?? '').split(/\s+/)).map(String);
  const option = (flag) => {
    const i = command.findIndex((c) => c === flag || c.startsWith(`${flag}=`));
    return i < 0 ? undefined : command[i].includes('=') ? command[i].slice(flag.length + 1) : command[i + 1];
  };
  if (!command.includes('--import-realm')) fail(w, `${name}: command lacks --import-realm (deploy/keycloak is imported at the first start)`);
  const realm = env.DEVZONE_REALM;
  if (!nonEmptyString(realm)) fail(w, `${name}: DEVZONE_REALM missing (the realm files' \${DEVZONE_REALM})`);
  // Placeholders of the realm files must all have a value in Keycloak's environment.
  const mounts = (s.volumes ?? []).map((v) => (typeof v === 'string' ? v.split(':') : [v.source, v.target]));
  for (const [file, target] of [['realm.json', `${realm}-realm.json`], ['demo-users.json', `${realm}-users-0.json`]]) {
    const host = `deploy/keycloak/${file}`;
    const mount = mounts.find(([src]) => String(src).replace(/^\.\//, '') === host);
    if (!mount) { fail(w, `${name}: ${host} is not mounted`); continue; }
    if (mount[1] !== `/opt/keycloak/data/import/${target}`) fail(w, `${name}: ${host} is mounted at ${mount[1]}, --import-realm reads /opt/keycloak/data/import/${target} (<realm>-realm.json, <realm>-users-N.json)`);
    if (!existsSync(join(root, host))) { fail(w, `${name}: ${host} does not exist`); continue; }
    const placeholders = new Set([...readFileSync(join(root, host), 'utf8').matchAll(/\$\{([A-Z_][A-Z0-9_]*)(?::[^}]*)?\}/g)].map((m) => m[1]));
    for (const p of placeholders) if (!nonEmptyString(String(env[p] ?? ''))) fail(w, `${name}: ${host} needs \${${p}}, which its environment does not set`);
  }
  const hostname = String(option('--hostname') ?? '').replace(/\/$/, '');
  if (!/^https?:\/\//.test(hostname)) fail(w, `${name}: --hostname should be the full URL the host uses (it fixes the tokens' iss)`);
  const httpPort = String(option('--http-port') ?? '8080');
  const published = (s.ports ?? []).map(String).find((p) => p.endsWith(`:${httpPort}`));
  if (!published) fail(w, `${name}: port ${httpPort} not published`);
  else if (hostname && !hostname.endsWith(`:${published.split(':').slice(-2, -1)[0]}`)) fail(w, `${name}: --hostname ${hostname} is not the published port ${published}`);
  if (String(env.KC_HEALTH_ENABLED) !== 'true') fail(w, `${name}: KC_HEALTH_ENABLED is not true (its healthcheck asks /health/ready)`);
  if (!JSON.stringify(get(s, 'healthcheck.test') ?? '').includes('/health/ready')) fail(w, `${name}: the healthcheck does not ask /health/ready`);
  return { name, env, realm, issuer: hostname && realm ? `${hostname}/realms/${realm}` : undefined, internal: `http://${name}:${httpPort}` };
}

function checkComposeAuth(w, name, s, env, idp) {
  for (const k of Object.keys(env)) if (STALE_AUTH.test(k)) fail(w, `${name}: ${k} is a static-key setting (tests only): the services verify OIDC tokens`);
  if (!nonEmptyString(String(env.OIDC_ISSUER ?? ''))) return fail(w, `${name}: OIDC_ISSUER missing`);
  if (!idp) return;
  if (idp.issuer && env.OIDC_ISSUER !== idp.issuer) fail(w, `${name}: OIDC_ISSUER ${env.OIDC_ISSUER}, Keycloak issues ${idp.issuer} (--hostname + /realms/ + DEVZONE_REALM)`);
  if (env.OIDC_DISCOVERY_URL !== undefined && env.OIDC_DISCOVERY_URL !== `${idp.internal}/realms/${idp.realm}`) fail(w, `${name}: OIDC_DISCOVERY_URL ${env.OIDC_DISCOVERY_URL}, the containers reach the realm at ${idp.internal}/realms/${idp.realm}`);
  if (get(s, `depends_on.${idp.name}.condition`) !== 'service_healthy') fail(w, `${name}: does not depend on ${idp.name} being healthy`);
}

function checkComposeAccounts(w, s, env, idp) {
  const name = ACCOUNTS_SERVICE;
  for (const k of [...IDP_ENV, IDP_SECRET_ENV]) if (!nonEmptyString(String(env[k] ?? ''))) fail(w, `${name}: ${k} missing (accounts at the identity provider)`);
  if (!idp) return;
  if (env.IDP_ADMIN_URL && env.IDP_ADMIN_URL.replace(/\/$/, '') !== idp.internal) fail(w, `${name}: IDP_ADMIN_URL ${env.IDP_ADMIN_URL}, Keycloak is ${idp.internal} from the containers`);
  if (env.IDP_REALM && env.IDP_REALM !== idp.realm) fail(w, `${name}: IDP_REALM ${env.IDP_REALM}, Keycloak imports ${idp.realm}`);
  if (env[IDP_SECRET_ENV] !== idp.env.IDP_ADMIN_CLIENT_SECRET) fail(w, `${name}: ${IDP_SECRET_ENV} is not Keycloak's IDP_ADMIN_CLIENT_SECRET (the realm's devzone-admin client)`);
  if (env.CONSOLE_PUBLIC_URL && idp.env.CONSOLE_URL && env.CONSOLE_PUBLIC_URL.replace(/\/$/, '') !== String(idp.env.CONSOLE_URL).replace(/\/$/, '')) fail(w, `${name}: CONSOLE_PUBLIC_URL ${env.CONSOLE_PUBLIC_URL}, the realm lets the console sign in at ${idp.env.CONSOLE_URL}`);
}

// --------------------------------------------------------------- infra ----
function checkInfra(services, topics) {
  const dir = join(here, 'infra');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  if (!files.length) fail('deploy/k8s/infra', 'no manifests');
  const all = [];
  for (const f of files) {
    const file = join(dir, f);
    for (const doc of parseFile(file)) {
      checkManifest(doc, { file: rel(file), tpl: false, chart: false });
      all.push(doc);
    }
  }
  const of = (kind) => all.filter((d) => d?.kind === kind);
  const w = 'deploy/k8s/infra';
  // Strimzi
  const kafkas = of('Kafka');
  if (kafkas.length !== 1) fail(w, `expected one Kafka, found ${kafkas.length}`);
  const kafkaNames = kafkas.map((k) => k.metadata?.name);
  const pools = of('KafkaNodePool');
  if (!pools.length) fail(w, 'no KafkaNodePool');
  for (const r of [...pools, ...of('KafkaTopic')]) {
    const c = r.metadata?.labels?.['strimzi.io/cluster'];
    if (c && !kafkaNames.includes(c)) fail(w, `${r.kind} ${r.metadata?.name}: strimzi.io/cluster ${c} is no Kafka here`);
  }
  const topicNames = of('KafkaTopic').map((t) => t.spec?.topicName ?? t.metadata?.name);
  const wanted = [...topics.topics, ...topics.dlqs];
  for (const t of wanted) if (!topicNames.includes(t)) fail(w, `no KafkaTopic for ${t} (libs/contracts)`);
  for (const t of topicNames) if (!wanted.includes(t)) fail(w, `KafkaTopic ${t} is no topic of libs/contracts`);
  for (const t of of('KafkaTopic')) {
    const name = t.spec?.topicName ?? t.metadata?.name;
    if (name?.endsWith(topics.suffix) && !t.spec?.config?.['retention.ms']) fail(w, `KafkaTopic ${name}: dead letters need retention.ms (30 days, as libs/messaging provisions them)`);
  }
  // CloudNativePG
  const clusters = of('Cluster');
  if (clusters.length !== 1) fail(w, `expected one CloudNativePG Cluster, found ${clusters.length}`);
  const cluster = clusters[0];
  const databases = new Map();
  if (cluster) {
    const initdb = cluster.spec?.bootstrap?.initdb ?? {};
    if (initdb.database) databases.set(initdb.database, { owner: initdb.owner ?? 'app', secret: initdb.secret?.name });
    for (const sql of [...(initdb.postInitSQL ?? []), ...(initdb.postInitApplicationSQL ?? [])]) {
      for (const m of String(sql).matchAll(/create\s+database\s+"?([a-z_][a-z0-9_]*)"?(?:\s+owner\s+"?([a-z_][a-z0-9_]*)"?)?/gi)) databases.set(m[1], { owner: m[2] });
    }
  }
  const roles = new Map((cluster?.spec?.managed?.roles ?? []).map((r) => [r.name, r]));
  for (const d of of('Database')) {
    if (d.spec?.cluster?.name !== cluster?.metadata?.name) fail(w, `Database ${d.metadata?.name}: cluster ${d.spec?.cluster?.name} is not ${cluster?.metadata?.name}`);
    if (databases.has(d.spec?.name)) fail(w, `database ${d.spec?.name} is made twice`);
    databases.set(d.spec?.name, { owner: d.spec?.owner, secret: roles.get(d.spec?.owner)?.passwordSecret?.name });
    if (!roles.has(d.spec?.owner)) fail(w, `Database ${d.spec?.name}: owner ${d.spec?.owner} is not a managed role of the Cluster`);
  }
  for (const { database } of services) if (!databases.has(database)) fail(w, `no database ${database} (deploy/local/services.sh)`);
  for (const name of databases.keys()) if (!services.some((s) => s.database === name)) fail(w, `database ${name} belongs to no service`);
  for (const r of roles.values()) if (r.login !== true || !r.passwordSecret?.name) fail(w, `managed role ${r.name}: needs login: true and a passwordSecret`);
  return { all, kafka: kafkas[0], cluster, databases };
}

// --------------------------------------------------------------- chart ----
function checkChartStatic(services, infra) {
  const dir = join(here, 'devzone');
  const w = 'deploy/k8s/devzone';
  const [chart] = parseFile(join(dir, 'Chart.yaml'));
  if (!chart) return {};
  if (chart.apiVersion !== 'v2') fail(`${w}/Chart.yaml`, 'apiVersion should be v2');
  if (!nonEmptyString(chart.name)) fail(`${w}/Chart.yaml`, 'name missing');
  if (!/^\d+\.\d+\.\d+/.test(String(chart.version ?? ''))) fail(`${w}/Chart.yaml`, `version ${chart.version} is not SemVer`);
  if (!chart.appVersion) fail(`${w}/Chart.yaml`, 'appVersion missing');

  const [values] = parseFile(join(dir, 'values.yaml'));
  if (!values) return { chart };
  const vw = `${w}/values.yaml`;
  for (const p of ['image.repository', 'kafka.brokers', 'database.host', 'database.credentialsSecretPrefix', 'smtp.host', 'auth.audience', 'identityProvider.realm', 'identityProvider.adminClientId']) if (!nonEmptyString(String(get(values, p) ?? ''))) fail(vw, `${p} missing`);
  checkAuthValues(vw, values);
  if (!Number.isInteger(get(values, 'smtp.port'))) fail(vw, 'smtp.port is not a number');
  if (typeof get(values, 'migrations.job.enabled') !== 'boolean') fail(vw, 'migrations.job.enabled is not a boolean');
  if (get(values, 'kafka.replicationFactor') !== 3) fail(vw, 'kafka.replicationFactor should be 3 (the KafkaTopics have 3 replicas)');
  const vs = values.services ?? {};
  for (const { name, port, database } of services) {
    const s = vs[name];
    if (!s) { fail(vw, `services.${name} missing`); continue; }
    const sw = `${vw} services.${name}`;
    if (s.port !== port) fail(sw, `port ${s.port}, deploy/local says ${port}`);
    if (s.database !== database) fail(sw, `database ${s.database}, deploy/local says ${database}`);
    if (typeof s.enabled !== 'boolean') fail(sw, 'enabled is not a boolean');
    if (!Number.isInteger(s.replicas) || s.replicas < 1) fail(sw, 'replicas must be a whole number >= 1');
    if (!isObj(s.env) && s.env !== undefined) fail(sw, 'env must be a mapping');
    for (const [k, v] of Object.entries(s.env ?? {})) if (typeof v !== 'string') fail(sw, `env.${k} must be a string (quote it)`);
    checkResources(sw, s.resources, { tpl: false }, { max: MEMORY_LIMIT_MAX });
    if (!get(s, 'resources.limits.cpu')) fail(sw, 'resources.limits.cpu missing');
  }
  for (const name of Object.keys(vs)) if (!services.some((s) => s.name === name)) fail(vw, `services.${name} is no service of deploy/local/services.sh`);
  if (!Object.values(vs).some((s) => s.smtp === true) || vs.notifications?.smtp !== true) fail(vw, 'services.notifications.smtp must be true (SMTP_* settings)');
  for (const [name, s] of Object.entries(vs)) if ((s.identityProvider === true) !== (name === ACCOUNTS_SERVICE)) fail(vw, `services.${name}.identityProvider must be ${name === ACCOUNTS_SERVICE} (only ${ACCOUNTS_SERVICE} creates accounts: IDP_*)`);

  // The defaults point at what infra/ creates.
  if (infra.kafka) {
    const listener = (get(infra.kafka, 'spec.kafka.listeners') ?? []).find((l) => l.tls === false);
    const bootstrap = `${infra.kafka.metadata.name}-kafka-bootstrap:${listener?.port}`;
    if (!String(values.kafka?.brokers ?? '').split(',').includes(bootstrap)) fail(vw, `kafka.brokers ${values.kafka?.brokers} is not the Strimzi bootstrap ${bootstrap}`);
  }
  if (infra.cluster) {
    const rw = `${infra.cluster.metadata.name}-rw`;
    if (values.database?.host !== rw) fail(vw, `database.host ${values.database?.host} is not the CloudNativePG service ${rw}`);
    for (const { database } of services) {
      const secret = infra.databases.get(database)?.secret;
      const expected = `${values.database?.credentialsSecretPrefix}${database}`;
      if (secret && secret !== expected) fail(vw, `credentials of ${database}: the chart reads Secret ${expected}, the Cluster uses ${secret}`);
    }
  }

  // Template references: every .Values path exists, every $svc/.svc path exists in each service, every include is defined.
  const tdir = join(dir, 'templates');
  const tfiles = readdirSync(tdir).sort();
  const texts = Object.fromEntries(tfiles.map((f) => [f, readFileSync(join(tdir, f), 'utf8')]));
  const defines = {};
  for (const text of Object.values(texts)) Object.assign(defines, findDefines(text));
  for (const [f, text] of Object.entries(texts)) {
    const tw = `${w}/templates/${f}`;
    const opens = (text.match(/\{\{/g) ?? []).length;
    const closes = (text.match(/\}\}/g) ?? []).length;
    if (opens !== closes) fail(tw, `${opens} "{{" but ${closes} "}}"`);
    for (const m of text.matchAll(/\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)) {
      const path = m[1].slice(1);
      let node = values;
      for (const key of path.split('.')) {
        if (!isObj(node) || !Object.prototype.hasOwnProperty.call(node, key)) { fail(tw, `.Values.${path} is not in values.yaml`); break; }
        node = node[key];
      }
    }
    for (const m of text.matchAll(/(?:\$svc|\.svc)((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)) {
      const path = m[1].slice(1);
      for (const [name, s] of Object.entries(vs)) if (get(s, path) === undefined) fail(tw, `${m[0]}: services.${name}.${path} is not in values.yaml`);
    }
    for (const m of text.matchAll(/\b(?:include|template)\s+"([^"]+)"/g)) if (!(m[1] in defines)) fail(tw, `include "${m[1]}" is defined nowhere`);
    const stale = STALE_AUTH.exec(text);
    if (stale) fail(tw, `${stale[0]}: the static JWT key is gone (tests only); the services verify OIDC tokens`);
  }
  const stale = STALE_AUTH.exec(readFileSync(join(dir, 'values.yaml'), 'utf8'));
  if (stale) fail(vw, `${stale[0]}: the static JWT key is gone (tests only); the services verify OIDC tokens`);
  // No issuer that pretends to work: the ConfigMap fails the render without one.
  if (!/OIDC_ISSUER:\s*\{\{-?\s*required\s+"[^"]+"\s+\$\.Values\.auth\.issuer\b/.test(texts['configmap.yaml'] ?? '')) fail(`${w}/templates/configmap.yaml`, 'OIDC_ISSUER must be {{ required "..." $.Values.auth.issuer }}');
  return { chart, values, texts, defines };
}

// auth: no default issuer (required at install), defaults as libs/auth's own
// (DEFAULT_AUDIENCE, DEFAULT_CLAIMS), asymmetric algorithms only.
function checkAuthValues(vw, values) {
  const auth = values.auth ?? {};
  if (auth.issuer !== '' && auth.issuer !== undefined && auth.issuer !== null) fail(vw, `auth.issuer defaults to ${JSON.stringify(auth.issuer)}: leave it "" (required at install; no issuer works everywhere)`);
  const tokens = readFileSync(join(root, 'libs/auth/src/tokens.ts'), 'utf8');
  const audience = /DEFAULT_AUDIENCE = '([^']+)'/.exec(tokens)?.[1];
  if (!audience) fail('libs/auth/src/tokens.ts', 'DEFAULT_AUDIENCE not found');
  else if (auth.audience !== audience) fail(vw, `auth.audience ${auth.audience}, libs/auth's default is ${audience}`);
  const claimsTs = readFileSync(join(root, 'libs/auth/src/claims.ts'), 'utf8');
  const block = /export const DEFAULT_CLAIMS: ClaimNames = \{([\s\S]*?)\}/.exec(claimsTs);
  const defaults = block ? Object.fromEntries([...block[1].matchAll(/(\w+):\s*'([^']+)'/g)].map((m) => [m[1], m[2]])) : {};
  if (!Object.keys(defaults).length) fail('libs/auth/src/claims.ts', 'DEFAULT_CLAIMS not found');
  for (const [k, v] of Object.entries(defaults)) if (get(auth, `claims.${k}`) !== v) fail(vw, `auth.claims.${k} ${get(auth, `claims.${k}`)}, libs/auth's default is ${v}`);
  for (const k of Object.keys(auth.claims ?? {})) if (!(k in defaults)) fail(vw, `auth.claims.${k} is no claim name of libs/auth (ClaimNames)`);
  const algorithms = Array.isArray(auth.algorithms) ? auth.algorithms : String(auth.algorithms ?? '').split(',');
  if (!algorithms.length || algorithms.some((a) => !/^(RS|PS|ES)(256|384|512)$|^EdDSA$/.test(String(a).trim()))) fail(vw, `auth.algorithms ${JSON.stringify(auth.algorithms)}: asymmetric algorithms only (libs/auth refuses others)`);
  for (const k of ['maxTokenAge', 'clockTolerance']) if (!Number.isInteger(auth[k]) || auth[k] < 0) fail(vw, `auth.${k} must be a whole number of seconds`);
}

// The named templates of a file: {{ define "x" }} ... its matching {{ end }}.
function findDefines(text) {
  const found = {};
  const stack = [];
  for (const m of text.matchAll(/\{\{-?\s*([\s\S]*?)\s*-?\}\}/g)) {
    const a = m[1];
    if (a.startsWith('/*')) continue;
    const def = /^define\s+"([^"]+)"/.exec(a);
    if (def || /^(if|range|with|block)\b/.test(a)) stack.push(def ? { name: def[1], start: m.index + m[0].length } : {});
    else if (/^end\b/.test(a)) {
      const top = stack.pop();
      if (top?.name) found[top.name] = text.slice(top.start, m.index);
    }
  }
  return found;
}

// A template's static skeleton: control actions dropped (only the first branch
// of an if/else kept), `include ... | nindent N` lines replaced by the named
// template's skeleton, other actions by the placeholder TPL.
function skeleton(text, defines, where, depth = 0) {
  if (depth > 5) throw new Error('includes nested too deeply');
  text = text.replace(/\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g, '');
  const out = [];
  const stack = []; // { skipping }
  const skipping = () => stack.some((s) => s.skipping);
  for (const line of text.split('\n')) {
    const actions = [...line.matchAll(/\{\{-?\s*([\s\S]*?)\s*-?\}\}/g)].map((m) => m[1]);
    const rest = line.replace(/\{\{-?[\s\S]*?-?\}\}/g, '').trim();
    if (actions.length && rest === '') {
      for (const a of actions) {
        if (/^(if|range|with|define|block)\b/.test(a)) stack.push({ skipping: false });
        else if (/^else\b/.test(a)) { if (!stack.length) throw new Error(`${where}: else without if`); stack[stack.length - 1].skipping = true; }
        else if (/^end\b/.test(a)) { if (!stack.pop()) throw new Error(`${where}: end without a block`); }
        else if (!skipping()) {
          const inc = /^include\s+"([^"]+)".*\|\s*n?indent\s+(\d+)\s*$/.exec(a);
          if (inc) {
            const body = defines[inc[1]];
            if (body === undefined) throw new Error(`${where}: include "${inc[1]}" is defined nowhere`);
            const pad = ' '.repeat(Number(inc[2]));
            for (const l of skeleton(body, defines, where, depth + 1).split('\n')) if (l.trim()) out.push(pad + l);
          }
          // toYaml ... | nindent N and the like: left out (their key stays, empty).
        }
      }
      continue;
    }
    if (actions.some((a) => /^(if|range|with|define|block|else|end)\b/.test(a))) throw new Error(`${where}: keep control actions on lines of their own (line: ${line.trim()})`);
    if (!skipping()) out.push(line.replace(/\{\{-?[\s\S]*?-?\}\}/g, TPL));
  }
  if (stack.length) throw new Error(`${where}: ${stack.length} block(s) not closed with end`);
  return out.join('\n');
}

function checkChartSkeletons(statics) {
  const kinds = new Set();
  for (const [f, text] of Object.entries(statics.texts ?? {})) {
    if (!/\.ya?ml$/.test(f)) continue;
    const file = `deploy/k8s/devzone/templates/${f}`;
    let skel;
    try {
      skel = skeleton(text, statics.defines, file);
    } catch (error) {
      fail(file, error.message);
      continue;
    }
    if (process.env['VALIDATE_SHOW_SKELETONS']) console.error(`--- ${file} (skeleton)\n${skel}`);
    for (const doc of parseFile(join(here, 'devzone/templates', f), skel)) {
      checkManifest(doc, { file: `${file} (skeleton)`, tpl: true, chart: true });
      kinds.add(doc.kind);
    }
  }
  for (const k of ['Deployment', 'Service', 'ConfigMap', 'Job']) if (!kinds.has(k)) fail('deploy/k8s/devzone/templates', `no ${k} template`);
}

function checkRendered(files, services, values) {
  for (const file of files) {
    const docs = parseFile(file);
    const w = rel(file).startsWith('..') ? file : rel(file);
    for (const doc of docs) checkManifest(doc, { file: w, tpl: false, chart: true });
    const by = (kind, name) => docs.find((d) => d.kind === kind && d.metadata?.name === name);
    const release = docs.find((d) => d.kind === 'Deployment')?.metadata?.labels?.['app.kubernetes.io/instance'] ?? 'devzone';
    for (const { name, port, database } of services) {
      if (values?.services?.[name]?.enabled === false) continue;
      const full = `${release}-${name}`;
      const dep = by('Deployment', full);
      if (!dep) { fail(w, `no Deployment ${full}`); continue; }
      const c = dep.spec.template.spec.containers[0];
      if (c.ports?.[0]?.containerPort !== port) fail(w, `Deployment ${full}: containerPort ${c.ports?.[0]?.containerPort}, expected ${port}`);
      const url = envList(c).find((e) => e.name === 'DATABASE_URL')?.value ?? '';
      if (!new RegExp(`/${database}(\\?|$)`).test(url)) fail(w, `Deployment ${full}: DATABASE_URL ${url} is not database ${database}`);
      const svc = by('Service', full);
      if (!svc) fail(w, `no Service ${full}`);
      else if (svc.spec.ports?.[0]?.port !== port) fail(w, `Service ${full}: port ${svc.spec.ports?.[0]?.port}, expected ${port}`);
      const cmName = (c.envFrom ?? []).find((e) => e.configMapRef)?.configMapRef?.name;
      const cm = by('ConfigMap', cmName);
      if (!cm) fail(w, `Deployment ${full}: its ConfigMap ${cmName} is not rendered`);
      else {
        if (cm.data.PORT !== String(port)) fail(w, `ConfigMap ${cmName}: PORT ${cm.data.PORT}, expected ${port}`);
        if (values?.services?.[name]?.smtp) for (const k of SMTP_ENV) if (!(k in cm.data)) fail(w, `ConfigMap ${cmName}: ${k} missing`);
        // Accounts: IDP_* only on project-intake, with the client secret from a Secret the pod reads.
        if ('IDP_ADMIN_URL' in cm.data) {
          if (name !== ACCOUNTS_SERVICE) fail(w, `ConfigMap ${cmName}: IDP_ADMIN_URL set, only ${ACCOUNTS_SERVICE} creates accounts`);
          for (const k of IDP_ENV) if (!nonEmptyString(cm.data[k])) fail(w, `ConfigMap ${cmName}: ${k} missing (accounts at the identity provider)`);
          const secretRefs = (c.envFrom ?? []).map((e) => e.secretRef?.name).filter(Boolean);
          // Secrets the chart renders must hold the key; one it does not render is an existing Secret, taken as named.
          const renderedSecrets = secretRefs.map((n) => by('Secret', n)).filter(Boolean);
          const holdsKey = (d) => IDP_SECRET_ENV in (d.stringData ?? {}) || IDP_SECRET_ENV in (d.data ?? {});
          if (!secretRefs.length) fail(w, `Deployment ${full}: IDP_ADMIN_URL set but no secretRef for ${IDP_SECRET_ENV}`);
          else if (renderedSecrets.length === secretRefs.length && !renderedSecrets.some(holdsKey)) fail(w, `Deployment ${full}: its Secret ${secretRefs.join(', ')} has no ${IDP_SECRET_ENV}`);
        }
      }
      if (values?.migrations?.job?.enabled && !docs.some((d) => d.kind === 'Job' && d.metadata?.name === `${full}-migrate`)) fail(w, `no migration Job ${full}-migrate`);
    }
  }
}

// ---------------------------------------------------------------- main ----
const args = process.argv.slice(2);
const rendered = [];
let helmVersion = '';
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--rendered') rendered.push(args[++i]);
  else if (args[i] === '--helm-version') helmVersion = args[++i];
  else { console.error(`unknown argument ${args[i]}`); process.exit(2); }
}

const services = expectedServices();
const topics = expectedTopics();
checkEnvStillRead([...SERVICE_ENV, ...OIDC_OPTIONAL_ENV, ...SMTP_ENV, ...IDP_ENV, IDP_SECRET_ENV]);
const composeServices = checkCompose(services);
const infra = checkInfra(services, topics);
const statics = checkChartStatic(services, infra);
let chartLine;
if (rendered.length) {
  checkRendered(rendered, services, statics.values);
  chartLine = `chart deploy/k8s/devzone rendered by helm ${helmVersion} in ${rendered.length} render(s): ${describe('chart')} objects, Chart.yaml, values.yaml`;
} else {
  checkChartSkeletons(statics);
  chartLine = `chart deploy/k8s/devzone NOT rendered (no helm): Chart.yaml, values.yaml, template references, template skeletons ${describe('chart')}`;
}

for (const n of notes) console.log(`[validate] note: ${n}`);
for (const p of problems) console.error(`[validate] FAIL ${p}`);
const summary = `docker-compose.yml (${composeServices} services); deploy/k8s/infra ${describe('infra')}; ${chartLine}; YAML by ${yamlLib}`;
if (problems.length) {
  console.error(`[validate] FAILED: ${problems.length} problem(s) in ${summary}`);
  process.exit(1);
}
console.log(`[validate] OK: ${summary}`);
