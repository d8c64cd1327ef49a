export * from './data-source.options';
export * from './migrations';
export * from './persistence.module';
export * from './project-lock';
