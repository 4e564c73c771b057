/** The comparison's formats, on their own so that the command line lists them without loading the renderers. */
export const COMPARE_FORMATS = ['markdown', 'csv', 'json', 'html'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];
