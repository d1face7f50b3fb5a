import { describe, expect, it } from 'vitest';
import rule, { findDetails } from '../../rules/care-details.js';
import { RuleTester } from '../support/rule-tester.js';
import { fixtureLines as linesOf } from '../support/fixture-lines.js';

const fixtureLines = (name: string) => linesOf('care-details', name);

new RuleTester().run('care-details', rule, {
  valid: [
    'The children we care for have often experienced abuse.',
    'I was in care myself as a teenager, so I know how it feels.',
    'Our foster carers have looked after children for twenty years.',
    'Our first placement was a lovely experience for the whole family.',
    'Children in care need loving homes.',
    'Become a foster carer: every child deserves a family.',
    'Many looked-after children have ADHD or autism.',
    'When a child comes into care, she may feel lost and scared.',
    'Contact us to talk about fostering.',
    'We adopted a new approach to training this year.',
    'The council adopted the policy in May.',
    'Our supervising social worker Jan has been brilliant.',
    'Your DBS disclosure is checked before approval.',
    'Every child in care has a social worker and an IRO.',
    'She added a new section to the handbook.',
    'Send us your questions about respite fostering.',
    'Care leavers week is a chance to celebrate success.',
    'Take care and see you at the picnic!',
    'Our court was booked for the tennis tournament.',
    { text: 'Our foster son has ADHD.', options: { kinds: ['care status'] } },
    { text: 'Jake has ADHD and loves football.', options: { allow: ['ADHD'] } },
    { text: 'Jake has ADHD.', settings: { allowNames: ['Jake'] } },
  ],
  invalid: [
    { text: 'Her last placement broke down in May.', errors: [{ messageId: 'careHistory', evidence: 'Her last placement' }] },
    { text: 'He arrived after a placement with his aunt fell through.', errors: [{ evidence: 'placement with his aunt fell through' }] },
    {
      text: 'Our foster son has ADHD.',
      errors: [{ messageId: 'medical', line: 1, column: 20, endColumn: 24, evidence: 'ADHD', evidenceKind: 'medical' }],
    },
    { text: 'She has been in care since she was three.', errors: [{ messageId: 'careStatus', evidence: 'in care' }] },
    { text: 'His placement broke down last month.', errors: [{ messageId: 'careHistory', evidence: 'placement broke down' }] },
    { text: 'Jake was adopted in 2021.', errors: [{ messageId: 'careStatus', evidence: 'was adopted' }] },
    { text: 'She sees her birth mum once a month.', errors: [{ messageId: 'careHistory', evidence: 'birth mum' }] },
    { text: 'Our lad has contact with his birth dad on Sundays.', errors: [{ evidence: 'contact with his' }, { evidence: 'birth dad' }] },
    { text: 'The boy is on a care order.', errors: [{ messageId: 'careStatus', evidence: 'care order' }] },
    { text: 'Her special guardianship order came through!', errors: [{ evidence: 'special guardianship order' }] },
    { text: 'Her social worker came round today.', errors: [{ messageId: 'socialWork', evidence: 'Her social worker' }] },
    { text: "Tom's social worker came round today.", errors: [{ messageId: 'socialWork', evidence: "Tom's social worker" }] },
    { text: 'He has a court hearing on Friday.', errors: [{ messageId: 'legal', evidence: 'court hearing' }] },
    { text: 'Our daughter is self-harming again.', errors: [{ messageId: 'medical', evidence: 'self-harming' }] },
    { text: 'Looked-after since birth, Mia is now 9.', errors: [{ messageId: 'careStatus', evidence: 'Looked-after' }] },
    { text: 'We adopted her when she was two.', errors: [{ evidence: 'adopted her' }] },
    { text: 'He is on a child protection plan.\n\nShe has CAMHS on Monday.', errors: [{ line: 1, evidence: 'child protection plan' }, { line: 3, evidence: 'CAMHS' }] },
    { text: 'Ben, 14, came into care last year.', errors: [{ evidence: 'came into care' }] },
    { text: 'Our 7-year-old has epilepsy.', errors: [{ evidence: 'epilepsy' }] },
    { text: 'Our foster children are both autistic.', errors: [{ evidence: 'autistic' }] },
  ],
});

describe('care-details findDetails', () => {
  it('returns tied details with their kinds', () => {
    const text = 'Our foster son has ADHD. Children in care need homes.';
    expect(findDetails(text, {}).map((d) => [text.slice(d.start, d.end), d.label, d.kind])).toEqual([['ADHD', 'care-details', 'medical']]);
  });
  it('flags every line of the flagged fixture and none of the fine one', () => {
    for (const line of fixtureLines('flagged.md')) expect(findDetails(line, {}), line).not.toEqual([]);
    for (const line of fixtureLines('fine.md')) expect(findDetails(line, {}), line).toEqual([]);
  });
});
