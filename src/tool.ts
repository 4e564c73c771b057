/** Passerelle's name and version, from package.json (read once; the command line needs it to start). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './paths.js';

export interface ToolInfo {
  name: string;
  version: string;
}

let toolInfo: ToolInfo | undefined;
export function tool(): ToolInfo {
  if (!toolInfo) {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    toolInfo = { name: pkg.name, version: pkg.version };
  }
  return toolInfo;
}
