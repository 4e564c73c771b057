/** Fills `{{name}}` placeholders of a message template. */
export function render(template: string, data: Record<string, unknown> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => (data[k] === undefined || data[k] === null ? '' : String(data[k])));
}
