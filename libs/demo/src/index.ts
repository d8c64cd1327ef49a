export * from './api';
export * from './users';
export * from './journey';
export * from './seed';
export { demoApi, idpSettings, runDir } from './cli/env';
export * from './ledger';
