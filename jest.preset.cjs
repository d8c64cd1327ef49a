// One Jest setup for every project. The test level is in the file name
// (docs/testing.md): *.spec.ts unit, *.int-spec.ts integration (real Kafka and
// PostgreSQL), *.e2e-spec.ts whole system. TEST_LEVEL picks one; each Nx target
// (test, int-test, e2e, fault-test) sets it. *.fault-spec.ts: faults injected into the
// real broker and database (kill -9, broker and PostgreSQL restarts).
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const level = process.env.TEST_LEVEL || 'unit';
const patterns = { unit: '**/*.spec.ts', int: '**/*.int-spec.ts', e2e: '**/*.e2e-spec.ts', fault: '**/*.fault-spec.ts' };
if (!patterns[level]) throw new Error(`TEST_LEVEL must be one of ${Object.keys(patterns).join(', ')}`);

const moduleNameMapper = {
  ...Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
      `^${alias}$`,
      path.join(__dirname, target),
    ]),
  ),
  // @fastify/static (the services' /docs under Fastify) requires content-disposition 3, an ES module:
  // Node 20 loads it, Jest on Node 20 cannot. Jest gives it version 2 (CommonJS, the same `create`).
  '^content-disposition$': path.join(__dirname, 'node_modules/content-disposition'),
};

module.exports = (projectDir) => ({
  rootDir: projectDir,
  displayName: `${path.basename(projectDir)}:${level}`,
  testEnvironment: 'node',
  testMatch: [`<rootDir>/${patterns[level]}`],
  moduleNameMapper,
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  globalSetup: level === 'unit' ? undefined : path.join(__dirname, 'libs/testing/src/jest/global-setup.ts'),
  globalTeardown: level === 'unit' ? undefined : path.join(__dirname, 'libs/testing/src/jest/global-teardown.ts'),
  testTimeout: level === 'unit' ? 5_000 : 120_000,
  maxWorkers: level === 'unit' ? '50%' : 1,
});
