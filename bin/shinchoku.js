#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), so the package needs no build step before `npm start` or `npx shinchoku`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
