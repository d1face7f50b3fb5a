import { it } from 'vitest';
import { findPlaces, placeCount } from '../../src/detail-finders/uk-places.js';
it('try', () => {
let t = performance.now();
console.log(placeCount(), 'ms', performance.now() - t);
for (const s of [
  'Our foster son lives in Margate with us.',
  "We're recruiting carers across Kent and in Medway.",
  'Our Leeds office is open. Reading is fun. She loves reading in Reading.',
  'Sarah Preston from Preston visited St. Helens and Stoke-on-Trent, then Newcastle upon Tyne.',
  "At Brighton beach right now! Margate's sands. Leeds United won. Kent County Council said.",
  'In March we went to Bath. MARGATE HEADING. Mr Bolton and Jake Sheffield. Milton Keynes is near.',
  'We live in Sutton. Jo Sutton came. Weston-super-Mare and Wells-next-the-Sea.',
]) console.log(findPlaces(s).map((p) => `${p.name}:${p.kind}`).join(', '));
});
