/** The part of shacl-engine's API Passerelle uses (the package ships no type declarations). */
declare module 'shacl-engine' {
  import type { DatasetCore, Term } from '@rdfjs/types';
  export class Validator {
    constructor(shapes: DatasetCore, options: { factory: unknown; [option: string]: unknown });
    validate(data: {
      dataset: DatasetCore;
      terms?: Iterable<Term>;
    }): Promise<{ conforms: boolean; results: unknown[] }>;
  }
}
