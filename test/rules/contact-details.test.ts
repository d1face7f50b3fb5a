import rule from '../../rules/contact-details.js';
import { RuleTester } from '../support/rule-tester.js';

new RuleTester().run('contact-details', rule, {
  valid: [
    'We are recruiting foster carers across Kent this spring.',
    'In 2019-2021 our 1234 carers looked after children across the region.',
    'Ref 12345678901 is our charity number.',
    { text: 'Call us on 020 7946 0000.', options: { allow: ['020 7946 0000'] } },
    { text: 'Email hello@cft.example.org', options: { email: false } },
    'The m1 1ae bus goes nowhere.',
  ],
  invalid: [
    {
      text: 'Ring Sam on 020 7946 0123 tonight.',
      errors: [{ messageId: 'phone', line: 1, column: 13, endColumn: 26, evidence: '020 7946 0123', evidenceKind: 'phone number' }],
    },
    { text: 'Mobile: 07700 900123', errors: [{ messageId: 'phone', evidence: '07700 900123' }] },
    { text: 'or +44 7700 900 123', errors: [{ messageId: 'phone', column: 4 }] },
    {
      text: 'Write to **jo.bloggs@example.com** please',
      errors: [{ messageId: 'email', line: 1, column: 12, endColumn: 33, evidence: 'jo.bloggs@example.com' }],
    },
    { text: 'Our family lives at 12 High St, SW1A 1AA.', errors: [{ messageId: 'postcode', evidence: 'SW1A 1AA', column: 33 }] },
    { text: 'Title\r\n\r\nCall 0161 496 0000 now', errors: [{ messageId: 'phone', line: 3, column: 6 }] },
    { text: '🎉 café: 0161 496 0000', errors: [{ messageId: 'phone', line: 1, column: 10 }] },
    { text: 'Call 0161 496 0000', filename: 'note.txt', errors: [{ line: 1, column: 6 }] },
  ],
});
