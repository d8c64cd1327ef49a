export * from './data-source.options';
export * from './migrations';
export * from './persistence.module';
