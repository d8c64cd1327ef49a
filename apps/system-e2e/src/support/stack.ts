import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KeycloakAdmin } from '@devzone/auth';
import { DEMO_PASSWORD, DemoApi, idpSettings, IdpTokens, serviceUrls, type DemoEnterprise } from '@devzone/demo';
import { WORKSPACE_ROOT } from '@devzone/testing';

const run = promisify(execFile);

/**
 * The system under test: a second instance of the whole system, started by the
 * README's start command (deploy/local/start.sh) beside whatever a developer
 * runs — ports shifted by 100, databases prefixed, topics prefixed, its own run
 * directory and key pair — with the demo data.
 */
export interface Stack {
  runDir: string;
  env: Record<string, string>;
  startOutput: string;
  /** When the start command returned: the demo data was created before, other tests' data after. */
  seededAt: string;
}

export const STACK_ENV_KEY = 'DEVZONE_E2E_STACK';
const PORT_OFFSET = 100;
const DB_PREFIX = 'e2e_';
export const STACK_DATABASES = ['intake', 'approval', 'land', 'agency', 'notifications'].map((d) => DB_PREFIX + d);

export function stackEnv(runDir: string, topicPrefix: string): Record<string, string> {
  return {
    DEVZONE_RUN_DIR: runDir,
    DEVZONE_PORT_OFFSET: String(PORT_OFFSET),
    DEVZONE_DB_PREFIX: DB_PREFIX,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    // The whole suite drives many requests from one address.
    RATE_LIMIT_PER_MINUTE: '0',
    // E-mails about one project within 2 s go out as one digest (60 s by default): short, so the suite does not wait.
    NOTIFICATIONS_DIGEST_SECONDS: '2',
    LOG_LEVEL: 'warn',
  };
}

/** The start command as a user runs it: the identity provider from its own set-up, not the test environment's static key. */
export async function startCommand(env: Record<string, string>): Promise<string> {
  const { JWT_PUBLIC_KEY: _public, JWT_PRIVATE_KEY: _private, ...inherited } = process.env;
  const { stdout } = await run('bash', [join(WORKSPACE_ROOT, 'deploy/local/start.sh')], { cwd: WORKSPACE_ROOT, env: { ...inherited, ...env }, maxBuffer: 20 * 1024 * 1024 });
  return stdout;
}

export async function stopCommand(env: Record<string, string>): Promise<void> {
  await run('bash', [join(WORKSPACE_ROOT, 'deploy/local/stop.sh')], { cwd: WORKSPACE_ROOT, env: { ...process.env, ...env } });
}

/** Starts the stack (global setup). */
export async function startStack(): Promise<Stack> {
  const runDir = mkdtempSync(join(tmpdir(), 'devzone-e2e-'));
  const env = stackEnv(runDir, `e2e${Date.now().toString(36)}.`);
  try {
    const startOutput = await startCommand(env);
    return { runDir, env, startOutput, seededAt: new Date().toISOString() };
  } catch (error) {
    await stopCommand(env); // no teardown runs when the setup fails
    throw error;
  }
}

/** In a test file: the stack the global setup started. */
export function stack(): Stack {
  const raw = process.env[STACK_ENV_KEY];
  if (!raw) throw new Error('the e2e stack is not running (apps/system-e2e/jest.config.cjs starts it)');
  return JSON.parse(raw) as Stack;
}

/** The stack's identity provider (what its start command wrote). */
export const stackIdp = () => idpSettings(stack().runDir);
/** The services as the demo people call them, with tokens from the identity provider. */
export const stackApi = () => new DemoApi(serviceUrls(PORT_OFFSET), new IdpTokens(stackIdp()));
export const mailUrl = () => `http://127.0.0.1:${8025 + PORT_OFFSET}`;
export const consoleUrl = () => `http://127.0.0.1:${3000 + PORT_OFFSET}`;

/** The local Keycloak's administrator (tests make people the way an administrator would). */
export const keycloakAdmin = () => new KeycloakAdmin(stackIdp().keycloakUrl, { realm: 'master', clientId: 'admin-cli', username: process.env['KEYCLOAK_ADMIN_USER'] ?? 'admin', password: process.env['KEYCLOAK_ADMIN_PASSWORD'] ?? 'admin' });

/**
 * A test enterprise's contact as a person of the realm, with the demo password:
 * registering a project with this contact finds the account (by mobile and credit
 * code) instead of inviting. Its subject is the id Keycloak gave it.
 */
export async function enterpriseAccount(enterprise: Omit<DemoEnterprise, 'sub' | 'username'>): Promise<DemoEnterprise> {
  const username = `e2e-${enterprise.mobile}`;
  const attributes = { credit_code: [enterprise.creditCode!], mobile: [enterprise.mobile!] };
  const admin = keycloakAdmin();
  const realm = stackIdp().realm;
  const sub = await admin.createUser(realm, { username, firstName: enterprise.name, ...(enterprise.email ? { email: enterprise.email } : {}), attributes }, 'enterprise');
  await admin.setPassword(realm, sub, DEMO_PASSWORD);
  return { ...enterprise, sub, username };
}
