export * from './contract.js';
export * from './problem.js';
export * from './routes.js';
export * from './openapi.js';
