export * from './bootstrap';
export * from './service.module';
export * from './validation';
export * from './tokens';
export * from './domain-error.filter';
export * from './actor';
export * from './validators';
export * from './start-service';
