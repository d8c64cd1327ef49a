export const SERVICE_NAME = Symbol('SERVICE_NAME');
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
