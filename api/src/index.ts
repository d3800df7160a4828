export { createApp, type WebHandler } from './http/app.js';
export { createContainer, type Container } from './container.js';
export { loadConfig, type Config } from './config.js';
export { hashPassword } from './infra/passwords.js';
export { toProblem } from './http/middleware/problem.js';
export { refreshComplianceStatuses } from './application/portfolio/compliance-refresh.js';
export { clauseProgress, refreshClauseProgress } from './application/declarations/clause-progress.js';
export { ensureDashboardRows } from './application/dashboards/dashboard-rows.js';
