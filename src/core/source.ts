/** Where a record comes from: its file, and its line or JSON Pointer inside it. */
export interface SourceRef {
  file: string;
  /** 1-based line of the record (JSON Lines, or where the record starts in a JSON document). */
  line?: number;
  /** JSON Pointer of the record inside its file (JSON documents). */
  pointer?: string;
}
