import rule from '../../rules/unattributed-content.js';
import { RuleTester } from '../support/rule-tester.js';

new RuleTester({ settings: { untrustedDomains: ['dailyrumour.example', 'https://www.fakenews.example/'] } }).run('unattributed-content', rule, {
  valid: [
    '“Fostering changed my life and gave me a family,” said Jade, 19.',
    'As the Children’s Commissioner wrote: "every child deserves a stable and loving home".',
    '"Every child deserves a stable and loving home" — Anne Longfield',
    '> Every child deserves a stable, loving home of their own.\n\n— Jane Smith, foster carer',
    'We are "very, very" proud.', // too short to be shared material
    'RT @BBCNews: Fostering numbers rise again this year',
    'Great news via @KentCouncil today.',
    'Apply via our website today.',
    'Children must be protected from abuse via the internet. Therefore we check.',
    'This will be referred to as “a second pair of eyes principle” from now on.',
    'Read the [Ofsted report](https://www.gov.uk/government/ofsted) on fostering.',
    'See https://www.bbc.co.uk/news/fostering for more.',
    { text: 'Read it at https://dailyrumour.example/story', settings: { untrustedDomains: [] } },
  ],
  invalid: [
    {
      text: 'Remember: "Children in care are always better off with their birth family."',
      errors: [{ messageId: 'quote', line: 1, column: 12, evidence: 'Children in care are always better off with their birth family.', evidenceKind: 'quotation' }],
    },
    { text: 'RT Shocking figures on children in care this year', errors: [{ messageId: 'retweet', column: 1, endColumn: 3, evidence: 'RT' }] },
    { text: 'Amazing story via Facebook', errors: [{ messageId: 'via', evidence: 'via Facebook' }] },
    { text: 'Worth a read (via a friend)', errors: [{ messageId: 'via', evidence: 'via a friend' }] },
    { text: 'Worth a read, via', errors: [{ messageId: 'via', evidence: 'via' }] },
    { text: 'More at https://bit.ly/3xYzAbc', errors: [{ messageId: 'shortened', column: 9, evidence: 'https://bit.ly/3xYzAbc' }] },
    { text: 'Read [here](https://example.org/report).', errors: [{ messageId: 'genericLink', evidence: 'https://example.org/report', message: /Link text "here"/ }] },
    {
      text: 'Shocking: https://news.dailyrumour.example/story.',
      errors: [{ messageId: 'untrusted', evidence: 'https://news.dailyrumour.example/story', message: /dailyrumour\.example is on the Trust's list/ }],
    },
    { text: 'See [the facts](https://fakenews.example/a)', errors: [{ messageId: 'untrusted', line: 1, column: 17 }] },
    { text: 'Visit www.fakenews.example today', errors: [{ messageId: 'untrusted', evidence: 'www.fakenews.example' }] },
  ],
});
