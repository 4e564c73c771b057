/** Each command registers itself on the program and reports its exit code through `setExit`. */
export type SetExit = (code: number) => void;
