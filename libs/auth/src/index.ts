export * from './principal';
export * from './claims';
export * from './tokens';
export * from './auth.guard';
export * from './keycloak-admin';
export * from './keycloak-realm';
