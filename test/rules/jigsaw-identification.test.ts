import rule from '../../rules/jigsaw-identification.js';
import { RuleTester } from '../support/rule-tester.js';

new RuleTester().run('jigsaw-identification', rule, {
  valid: [
    // One or two kinds only.
    'Our foster son Tom, aged 7, loves football.',
    'We are recruiting carers across Kent; call 0300 123 4567 or email fostering@example.org.',
    // Details in different paragraphs.
    'Our foster son Tom loves football.\n\nHe is 7 now.\n\nThe school is lovely.',
    // No detail about a child: a town, a phone number and a date are the Trust's event.
    'Information evening at Maidstone Library on Thursday 15 May; call 01622 960 123 to book.',
    { text: 'Our foster son Tom, aged 7, is in Year 2.', options: { threshold: 4 } },
  ],
  invalid: [
    {
      text: 'Lily came to us aged 5, and she is now in Year 3 at Oakfield Primary.',
      errors: [{ messageId: 'jigsaw', line: 1, column: 1, endColumn: 5, message: /^First name, age, year group and school together can identify a child/ }],
    },
    {
      name: 'a name, an age and an event date',
      text: 'We also said happy birthday to our foster son Oscar, who turned 9 last Saturday.',
      errors: [{ messageId: 'jigsaw' }],
    },
    {
      name: 'one report per paragraph however many details',
      text: 'Tom, 7, and Amy, 9, are in Year 2 and Year 4 at Oakfield Primary.\n\nTom, 7, is in Year 2.',
      errors: [{ line: 1, column: 1 }, { line: 3, column: 1 }],
    },
    {
      name: 'window joins paragraphs',
      text: 'Our foster son Tom loves football.\n\nHe is in Year 2 now, aged 7.',
      options: { window: 2 },
      errors: [{ line: 1, column: 16 }],
    },
    { text: 'Our foster son Tom, aged 7, loves football.', options: { threshold: 2 }, errors: 1 },
  ],
});
