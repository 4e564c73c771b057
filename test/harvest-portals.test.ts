/**
 * The portal registry (profiles/portals/*.yaml): every shipped portal is valid, names a profile
 * Passerelle has and a protocol the harvester speaks; every jurisdiction with a profile has a
 * portal; a user's folder adds portals on the profile search path, beside its profiles (never taken
 * for one); a bad file is said at its line.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPortal, loadPortal, portalIds } from '../src/harvest/portals.js';
import { protocolFor } from '../src/harvest/protocols.js';
import { PROFILES_DIR } from '../src/paths.js';
import { listProfileIds, loadProfile } from '../src/profiles/load.js';
import { locate, setSearchPath } from '../src/util/search-path.js';
import { tempDir } from './helpers.js';

afterEach(() => setSearchPath({ folders: [], allowShadow: false }));

test('every shipped portal is valid, with a known profile and a spoken protocol', () => {
  const ids = portalIds();
  // every Canadian jurisdiction's profile (ca-gc-legacy is data.gc.ca's old schema: no portal)
  const jurisdictions = listProfileIds().filter((p) => p.startsWith('ca-') && p !== 'ca-gc-legacy');
  expect(ids).toEqual(jurisdictions);
  for (const id of ids) {
    const p = findPortal(id);
    expect(p?.id).toBe(id);
    expect(listProfileIds()).toContain(p?.profile);
    for (const api of p?.apis ?? [])
      expect([
        api.kind,
        protocolFor(api.kind, api.url, api.pageSize) !== undefined || api.kind === 'ckan-bulk',
      ]).toEqual([api.kind, true]);
  }
  expect(findPortal('ca-gc')?.apis.map((a) => a.kind)).toEqual(['ckan-bulk', 'ckan']);
});

test("a user's folder adds a portal; a bad file is said at its line and key", () => {
  const tmp = tempDir();
  try {
    const dir = join(tmp.dir, 'profiles', 'portals');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'city-x.yaml'),
      'id: city-x\nname: {en: City X, fr: Ville X}\nprofile: ckan\napis:\n  - kind: ckan\n    url: https://data.example.ca/api/3/action\n',
    );
    writeFileSync(
      join(dir, 'city-y.yaml'),
      'id: city-y\nname: {en: City Y, fr: Ville Y}\nprofile: ckan\napis:\n  - kind: gopher\n    url: https://y.example.ca\n    rows: 10\n',
    );
    setSearchPath({ folders: [tmp.dir], allowShadow: false });
    expect(portalIds()).toContain('city-x');
    expect(findPortal('city-x')?.apis[0].url).toBe('https://data.example.ca/api/3/action');
    const y = join(dir, 'city-y.yaml');
    // in the file's order, each at its key or value
    expect(() => loadPortal(y)).toThrow(
      [
        `${y}:5:11: api 1: kind must be one of ckan, ckan-bulk, csw, socrata, data-json, dcat-ap`,
        `${y}:7:5: api 1: unknown key "rows" (known: kind, url, pageSize)`,
      ].join('\n'),
    );
    // a portal is found by its file's name: an id that differs is refused at its line
    writeFileSync(
      join(dir, 'city-z.yaml'),
      'id: city-x\nname: {en: Z, fr: Z}\nprofile: ckan\napis: []\n',
    );
    expect(() => findPortal('city-z')).toThrow(
      `${join(dir, 'city-z.yaml')}:1:5: id must be the file's name, "city-z"`,
    );
  } finally {
    tmp.cleanup();
  }
});

test('the portals/ folder beside the profiles: never a profile; profiles, their extends and shadowing as before', () => {
  const tmp = tempDir();
  try {
    const portals = join(tmp.dir, 'profiles', 'portals');
    mkdirSync(portals, { recursive: true });
    // a user's profile that extends a shipped one, and a portal that follows it
    writeFileSync(
      join(tmp.dir, 'profiles', 'city-x.yaml'),
      'id: city-x\nextends: ckan\nname: {en: City X, fr: Ville X}\n',
    );
    writeFileSync(
      join(portals, 'city-x.yaml'),
      'id: city-x\nname: {en: City X, fr: Ville X}\nprofile: city-x\napis: []\n',
    );
    setSearchPath({ folders: [tmp.dir], allowShadow: false });
    const shipped = readdirSync(PROFILES_DIR)
      .filter((n) => n.endsWith('.yaml'))
      .map((n) => n.slice(0, -5));
    expect(listProfileIds()).toEqual([...shipped, 'city-x'].sort());
    expect(listProfileIds()).not.toContain('portals');
    expect(locate('profiles', 'portals')).toBeUndefined();
    // the portal's profile is the user's, which inherits ckan's fields
    const profile = loadProfile(findPortal('city-x')?.profile as string);
    expect(profile.id).toBe('city-x');
    expect(Object.keys(profile.fields)).toEqual(Object.keys(loadProfile('ckan').fields));
    // a portal of the same id as a shipped one replaces it only when allowed, as a profile does
    writeFileSync(
      join(portals, 'ca-on.yaml'),
      'id: ca-on\nname: {en: Mine, fr: La mienne}\nprofile: ca-on\napis: []\n',
    );
    expect(() => findPortal('ca-on')).toThrow(
      /would replace the portal "ca-on" shipped with Passerelle/,
    );
    setSearchPath({ folders: [tmp.dir], allowShadow: true });
    expect(findPortal('ca-on')?.name.en).toBe('Mine');
  } finally {
    tmp.cleanup();
  }
});
