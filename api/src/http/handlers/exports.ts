export const exportHandlers = {};
