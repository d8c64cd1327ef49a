const path = require('node:path');
const preset = require('../../jest.preset.cjs')(__dirname);

// The e2e level starts the whole system once (by the start command) for every file.
module.exports =
  process.env.TEST_LEVEL === 'e2e'
    ? { ...preset, globalSetup: path.join(__dirname, 'src/support/global-setup.ts'), globalTeardown: path.join(__dirname, 'src/support/global-teardown.ts') }
    : preset;
