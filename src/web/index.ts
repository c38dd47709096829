export { logger } from './logger.ts';
export { type RunningServer, type StartServerOptions, startServer } from './server.ts';
export { type ExportSiteProps, type ExportSiteResult, exportSite } from './static-export/export-site.ts';
export { createWebApp } from './web-app.ts';
