import { ShaclChecker } from './dist/shacl/check.js';
import { validateRecords } from './dist/engine/pipeline.js';
const ours = await ShaclChecker.load();
const theirs = await ShaclChecker.load(['/work/shared/reference/dcat-ap/3.0.1/shacl/shapes.ttl','/work/shared/reference/dcat-ap/3.0.1/shacl/shapes_recommended.ttl'], {own:false});
for await (const p of validateRecords(['fixtures/ca-gc'], {profile: 'ca-gc'})) {
  if (!p.mapped) continue;
  const a = await ours.check(p.mapped.dataset);
  const b = await theirs.check(p.mapped.dataset);
  console.log(p.result.id, a.length, b.length);
  for (const f of a) console.log('  ours', f.ruleId, f.severity, f.property, JSON.stringify(f.data));
  for (const f of b) console.log('  theirs', f.ruleId, f.severity, f.property, JSON.stringify(f.data));
  break;
}
