/**
 * `validate --shacl`: each common record, written as DCAT-AP 3 RDF, checked against SHACL shapes
 * (the project's own, plus `--shapes` files) with shacl-engine, one record at a time. Each result
 * becomes a finding `shacl/<constraint-component>` whose focus node is traced back to the property
 * of the common record it stands for (and, through the crosswalk's provenance, to the source field).
 */
import N3 from 'n3';
import { Validator } from 'shacl-engine';
import type { Dataset } from '../model/types.js';
import { propertyByIri, recordToRdf, type RecordNode } from '../rdf/from-record.js';
import { curie, termKey, type Quad, type Term } from '../rdf/terms.js';
import type { Severity } from '../core/severity.js';
import { COMPONENTS } from '../rules/shacl/components.js';
import type { Emitted } from '../core/finding.js';
import { readShapes, OWN_SHAPES } from './shapes.js';
import type { Bilingual } from '../core/lang.js';

const SH = 'http://www.w3.org/ns/shacl#';
const SEVERITY: Record<string, Severity> = {
  [`${SH}Violation`]: 'error',
  [`${SH}Warning`]: 'warning',
  [`${SH}Info`]: 'info',
};
const PARAMS = new Map(COMPONENTS.map((c) => [c.name, c.params]));
const NODE_KINDS: Record<string, Bilingual> = {
  IRI: { en: 'an IRI', fr: 'un IRI' },
  Literal: { en: 'a literal', fr: 'un littéral' },
  BlankNode: { en: 'a blank node', fr: 'un nœud anonyme' },
  BlankNodeOrIRI: {
    en: 'a resource (IRI or blank node)',
    fr: 'une ressource (IRI ou nœud anonyme)',
  },
  BlankNodeOrLiteral: { en: 'a blank node or a literal', fr: 'un nœud anonyme ou un littéral' },
  IRIOrLiteral: { en: 'an IRI or a literal', fr: 'un IRI ou un littéral' },
};

/** One SHACL result, engine-independent: for findings, and for comparing shape sets in tests. */
export interface ShaclResult {
  focus: Term;
  /** The predicate of the result path (simple paths), when there is one. */
  path?: string;
  /** Local name of the constraint component: `MinCountConstraintComponent`. */
  component: string;
  severity: Severity;
  shape: Term;
  value?: Term;
  /** The shape's own sh:message, by language. */
  messages: Record<string, string>;
}

// shacl-engine's result objects (the parts used here)
interface EngineResult {
  constraintComponent: Term;
  severity: Term;
  focusNode: { term: Term };
  value?: { term?: Term };
  path?: { predicates?: Term[] }[];
  shape: { ptr: { term: Term } };
  message: { value: string; language: string }[];
}

const engineFactory = { ...N3.DataFactory, dataset: (quads?: Quad[]) => new N3.Store(quads) };

function shown(t: Term | undefined): string {
  if (!t) return '';
  const v =
    t.termType === 'NamedNode' ? curie(t.value) : t.termType === 'BlankNode' ? '[]' : t.value;
  return v.length > 80 ? `${v.slice(0, 77)}…` : v;
}

export class ShaclChecker {
  private constructor(
    private readonly validator: Validator,
    private readonly shapes: N3.Store,
    /** The shape files, for messages. */
    readonly files: readonly string[],
  ) {}

  /** The project's DCAT-AP 3 shapes, plus the given shape files (`own: false` for those alone). */
  static async load(files: readonly string[] = [], { own = true } = {}): Promise<ShaclChecker> {
    const all = own ? [OWN_SHAPES, ...files] : [...files];
    const store = new N3.Store(await readShapes(all));
    return new ShaclChecker(new Validator(store, { factory: engineFactory }), store, all);
  }

  /** Raw results for an RDF graph. */
  async results(quads: readonly Quad[]): Promise<ShaclResult[]> {
    const report = await this.validator.validate({ dataset: new N3.Store(quads as Quad[]) });
    return (report.results as EngineResult[]).map((r) => ({
      focus: r.focusNode.term,
      path: r.path?.[0]?.predicates?.[0]?.value,
      component: r.constraintComponent.value.startsWith(SH)
        ? r.constraintComponent.value.slice(SH.length)
        : r.constraintComponent.value,
      severity: SEVERITY[r.severity.value] ?? 'error',
      shape: r.shape.ptr.term,
      value: r.value?.term,
      messages: Object.fromEntries(
        this.shapes
          .getObjects(r.shape.ptr.term as never, `${SH}message`, null)
          .map((m) => [(m as N3.Literal).language || 'und', m.value]),
      ),
    }));
  }

  /** The findings of one common record. */
  async check(dataset: Dataset): Promise<Emitted[]> {
    const graph = recordToRdf(dataset);
    const out: Emitted[] = [];
    for (const r of await this.results(graph.quads))
      out.push(this.finding(r, graph.nodes.get(termKey(r.focus))));
    return out;
  }

  private finding(r: ShaclResult, node: RecordNode | undefined): Emitted {
    const data: Record<string, unknown> = {
      path: r.path ? curie(r.path) : shown(r.focus),
      value: shown(r.value ?? r.focus),
    };
    for (const param of PARAMS.get(r.component) ?? []) {
      const values = this.shapes.getObjects(r.shape as never, `${SH}${param}`, null);
      data[param] = values.map((v) => shown(v)).join(', ');
    }
    if (r.component === 'NodeKindConstraintComponent') {
      const kind = String(data.nodeKind).replace(/^sh:/, '');
      data.nodeKind = NODE_KINDS[kind]?.en ?? kind;
      data.nodeKindFr = NODE_KINDS[kind]?.fr ?? kind;
    }
    const own = (lang: string) => r.messages[lang] ?? r.messages.und ?? r.messages.en;
    if (own('en')) data.detail = ` (${own('en')})`;
    if (own('fr')) data.detailFr = ` (${own('fr')})`;
    const e: Emitted = {
      ruleId: `shacl/${r.component}`,
      messageId: 'violation',
      data,
      severity: r.severity,
    };
    const property = node && propertyPath(node, r);
    if (property) e.property = property;
    if (r.value) e.value = r.value.value;
    return e;
  }
}

/** The common record's property a result is about: the focus node's path, and the result path's property. */
function propertyPath(node: RecordNode, r: ShaclResult): string | undefined {
  if (!r.path) return node.path || undefined;
  const def = propertyByIri(node.cls, r.path);
  const name = def?.name ?? curie(r.path);
  const base = node.path ? `${node.path}.${name}` : name;
  const lang = r.value?.termType === 'Literal' ? (r.value as N3.Literal).language : '';
  return def && (def.kind === 'text' || def.kind === 'texts') && lang ? `${base}@${lang}` : base;
}
