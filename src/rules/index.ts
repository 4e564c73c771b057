/** Every rule the project ships, in the order they are listed and run. */
import type { Principle } from '../core/principle.js';
import type { Rule } from './types.js';
import parseError from './input/parse-error.js';
import encoding from './input/encoding.js';
import unrecognised from './input/unrecognised.js';
import tooLarge from './input/too-large.js';
import tooManyFindings from './input/too-many-findings.js';
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
import accessRightsPublic from './odc/access-rights-public.js';
import accessRestrictionJustified from './odc/access-restriction-justified.js';
import datesValid from './odc/dates-valid.js';
import temporalCoverage from './odc/temporal-coverage.js';
import documentationLink from './odc/documentation-link.js';
import landingPage from './odc/landing-page.js';
import keywords from './odc/keywords.js';
import accessUrl from './odc/access-url.js';
import downloadUrl from './odc/download-url.js';
import nonProprietary from './odc/non-proprietary-format.js';
import formatVocabulary from './odc/format-vocabulary.js';
import byteSize from './odc/byte-size.js';
import stableIdentifier from './odc/stable-identifier.js';
import uniqueIdentifier from './odc/unique-identifier.js';
import themeVocabulary from './odc/theme-vocabulary.js';
import spatialCoverage from './odc/spatial-coverage.js';
import languageVocabulary from './odc/language-vocabulary.js';
import recommended from './dcat-ap/recommended.js';
import resourceLanguage from './odc/resource-language.js';

/** Input and profile rules first, then the Charter's rules by principle (P1 to P6). */
export const RULES: readonly Rule[] = [
  parseError,
  unrecognised,
  tooLarge,
  tooManyFindings,
  encoding,
  required,
  vocabulary,
  type,
  conflictingValues,
  accessRightsPublic,
  accessRestrictionJustified,
  updateFrequency,
  freshness,
  datesValid,
  temporalCoverage,
  documentationLink,
  contactPoint,
  landingPage,
  titleDescription,
  keywords,
  accessUrl,
  downloadUrl,
  machineReadable,
  nonProprietary,
  formatVocabulary,
  licencePresent,
  openLicence,
  byteSize,
  stableIdentifier,
  uniqueIdentifier,
  themeVocabulary,
  spatialCoverage,
  languageVocabulary,
  unmappedValue,
  mandatory,
  recommended,
  publisher,
  bilingual,
  resourceLanguage,
  ...SHACL_RULES,
];

const byId = new Map(RULES.map((r) => [r.meta.id, r]));
/** Every rule's id: what a profile's `rules:` may name (given to `loadProfile`). */
export const RULE_IDS: ReadonlySet<string> = new Set(byId.keys());
/** Each rule's ODC principle, for the rules that have one (given to the principle scores). */
export const RULE_PRINCIPLES: ReadonlyMap<string, Principle> = new Map(
  RULES.flatMap((r) => (r.meta.principle ? [[r.meta.id, r.meta.principle] as const] : [])),
);

/** A shipped rule by id (a run's rules, the user's included: `RuleBook.byId`). */
export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
