import rule from '../../rules/no-credentials.js';
import { RuleTester } from '../support/rule-tester.js';

// Token-shaped strings built at run time, so this file holds no literal secrets for scanners to trip on.
const GITHUB = `ghp_${'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'}`;
const AWS_ID = `AKIA${'Z3MPLE4RQW7TY2UI'}`;
const SLACK = `xoxb-${'1234567890'}-${'1234567890123'}-${'AbCdEfGhIjKlMnOpQrStUvWx'}`;

new RuleTester().run('no-credentials', rule, {
  valid: [
    'Your password is important: never share it.',
    'Keep passwords safe and change them often.',
    'The password is held at Head Office.',
    'Ask Head Office for the login details.',
    'Pin the badge to your coat.',
    'Our postcode: SW1A 1AA.',
    'Use a strong passcode for your phone.',
    'Password: ********',
    'The security question is a good idea.',
    'Our verification code of conduct was updated in 2024.',
    { text: 'Training demo — password: Demo123!', options: { allow: ['Demo123!'] } },
    { text: `Token ${GITHUB}`, options: { tokens: false } },
  ],
  invalid: [
    {
      text: 'Facebook password: Sunsh1ne!2026 (keep it safe)',
      errors: [{ messageId: 'credential', line: 1, column: 20, endColumn: 33, evidence: 'Sunsh1ne!2026', evidenceKind: 'password', message: /A password in a draft: Sunsh1ne!2026/ }],
    },
    { text: 'The password for the Instagram account is FosterKent24', errors: [{ evidence: 'FosterKent24' }] },
    { text: 'the wifi password is "bluebell"', errors: [{ evidence: 'bluebell' }] },
    { text: 'Password: bluebell\nThanks all', errors: [{ evidence: 'bluebell' }] },
    { text: 'Username: cft_kent_comms', errors: [{ evidence: 'cft_kent_comms', evidenceKind: 'login detail' }] },
    { text: 'Log-in: comms@cft.example.org', errors: [{ evidence: 'comms@cft.example.org' }] },
    { text: 'Your verification code is 482 913.', errors: [{ evidence: '482 913', evidenceKind: 'one-time code' }] },
    { text: 'OTP: 123456', errors: [{ evidence: '123456' }] },
    { text: 'Door PIN is 4821', errors: [{ evidence: '4821', evidenceKind: 'PIN' }] },
    { text: 'Backup codes: 1234-5678', errors: [{ evidence: '1234-5678' }] },
    { text: "Memorable word: Rosebud. Mother's maiden name is Hughes.", errors: [{ evidence: 'Rosebud', evidenceKind: 'account recovery detail' }, { evidence: 'Hughes' }] },
    { text: `Here is the token ${GITHUB} for the bot`, errors: [{ evidence: GITHUB, evidenceKind: 'GitHub token', column: 19 }] },
    { text: `Key id ${AWS_ID}`, errors: [{ evidenceKind: 'AWS key', evidence: AWS_ID }] },
    { text: `Slack bot: ${SLACK}`, errors: [{ evidenceKind: 'Slack token' }] },
    { text: `# Setup\n\n\`\`\`\npassword = ${'Hunter2!x'}\n\`\`\``, errors: [{ line: 4, column: 12, evidence: 'Hunter2!x' }] },
    { text: 'Password: Fost3r!\r\nUser name: kentcft1', filename: 'note.txt', errors: [{ line: 1, evidence: 'Fost3r!' }, { line: 2, column: 12, evidence: 'kentcft1' }] },
  ],
});
