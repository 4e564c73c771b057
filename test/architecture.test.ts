/**
 * The shape of the code, checked: no import circle, no import from a lower layer to a higher one,
 * no source file over 600 lines, no function over 100 lines. Imports are read with the TypeScript
 * compiler (static imports, `export … from`, type-only imports, `import()` calls and types), from
 * every file of src/ but tests. docs/architecture.md draws the same layers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(process.cwd(), 'src');

/**
 * Layers, lowest first: a file may import its own folder, folders of its own layer and lower
 * layers, never a higher one. A folder of src/ (or a file at its top) → its layer.
 * `tool.ts` (the tool's name and version from package.json) sits with `paths.ts` at the bottom,
 * not with the command line: the engine stamps it on every report, and it imports nothing of ours
 * but `paths.ts`.
 */
const LAYERS: Record<string, number> = {
  'paths.ts': 0,
  'tool.ts': 0,
  util: 0,
  core: 0,
  i18n: 1,
  vocab: 1,
  model: 1,
  rdf: 2,
  sources: 3,
  profiles: 4,
  crosswalk: 5,
  rules: 6,
  scores: 7,
  report: 8,
  shacl: 9,
  baseline: 9,
  net: 9,
  config: 9,
  engine: 10,
  federate: 11,
  fix: 11,
  compare: 11,
  infer: 11,
  harvest: 11,
  query: 11,
  cli: 12,
  'index.ts': 12,
  build: 12,
  'file-schemas': 12,
};
/** Within layer 0, core (the shared vocabulary) may use util and paths.ts, not the other way round. */
const BELOW_CORE = new Set(['util', 'paths.ts', 'tool.ts']);

const MAX_FILE_LINES = 600;
const MAX_FUNCTION_LINES = 100;

/**
 * Long on purpose: report templates, one page or table written top to bottom in the order a reader
 * sees it, read best in one piece. `file#function`.
 */
const TEMPLATES = new Set([
  'src/compare/render/csv.ts#comparisonCsv',
  'src/compare/render/html.ts#comparisonHtml',
  'src/compare/render/markdown.ts#comparisonMarkdown',
  'src/report/formatters/html.ts#html',
  'src/report/formatters/markdown.ts#markdown',
]);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts'))
      out.push(p);
  }
  return out.sort();
}

const FILES = sourceFiles(ROOT);
const shown = (file: string): string => relative(process.cwd(), file);
const parsed = new Map(
  FILES.map((f) => [
    f,
    ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true),
  ]),
);

/** The files of src/ a file imports, in any way (relative specifiers; `.js` names the `.ts` file). */
function importsOf(sf: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      specifiers.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(sf.fileName), s).replace(/\.js$/, '.ts'))
    .filter((f) => parsed.has(f));
}

const GRAPH = new Map(FILES.map((f) => [f, importsOf(parsed.get(f)!)]));

/**
 * What loading a file loads with it: its static imports but `import type` (an `import()` call
 * waits for its use). Imports of names used only as types count too (TypeScript drops them; this
 * reading errs on the heavy side).
 */
function loadedWith(sf: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  for (const node of sf.statements) {
    if (
      (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) ||
      (ts.isExportDeclaration(node) && !node.isTypeOnly)
    ) {
      if (node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
        specifiers.push(node.moduleSpecifier.text);
    }
  }
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(sf.fileName), s).replace(/\.js$/, '.ts'))
    .filter((f) => parsed.has(f));
}

/** Every file loaded when `file` is (itself included). */
function loadClosure(file: string): Set<string> {
  const seen = new Set([file]);
  for (const f of seen) for (const g of loadedWith(parsed.get(f)!)) seen.add(g);
  return seen;
}

/**
 * What `passerelle` may not load before a command runs (docs/performance.md, "Start-up"): the
 * engine, readers, profiles, rules and reports are each command's work, loaded by its action with
 * `import()`. Option lists come from plain-data files (report/formatters/names.ts, rdf/syntax.ts).
 */
const NOT_AT_START_UP = [
  'engine',
  'sources',
  'profiles',
  'crosswalk',
  'rules',
  'scores',
  'shacl',
  'config',
  'vocab',
  'model',
  'report/formatters/index.ts',
  'report/model.ts',
];

/** A file's folder under src/ (or its own name when at the top), as LAYERS names it. */
function folderOf(file: string): string {
  return relative(ROOT, file).split('/')[0];
}

/** Import circles, each as the files around it (Tarjan's strongly connected components). */
function circles(): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of GRAPH.get(v)!) {
      if (!idx.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const part: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        part.push(w);
      } while (w !== v);
      if (part.length > 1 || GRAPH.get(v)!.includes(v)) found.push(part);
    }
  };
  for (const f of FILES) if (!idx.has(f)) connect(f);
  return found;
}

/** One path around a circle, from its first file back to it: what to cut. */
function pathAround(part: string[]): string[] {
  const inPart = new Set(part);
  const start = part[part.length - 1];
  const from = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of GRAPH.get(v)!) {
      if (w === start) {
        const path = [start];
        for (let x: string | undefined = v; x && x !== start; x = from.get(x)) path.splice(1, 0, x);
        return [...path, start];
      }
      if (inPart.has(w) && !from.has(w)) {
        from.set(w, v);
        queue.push(w);
      }
    }
  }
  return part;
}

function nameOf(node: ts.Node): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (
    named.name &&
    (ts.isIdentifier(named.name) ||
      ts.isPrivateIdentifier(named.name) ||
      ts.isStringLiteral(named.name))
  )
    return named.name.text;
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name))
    return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name))
    return parent.name.text;
  return '(anonymous)';
}

/** Files over the limit: shown path → lines. */
const LONG_FILES = new Map<string, number>();
/** Functions over the limit: `file#name` → where and how long. */
const LONG_FUNCTIONS = new Map<string, string>();
for (const [file, sf] of parsed) {
  const lineOf = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line + 1;
  if (lineOf(sf.getEnd()) > MAX_FILE_LINES) LONG_FILES.set(shown(file), lineOf(sf.getEnd()));
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
      const start = lineOf(node.getStart(sf));
      const lines = lineOf(node.getEnd()) - start + 1;
      if (lines > MAX_FUNCTION_LINES)
        LONG_FUNCTIONS.set(`${shown(file)}#${nameOf(node)}`, `line ${start}, ${lines} lines`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

describe('architecture', () => {
  it('has every folder of src/ in the layer table', () => {
    const missing = [...new Set(FILES.map(folderOf))].filter((f) => !(f in LAYERS));
    expect(
      missing.map(
        (f) =>
          `src/${f} has no layer: add it to LAYERS in test/architecture.test.ts and to docs/architecture.md`,
      ),
    ).toEqual([]);
  });

  it('has no import circle', () => {
    const found = circles().map(
      (part) =>
        `import circle of ${part.length} files: ${pathAround(part).map(shown).join(' → ')}. ` +
        'Cut it: move the shared types or helpers down (src/core/ for the vocabulary every layer speaks), or pass what is needed as an argument.',
    );
    expect(found).toEqual([]);
  });

  it('imports only from its own layer or lower ones', () => {
    const wrong: string[] = [];
    for (const [file, imports] of GRAPH) {
      const from = folderOf(file);
      for (const target of imports) {
        const to = folderOf(target);
        const upward = LAYERS[to] > LAYERS[from] || (to === 'core' && BELOW_CORE.has(from));
        if (upward) {
          wrong.push(
            `${shown(file)} (${from}, layer ${LAYERS[from]}) imports ${shown(target)} (${to}, layer ${LAYERS[to]}): ` +
              'a lower layer must not import a higher one. Move what it needs down to a lower layer, or have the caller pass it in.',
          );
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('starts the command line without loading what its commands do', () => {
    const loaded = [...loadClosure(join(ROOT, 'cli/main.ts'))].map((f) => relative(ROOT, f));
    const heavy = loaded.filter((f) =>
      NOT_AT_START_UP.some((n) => f === n || f.startsWith(`${n}/`)),
    );
    expect(
      heavy.map(
        (f) =>
          `src/cli/main.ts loads src/${f} on start-up: register options from plain data and import() the code in the command's action`,
      ),
    ).toEqual([]);
  });

  it(`has no source file over ${MAX_FILE_LINES} lines`, () => {
    const long = [...LONG_FILES];
    expect(
      long.map(
        ([file, lines]) =>
          `${file} has ${lines} lines (at most ${MAX_FILE_LINES}): split it into files with one job each.`,
      ),
    ).toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const long = [...LONG_FUNCTIONS].filter(([key]) => !TEMPLATES.has(key));
    expect(
      long.map(
        ([key, at]) =>
          `${key} (${at}) is over ${MAX_FUNCTION_LINES} lines: split it into functions that each do one thing.`,
      ),
    ).toEqual([]);
  });

  it('lists as exemptions only what is still long', () => {
    const stale = [...TEMPLATES].filter((key) => !LONG_FILES.has(key) && !LONG_FUNCTIONS.has(key));
    expect(
      stale.map(
        (key) =>
          `${key} is no longer over the limit (or no longer exists): take it off the list in test/architecture.test.ts`,
      ),
    ).toEqual([]);
  });
});
