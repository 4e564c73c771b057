/** Where the package's own data lives (profiles, crosswalks, vocabularies), from src/ or dist/ alike. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PROFILES_DIR = join(PACKAGE_ROOT, 'profiles');
export const CROSSWALKS_DIR = join(PACKAGE_ROOT, 'crosswalks');
export const VOCABULARIES_DIR = join(CROSSWALKS_DIR, 'vocabularies');
