export { logger } from './logger.ts';
export { type RunningServer, type StartServerOptions, startServer } from './server.ts';
export { createWebApp } from './web-app.ts';
