export * from './domain-error';
export * from './dates';
export * from './china-holidays';
export * from './working-days';
export * from './credit-code';
