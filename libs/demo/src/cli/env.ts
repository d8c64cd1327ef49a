import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DemoApi, serviceUrls } from '../api';

/** The run directory of the start command (deploy/local/.run unless DEVZONE_RUN_DIR). */
export const runDir = () => process.env['DEVZONE_RUN_DIR'] ?? resolve(__dirname, '../../../../deploy/local/.run');

/** The demo identity provider's private key (deploy/local/keys.sh made it). */
export function demoPrivateKey(): string {
  const file = process.env['JWT_PRIVATE_KEY_FILE'] ?? join(runDir(), 'keys', 'private.pem');
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new Error(`no demo signing key at ${file}: run \`npm start\` (or bash deploy/local/keys.sh) first`);
  }
}

export const demoApi = () => new DemoApi(serviceUrls(), demoPrivateKey());
