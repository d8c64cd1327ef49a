export * from './topics';
export * from './envelope';
export * from './registry';
export * from './validation';
export * from './event-codec';
export * from './events/project-signed/project-signed.event';
