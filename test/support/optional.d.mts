export declare const CHROMIUM: string;
export declare const PYTHON: string;
export declare const REFERENCE: string;
export type Need = 'chromium' | 'xmllint' | 'rapper' | 'rdflib' | 'proc' | 'reference';
export declare const NEEDS: Record<
  Need,
  { what: string; get: string; here: () => boolean; files: string[] }
>;
export declare function have(need: Need): boolean;
