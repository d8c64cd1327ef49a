// The start command's demo data: `node -r @swc-node/register libs/demo/src/cli/seed.main.ts`.
import { seedDemo } from '../seed';
import { demoApi } from './env';

seedDemo(demoApi(), { concurrency: Number(process.env['DEVZONE_SEED_CONCURRENCY'] ?? 6), log: (line) => console.log(line) })
  .then((r) => console.log(r.skipped ? '[seed] the demo data is already there: nothing added' : `[seed] ${r.created} demo projects in ${r.seconds.toFixed(1)} s`))
  .catch((error: unknown) => {
    console.error(`[seed] ERROR: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
