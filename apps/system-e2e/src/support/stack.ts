import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DemoApi, serviceUrls } from '@devzone/demo';
import { testKeyPair, WORKSPACE_ROOT } from '@devzone/testing';

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
  privateKey: string;
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
    LOG_LEVEL: 'warn',
  };
}

/** The start command as a user runs it: the keys come from its run directory, not from the test environment. */
export async function startCommand(env: Record<string, string>): Promise<string> {
  const { JWT_PUBLIC_KEY: _public, JWT_PRIVATE_KEY: _private, ...inherited } = process.env;
  const { stdout } = await run('bash', [join(WORKSPACE_ROOT, 'deploy/local/start.sh')], { cwd: WORKSPACE_ROOT, env: { ...inherited, ...env }, maxBuffer: 20 * 1024 * 1024 });
  return stdout;
}

export async function stopCommand(env: Record<string, string>): Promise<void> {
  await run('bash', [join(WORKSPACE_ROOT, 'deploy/local/stop.sh')], { cwd: WORKSPACE_ROOT, env: { ...process.env, ...env } });
}

/** Starts the stack (global setup): its own keys, so the tests can mint tokens it accepts. */
export async function startStack(): Promise<Stack> {
  const runDir = mkdtempSync(join(tmpdir(), 'devzone-e2e-'));
  const keys = testKeyPair();
  mkdirSync(join(runDir, 'keys'), { recursive: true });
  writeFileSync(join(runDir, 'keys', 'private.pem'), keys.privateKey, { mode: 0o600 });
  writeFileSync(join(runDir, 'keys', 'public.pem'), keys.publicKey);
  const env = stackEnv(runDir, `e2e${Date.now().toString(36)}.`);
  try {
    const startOutput = await startCommand(env);
    return { runDir, env, startOutput, privateKey: keys.privateKey, seededAt: new Date().toISOString() };
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

export const stackApi = () => new DemoApi(serviceUrls(PORT_OFFSET), stack().privateKey);
export const mailUrl = () => `http://127.0.0.1:${8025 + PORT_OFFSET}`;
