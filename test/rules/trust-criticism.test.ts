import rule from '../../rules/trust-criticism.js';
import { RuleTester } from '../support/rule-tester.js';

new RuleTester().run('trust-criticism', rule, {
  valid: [
    'Thank you to the Trust for a wonderful year.',
    'Our carers are amazing and we are so proud of them.',
    'There is a shortage of foster carers in Kent, and children need homes.',
    'The weather was terrible at the summer fair.', // negative, but about no one at the Trust
    'I trust my gut: this cake is awful.', // "trust" in lower case is not the Trust
    'CFT welcomes new carers this spring.',
    'Our social worker was a little late, no problem.',
    'Our carers? Second to none, no doubt about it.',
    { text: 'Our manager was rude.', options: { threshold: -3 } },
  ],
  invalid: [
    {
      text: 'Honestly CFT is useless and the managers are incompetent. Still, great cake.',
      errors: [{ messageId: 'criticism', line: 1, column: 1, endColumn: 58, evidence: 'Honestly CFT is useless and the managers are incompetent.', message: /criticism of CFT \(negative words: (useless, incompetent|incompetent, useless)\)/ }],
    },
    { text: 'The Trust let me down badly, a total shambles.', errors: [{ message: /criticism of The Trust/ }] },
    { text: 'Our social worker was rude and never called back.', errors: [{ message: /social worker/ }] },
    { text: 'I hate how the Trust treats its staff.', errors: 1 },
    { text: "The Children's Family Trust is not good at communication.", errors: [{ message: /Children's Family Trust/ }] },
    { text: 'My colleagues are lazy and pathetic', errors: [{ evidence: 'My colleagues are lazy and pathetic' }] },
    { text: 'Acme Fostering is a shambles.', settings: { organisationNames: ['Acme Fostering'] }, errors: [{ message: /Acme Fostering/ }] },
    { text: 'Great day!\nThe fostering panel was a joke and a disgrace.', errors: [{ line: 2, column: 1 }] },
  ],
});
