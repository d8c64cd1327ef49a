export * from './api';
export * from './users';
export * from './journey';
export * from './seed';
export { demoApi, demoPrivateKey, runDir } from './cli/env';
