export * from './api';
export * from './users';
export * from './journey';
export * from './seed';
