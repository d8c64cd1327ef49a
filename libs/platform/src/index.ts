export * from './bootstrap';
export * from './service.module';
export * from './validation';
export * from './tokens';
