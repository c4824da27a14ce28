// Writes resources/catalogs/causes.json, the SPC catalogues of causes of action and criminal charges that the
// registration form searches, from the official lists as JSON (a folder given on the command line).
// Usage: node scripts/catalogs.mjs DATA_DIR   (DATA_DIR holds causes-civil.json, causes-administrative.json, charges-criminal.json)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: node scripts/catalogs.mjs DATA_DIR');
  process.exit(2);
}

// Only what can be picked for a case: numbered causes (and the civil sub-items) and every charge; the headings above
// them travel as the path shown beside each.
const pickable = { civil: new Set([3, 4]), administrative: new Set([3]), criminal: new Set([3]) };
const files = { civil: 'causes-civil.json', administrative: 'causes-administrative.json', criminal: 'charges-criminal.json' };
const ids = { civil: 'civil-2025', administrative: 'administrative-2020', criminal: 'criminal-2024' };

const out = {};
for (const [kind, file] of Object.entries(files)) {
  const doc = JSON.parse(readFileSync(path.join(dataDir, file), 'utf8'));
  out[kind] = {
    catalog: ids[kind],
    source: doc.source,
    version: doc.version,
    items: doc.items.filter((i) => pickable[kind].has(i.level)).map((i) => ({ name: i.name, code: i.code, path: i.path })),
  };
}
mkdirSync(path.join(root, 'resources', 'catalogs'), { recursive: true });
writeFileSync(path.join(root, 'resources', 'catalogs', 'causes.json'), `${JSON.stringify(out)}\n`);
console.log(Object.entries(out).map(([k, v]) => `${k}: ${v.items.length}`).join(', '));
