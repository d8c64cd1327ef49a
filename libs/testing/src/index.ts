export * from './infrastructure';
export * from './database';
export * from './kafka';
export * from './eventually';
export * from './test-events';
export * from './spawn-service';
export * from './http';
export * from './tokens';
