export { z } from './locale.js';
export * from './common.js';
export * from './siret.js';
export * from './organisation.js';
export * from './user.js';
export * from './auth.js';
export * from './declaration.js';
export * from './declaration-import.js';
export * from './declaration-space.js';
