/**
 * The JSON report (a contract other programs rely on):
 * {"schemaVersion":1,"tool":{name,version},"records":[…],"summary":{…}}
 * Records are written one per line as they are checked; the summary closes the object.
 */
import { jsonText } from '../../util/escape.js';
import { recordJsonText } from '../model.js';
import type { FormatterFactory } from './types.js';

export const json: FormatterFactory = (o) => {
  let first = true;
  const recordJson = (text: string): string => {
    const s = (first ? '\n' : ',\n') + text;
    first = false;
    return s;
  };
  return {
    start: () => `{"schemaVersion":1,"tool":${jsonText(o.tool)},"records":[`,
    record: (r) => recordJson(recordJsonText(r)),
    recordJson,
    end: (summary) => `${first ? '' : '\n'}],"summary":${jsonText(summary)}}\n`,
  };
};
