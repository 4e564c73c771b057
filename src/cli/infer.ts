/** `passerelle infer`: draft a profile and a crosswalk for an unknown portal from a sample of its export. */
import { existsSync, mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { temporaryBeside } from './output.js';
import { join, resolve } from 'node:path';
import { render } from '../i18n/render.js';
import { DEFAULT_SAMPLE, infer } from '../infer/infer.js';
import { escapeTerminal } from '../util/escape.js';
import type { Lang } from '../core/lang.js';
import { UsageError } from '../util/errors.js';
import { relativeToCwd } from '../util/files.js';
import { readableInputs } from './stdin.js';

export interface InferCommandOptions {
  id: string;
  outputDir: string;
  sample?: string;
  force?: boolean;
  lang: Lang;
}

const WORDS = {
  profile: {
    en: '{{file}}: draft profile, {{fields}} fields ({{codeLists}} code lists) from {{records}} records',
    fr: '{{file}} : ébauche de profil, {{fields}} champs ({{codeLists}} listes de codes) tirés de {{records}} enregistrements',
  },
  crosswalk: {
    en: '{{file}}: draft crosswalk, {{mapped}} properties filled, {{todos}} TODO marks to check',
    fr: '{{file}} : ébauche de correspondance, {{mapped}} propriétés remplies, {{todos}} mentions TODO à vérifier',
  },
  rejected: {
    en: 'records that could not be read, left out: {{n}}',
    fr: 'enregistrements illisibles, laissés de côté : {{n}}',
  },
  next: {
    en: 'check it: passerelle crosswalk check {{file}}',
    fr: 'pour la vérifier : passerelle crosswalk check {{file}}',
  },
  use: {
    en: 'use it: passerelle validate {{id}}=<export>{{dir}}',
    fr: 'pour l’utiliser : passerelle validate {{id}}=<export>{{dir}}',
  },
  exists: {
    en: '{{file}} exists: choose another --id or --output-dir, or --force to replace it',
    fr: '{{file}} existe : choisissez un autre --id ou --output-dir, ou --force pour le remplacer',
  },
} as const;

/** Written whole or not at all (a temporary file renamed). */
function writeWhole(file: string, text: string): void {
  const tmp = temporaryBeside(file);
  writeFileSync(tmp, text, { flag: 'wx' });
  renameSync(tmp, file);
}

/** Exit 0, or 1 when some records could not be read (the drafts are written from the others). */
export async function inferCommand(paths: string[], o: InferCommandOptions): Promise<number> {
  const sample = o.sample === undefined ? DEFAULT_SAMPLE : Number(o.sample);
  if (!Number.isInteger(sample) || sample < 1)
    throw new UsageError(
      `--sample: "${o.sample}" is not a whole number above 0`,
      `--sample : « ${o.sample} » n’est pas un nombre entier supérieur à 0`,
    );
  if (!/^[a-z0-9-]+$/.test(o.id))
    throw new UsageError(
      `--id: "${o.id}" must be lower-case letters, digits and dashes`,
      `--id : « ${o.id} » ne doit contenir que des minuscules, des chiffres et des tirets`,
    );
  const profileFile = join(o.outputDir, 'profiles', `${o.id}.yaml`);
  const crosswalkFile = join(o.outputDir, 'crosswalks', `${o.id}.yaml`);
  for (const f of [profileFile, crosswalkFile]) {
    if (!o.force && existsSync(f))
      throw new UsageError(
        render(WORDS.exists.en, { file: relativeToCwd(f) }),
        render(WORDS.exists.fr, { file: relativeToCwd(f) }),
      );
  }
  paths = await readableInputs(paths);
  const r = await infer(paths, {
    id: o.id,
    sample,
    onRejected: (file, line, message) =>
      process.stderr.write(
        `${escapeTerminal(`${[file, line].filter((x) => x !== undefined).join(':')}${o.lang === 'fr' ? ' :' : ':'} ${message[o.lang]}`)}\n`,
      ),
  });
  for (const dir of [join(o.outputDir, 'profiles'), join(o.outputDir, 'crosswalks')])
    mkdirSync(dir, { recursive: true });
  writeWhole(profileFile, r.profile);
  writeWhole(crosswalkFile, r.crosswalk);
  const lines = [
    render(WORDS.profile[o.lang], {
      file: relativeToCwd(profileFile),
      fields: r.fields,
      codeLists: r.codeLists,
      records: r.records,
    }),
    render(WORDS.crosswalk[o.lang], {
      file: relativeToCwd(crosswalkFile),
      mapped: r.mapped.length,
      todos: r.todos,
    }),
  ];
  if (r.rejected) lines.push(render(WORDS.rejected[o.lang], { n: r.rejected }));
  lines.push(render(WORDS.next[o.lang], { file: relativeToCwd(crosswalkFile) }));
  // the current folder is on the profile search path; another folder is named (docs/profiles.md)
  const here = resolve(o.outputDir) === process.cwd();
  lines.push(
    render(WORDS.use[o.lang], {
      id: o.id,
      dir: here ? '' : ` --profile-dir ${relativeToCwd(resolve(o.outputDir))}`,
    }),
  );
  process.stderr.write(`${lines.join('\n')}\n`);
  return r.rejected ? 1 : 0;
}
