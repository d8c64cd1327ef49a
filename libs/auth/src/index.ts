export * from './principal';
export * from './tokens';
export * from './auth.guard';
