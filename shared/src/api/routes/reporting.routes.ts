export const reportingRoutes = {} as const;
