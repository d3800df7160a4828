export * from './contract.js';
export * from './problem.js';
export * from './routes/index.js';
export * from './openapi.js';
