import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NAMES } from '@devzone/demo';

/** Each running service's resident memory in MB, from the start command's pid files under `runDir`. */
export function rssOf(runDir: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of SERVICE_NAMES) {
    try {
      const pid = readFileSync(join(runDir, 'pids', `${name}.pid`), 'utf8').trim();
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (kb) out[name] = Number(kb[1]) / 1024;
    } catch {
      /* not running */
    }
  }
  return out;
}
