import type { CodeRule, DataRule, StageRule } from './types.js';

export const codeRule = (r: Omit<CodeRule, 'kind'>): CodeRule => ({ kind: 'code', ...r });
export const dataRule = (r: Omit<DataRule, 'kind'>): DataRule => ({ kind: 'data', ...r });
export const stageRule = (r: Omit<StageRule, 'kind'>): StageRule => ({ kind: 'stage', ...r });
