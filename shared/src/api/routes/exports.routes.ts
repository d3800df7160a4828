export const exportRoutes = {} as const;
