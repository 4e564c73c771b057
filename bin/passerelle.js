#!/usr/bin/env node
// Launcher: the compiled CLI lives in dist/ (built by `npm run build`, run by `npm ci`).
import { main, installProcessHandlers } from '../dist/cli/main.js';

installProcessHandlers();
process.exitCode = await main(process.argv);
