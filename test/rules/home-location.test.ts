import { describe, expect, it } from 'vitest';
import rule, { findDetails } from '../../rules/home-location.js';
import { RuleTester } from '../support/rule-tester.js';
import { fixtureLines as linesOf } from '../support/fixture-lines.js';
import { placeCount } from '../../src/detail-finders/uk-places.js';

const fixtureLines = (name: string) => linesOf('home-location', name);

new RuleTester().run('home-location', rule, {
  valid: [
    'We moved to Kent in 2010 and started fostering in 2012.',
    'Our office is at Unit 4, Riverside Business Park, Maidstone.',
    'Grace has worked in fostering for years.\n\nShe grew up in Reading and moved to Kent.',
    'Children and young people in Kent need homes right now.',
    'We held our awards evening at the Hilton in Maidstone.',
    "We're recruiting carers across Kent.",
    'Our Leeds office has moved.',
    'We need foster carers in Margate.',
    'Reading is a great way to bond with a child.',
    'In March our carers met for a picnic.',
    'Sarah Preston from our Bath team led the training.',
    'Children from all over Yorkshire need foster homes.',
    'Join us at our stand in Brighton today!',
    'The estate agent in town has been a great supporter.',
    'We visited Manchester last year for a conference.',
    'He has lived with us for two years.',
    'Room 12 Elm Road? No: Year 5 Park Lane school trip.',
    { text: 'Our foster son lives in Margate.', options: { towns: false } },
    { text: 'We are at Brighton beach right now!', options: { realTime: false } },
    { text: 'Write to us at 1 Trust House Road.', options: { allow: ['1 Trust House Road'] } },
  ],
  invalid: [
    { text: 'The Turner family from Rochester have fostered for years.', errors: [{ messageId: 'town', evidence: 'Rochester' }] },
    { text: 'His foster carers in Sittingbourne baked a cake.', errors: [{ messageId: 'town', evidence: 'Sittingbourne' }] },
    { text: 'Lily came to us at six.\n\nShe has lived in Faversham ever since.', errors: [{ messageId: 'town', evidence: 'Faversham', line: 3 }] },
    {
      text: 'Our foster son lives in Margate.',
      errors: [{ messageId: 'town', line: 1, column: 25, endColumn: 32, evidence: 'Margate', evidenceKind: 'town' }],
    },
    { text: 'She lives at 14 Elm Road with us.', errors: [{ messageId: 'address', evidence: '14 Elm Road', evidenceKind: 'street address' }] },
    { text: 'At Brighton beach right now!', errors: [{ messageId: 'realTime', evidence: 'Brighton beach' }] },
    { text: 'We are at Brighton beach right now with the kids.', errors: [{ messageId: 'realTime', evidence: 'Brighton beach' }] },
    { text: 'He grew up on the Whitehawk estate.', errors: [{ messageId: 'estate', evidence: 'Whitehawk estate' }] },
    { text: 'Jake lives on Station Road.', errors: [{ messageId: 'street', evidence: 'Station Road' }] },
    { text: 'We live in Whitstable with our three foster children.', errors: [{ messageId: 'town', evidence: 'Whitstable' }] },
    { text: 'Our daughter was born in Reading.', errors: [{ messageId: 'town', evidence: 'Reading' }] },
    { text: 'Mia, 7, from Stoke-on-Trent loves drawing.', errors: [{ messageId: 'town', evidence: 'Stoke-on-Trent' }] },
    { text: '📍 Hove Lagoon', errors: [{ messageId: 'realTime', evidence: 'Hove Lagoon' }] },
    { text: 'Flat 2, 9 St Mary’s Road is our home.', errors: [{ messageId: 'address', evidence: 'Flat 2, 9 St Mary’s Road' }] },
    { text: 'Currently at the soft play with our foster son.', errors: [{ messageId: 'realTime', evidence: 'soft play' }] },
  ],
});

describe('home-location findDetails', () => {
  it('indexes a substantial list of UK places', () => {
    expect(placeCount()).toBeGreaterThan(4000);
  });
  it('returns towns even when not tied to a child, for jigsaw-identification', () => {
    const text = 'Tom, 8, loves football in Margate. Our Leeds office is open.';
    expect(findDetails(text, {}).map((d) => [text.slice(d.start, d.end), d.label, d.kind])).toEqual([['Margate', 'home-location', 'town']]);
  });
  it('tells counties from towns', () => {
    const text = 'Carers across Kent and in Canterbury.';
    expect(findDetails(text, {}).map((d) => [text.slice(d.start, d.end), d.kind])).toEqual([['Kent', 'region'], ['Canterbury', 'town']]);
  });
  it('flags every line of the flagged fixture and none of the fine one', async () => {
    const { lintCase } = await import('../support/rule-tester.js');
    for (const line of fixtureLines('flagged.md')) {
      expect((await lintCase('home-location', rule, { text: line })).messages, line).not.toEqual([]);
    }
    for (const line of fixtureLines('fine.md')) {
      expect((await lintCase('home-location', rule, { text: line })).messages.map((m) => m.message), line).toEqual([]);
    }
  });
});
