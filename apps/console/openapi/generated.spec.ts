import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The console's types are those of the services' answers today (issue 16): a change to a service's API without `npm run openapi` fails here. */
describe('generated API types', () => {
  it('are what the services declare now', () => {
    let output = '';
    try {
      execFileSync(process.execPath, [path.join(__dirname, 'generate.cjs'), '--check'], { stdio: 'pipe' });
    } catch (error) {
      output = String((error as { stderr?: Buffer }).stderr ?? error);
    }
    expect(output).toBe('');
  }, 120_000);
});
