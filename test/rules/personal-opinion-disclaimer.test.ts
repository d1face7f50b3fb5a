import rule from '../../rules/personal-opinion-disclaimer.js';
import { RuleTester } from '../support/rule-tester.js';

const personal = (body: string, extra = '') => `---\naccount: personal\n${extra}---\n\n${body}\n`;

new RuleTester().run('personal-opinion-disclaimer', rule, {
  valid: [
    // Official posts speak for the Trust.
    '---\naccount: official\n---\n\nCFT thinks every child deserves a family.',
    'CFT thinks every child deserves a family.',
    // Personal posts that do not discuss the Trust.
    personal('Lovely walk with the dog today.'),
    personal('I trust my instincts about people.'),
    // Personal posts with a disclaimer.
    personal('I work for CFT and I think the new allowances are too low. Views are my own.'),
    personal('Proud of what the Trust did this year (my own views, not my employer’s).'),
    personal("I think the Children's Family Trust should open on Sundays.\n\n*Opinions   are MY OWN*"),
    personal('The Trust should hire more staff. These views don’t represent the Trust.'),
    { text: personal('CFT rocks. #mythoughts'), options: { disclaimers: ['#mythoughts'] } },
  ],
  invalid: [
    {
      text: personal('I work for CFT and I think the new allowances are too low.'),
      errors: [{ messageId: 'missing', line: 5, column: 12, endColumn: 15, evidence: 'CFT', message: /mentions CFT but does not say the views are your own/ }],
    },
    { text: personal('Big news!\n\nThe Trust is moving offices, and I think it is a mistake.'), errors: [{ line: 7, evidence: 'The Trust' }] },
    { text: personal('Acme Fostering is moving.'), settings: { organisationNames: ['Acme Fostering'] }, errors: [{ evidence: 'Acme Fostering' }] },
    { text: '---\ntitle: My thoughts on CFT\naccount: Personal\n---\n\nHello.', errors: [{ line: 2, evidence: 'CFT' }] },
  ],
});
