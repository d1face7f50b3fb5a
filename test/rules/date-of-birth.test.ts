import rule from '../../rules/date-of-birth.js';
import { RuleTester } from '../support/rule-tester.js';

const lastYear = new Date().getFullYear() - 1;

new RuleTester().run('date-of-birth', rule, {
  valid: [
    'She was born in Kent and grew up by the sea.',
    'Our founder was born in 1952 in Canterbury.',
    'Happy birthday to our wonderful carer Sue!',
    'Happy 50th birthday to our manager Jan.',
    "We celebrate every child's birthday. Birthdays matter.",
    'Happy 10th birthday to the Children\'s Family Trust!',
    'Birthday parties can be hard for children in care.',
    { text: 'Happy birthday to our little man!', options: { greetings: false } },
    'Born to be a foster carer: meet Angela.',
  ],
  invalid: [
    {
      text: 'Our foster daughter was born on 3 March 2015 in Kent.',
      errors: [{ messageId: 'dob', line: 1, column: 25, evidence: 'born on 3 March 2015', evidenceKind: 'date of birth' }],
    },
    { text: 'DOB: 03/03/2016', errors: [{ evidence: 'DOB: 03/03/2016' }] },
    { text: 'Her 9th birthday on 12 May was amazing.', errors: [{ messageId: 'birthday', evidence: '9th birthday on 12 May' }] },
    { text: 'He turns 16 on Friday!', errors: [{ evidence: 'on Friday' }] },
    { text: 'Happy 8th birthday to our little man!', errors: [{ evidence: '8th birthday' }] },
    { text: "Today is Tom's birthday and we had cake.", errors: [{ evidence: "Today is Tom's birthday" }] },
    { text: "Tom's birthday party is this Saturday.", errors: [{ evidence: 'birthday party is this Saturday' }] },
    { text: `She was born prematurely in May ${lastYear}.`, errors: [{ evidence: `born prematurely in May ${lastYear}` }] },
    { text: 'We also said happy birthday to Oscar.', errors: [{ evidence: 'birthday' }] },
    { text: 'Born: 12th June 2014', errors: 1 },
  ],
});
