import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IdpSettings } from '@devzone/auth';
import { DemoApi, IdpTokens, serviceUrls } from '../api';

/** The run directory of the start command (deploy/local/.run unless DEVZONE_RUN_DIR). */
export const runDir = () => process.env['DEVZONE_RUN_DIR'] ?? resolve(__dirname, '../../../../deploy/local/.run');

/** The identity provider the start command set up (libs/demo/src/cli/realm.main.ts wrote it). */
export function idpSettings(dir = runDir()): IdpSettings {
  const file = join(dir, 'idp.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as IdpSettings;
  } catch {
    throw new Error(`no identity provider settings at ${file}: run \`npm start\` first`);
  }
}

export const demoApi = () => new DemoApi(serviceUrls(), new IdpTokens(idpSettings()));
