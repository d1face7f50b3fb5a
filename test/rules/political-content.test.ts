import rule from '../../rules/political-content.js';
import { RuleTester } from '../support/rule-tester.js';
import { textHash } from '../../src/review/content.js';

const POST = '---\ntitle: Our week\n---\n\nWe met our local MP to talk about fostering.\n';
const signed = (text: string, by = 'A. Reviewer', hash = textHash(text, 'markdown')) =>
  text.replace('---\n', `---\nreview: { by: "${by}", on: 2026-11-25, hash: "${hash}" }\n`);

new RuleTester().run('political-content', rule, {
  valid: [
    // False friends: the lexicon's disambiguation keeps these quiet.
    'Happy birthday party for Jade and her foster family!',
    'We painted the fence Green and blue.',
    'Green jumpers for everyone at the summer fair.',
    'Fostering is a labour of love.',
    'Labour of love: ten years of fostering with CFT.',
    '# A Labour Of Love',
    'Labour ward nurses became foster carers too.',
    'A vote of thanks to all our carers.',
    '# Vote Of Thanks',
    'Conservative estimates say we need 500 more carers.',
    'Our carers know how to strike a balance between fun and rules.',
    'The rally car club raised £500 for us.',
    'Meet us in the hotel lobby at ten.',
    'Her mp3 player went everywhere with her.',
    'A 12 MP camera was donated.',
    'Our greens and blues bunting is up.',
    'The party was brilliant and the cake was better.',
    'We rated the cake inadequate, sadly.',
    // URLs and front-matter bookkeeping are not prose.
    '[Our partners](https://example.org/labour-market-report)',
    '---\nauthor: Vote Smith\n---\n\nHello there.',
    // ignoreTerms.
    { text: 'Thanks to our local councillor for visiting.', options: { ignoreTerms: ['Councillor'] } },
    { text: 'Thanks to our local councillors for visiting.', options: { ignoreTerms: ['councillor'] } },
    // A valid sign-off makes the review hook suppress the rule; the rule itself still reports (see the engine).
  ],
  invalid: [
    {
      text: 'We met our local MP to talk about fostering.',
      errors: [{ messageId: 'political', line: 1, column: 18, endColumn: 20, evidence: 'MP', evidenceKind: 'political term', message: /mentions a political office or institution \("MP", once\)/ }],
    },
    { text: 'Labour Party conference this week.', errors: [{ evidence: 'Labour Party', message: /political party/ }] },
    { text: 'Thanks to Labour for the visit.', errors: [{ evidence: 'Labour' }] },
    { text: 'Labour MPs visited our office.', errors: [{ evidence: 'Labour', column: 1 }, { evidence: 'MPs' }] },
    { text: 'Meet the Green Party candidate.', errors: [{ evidence: 'Green Party' }] },
    { text: 'Green MP Sian visited.', errors: [{ evidence: 'Green' }, { evidence: 'MP' }] },
    { text: 'Why the Greens are right about care.', errors: [{ evidence: 'the Greens' }] },
    { text: 'The Tories and the Lib Dems agree.', errors: [{ evidence: 'Tories' }, { evidence: 'Lib Dems' }] },
    { text: 'Please vote on Thursday!', errors: [{ evidence: 'vote', message: /elections, voting or campaigning/ }] },
    { text: 'Voting opens today.', errors: [{ evidence: 'Voting' }] },
    { text: 'Sign our petition to the council.', errors: [{ evidence: 'petition', message: /protests, petitions or strikes/ }] },
    { text: 'Social workers are on strike again.', errors: [{ evidence: 'strike' }] },
    { text: 'Funding cuts hurt children in care.', errors: [{ evidence: 'Funding cuts', message: /legislation or government policy/ }] },
    { text: 'We welcome unaccompanied asylum-seeking children.', errors: [{ evidence: 'asylum-seeking' }] },
    { text: 'Unaccompanied children arrive in Kent every week.', errors: [{ evidence: 'Unaccompanied children' }] },
    { text: 'Asylum seekers deserve families too.', errors: [{ evidence: 'Asylum seekers', message: /asylum or immigration/ }] },
    { text: 'Ofsted rated the council inadequate.', errors: [{ evidence: 'inadequate', message: /Ofsted judgement/ }] },
    { text: 'Brexit changed everything for EU carers.', errors: [{ evidence: 'Brexit' }] },
    { text: 'Universal Credit delays hit carers.', errors: [{ evidence: 'Universal Credit', message: /welfare benefits/ }] },
    { text: "The MP's speech was about care.", errors: [{ evidence: "MP's" }] },
    // Each distinct term once, at its first place, with a count.
    {
      text: 'Vote today.\n\nDid you vote? Votes count. The MP said so.\n\nMPs agree.',
      errors: [
        { evidence: 'Vote', line: 1, column: 1, message: /\("Vote", 3 times\)/ },
        { evidence: 'MP', line: 3, message: /\("MP", 2 times\)/ },
      ],
    },
    // extraTerms, matched literally.
    { text: 'Support #GE2026 and C.F.T. policy!', options: { extraTerms: ['#GE2026'] }, errors: [{ evidence: '#GE2026', message: /configured political list/ }] },
    { text: 'Ask about the a.b test.', options: { extraTerms: ['a.b'] }, errors: [{ evidence: 'a.b' }] },
    { text: 'Ask about the axb test.', options: { extraTerms: ['a.b', 'xb'] }, errors: 0 },
    // Front-matter titles are read.
    { text: '---\ntitle: Election special\n---\n\nHello.', errors: [{ evidence: 'Election', line: 2 }] },
    // Review status shapes the message.
    {
      name: 'stale sign-off: reviewed by X on D, but changed since',
      text: signed(POST).replace('fostering', 'fostering allowances'),
      errors: [{ messageId: 'stale', message: /Reviewed by A\. Reviewer on 2026-11-25, but changed since/ }],
    },
    {
      name: 'sign-off by someone not in settings.reviewers',
      text: signed(POST),
      settings: { reviewers: ['Line Manager'] },
      errors: [{ messageId: 'refused', message: /A\. Reviewer is not listed in settings\.reviewers/ }],
    },
    { name: 'a valid sign-off alone does not silence the rule (the engine suppresses it)', text: signed(POST), errors: [{ messageId: 'political' }] },
  ],
});
