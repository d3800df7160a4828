export { z } from './locale.js';
export * from './common.js';
export * from './siret.js';
export * from './organisation.js';
export * from './user.js';
export * from './auth.js';
export * from './participant.js';
export * from './eligibility.js';
export * from './job-referentials.js';
