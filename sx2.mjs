import { SaxesParser } from 'saxes';
import { readFileSync } from 'node:fs';
const counts = new Map();
for (const f of process.argv.slice(2)) {
const p = new SaxesParser({ xmlns: true, position: true });
p.on('error', () => {});
const stack = [];
p.on('opentag', (t) => { stack.push(t.prefix+':'+t.local); const i = stack.findIndex(s=>s.endsWith('MD_Metadata')); if (i>=0) { const k = stack.slice(i+1).join('/') + ' ' + Object.keys(t.attributes).filter(a=>!a.startsWith('xmlns')).join(','); counts.set(k,(counts.get(k)??0)+1);} });
p.on('closetag', () => stack.pop());
p.write(readFileSync(f, 'utf8')).close();
}
for (const [k,v] of [...counts].sort()) console.log(v, k);
