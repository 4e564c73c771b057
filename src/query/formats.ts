/** The formats of a query's results, apart from their writers so that `--help` loads none of them. */
export const RESULT_FORMATS = ['table', 'csv', 'tsv', 'json', 'xml', 'turtle', 'ntriples'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];
