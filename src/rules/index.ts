/** Every rule the project ships, in the order they are listed and run. */
import type { Rule } from './types.js';
import parseError from './input/parse-error.js';
import required from './profile/required.js';
import vocabulary from './profile/vocabulary.js';
import type from './profile/type.js';
import conflictingValues from './profile/conflicting-values.js';
import unmappedValue from './odc/unmapped-value.js';
import licencePresent from './odc/licence-present.js';
import openLicence from './odc/open-licence.js';
import machineReadable from './odc/machine-readable-format.js';
import updateFrequency from './odc/update-frequency.js';
import freshness from './odc/freshness.js';
import bilingual from './odc/bilingual.js';
import titleDescription from './odc/title-description.js';
import contactPoint from './odc/contact-point.js';
import publisher from './odc/publisher.js';
import mandatory from './dcat-ap/mandatory.js';
import { SHACL_RULES } from './shacl/components.js';

export const RULES: readonly Rule[] = [
  parseError,
  required,
  vocabulary,
  type,
  conflictingValues,
  unmappedValue,
  updateFrequency,
  freshness,
  titleDescription,
  licencePresent,
  openLicence,
  machineReadable,
  contactPoint,
  publisher,
  bilingual,
  mandatory,
  ...SHACL_RULES,
];

const byId = new Map(RULES.map((r) => [r.meta.id, r]));
export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
