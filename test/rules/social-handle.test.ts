import { describe, expect, it } from 'vitest';
import rule, { findDetails } from '../../rules/social-handle.js';
import { RuleTester } from '../support/rule-tester.js';
import { fixtureLines as linesOf } from '../support/fixture-lines.js';

const fixtureLines = (name: string) => linesOf('social-handle', name);

const OWN = { ownAccounts: ['@ChildrensFamilyTrust', 'https://facebook.com/ChildrensFamilyTrust'] };

new RuleTester({ settings: OWN }).run('social-handle', rule, {
  valid: [
    'Thanks @KentCouncil and @NHSEngland for your support.',
    'Follow @ChildrensFamilyTrust for news.',
    'Like our page: facebook.com/ChildrensFamilyTrust',
    "It's #FosteringFortnight!",
    '#FosterCare #ChildrenInCare #MondayMotivation',
    'Email jo@example.org for details.',
    'Watch https://www.youtube.com/watch?v=abc123 now.',
    'See instagram.com/explore/tags/fostering for more.',
    'Share: https://www.facebook.com/sharer/sharer.php?u=x',
    'Visit tiktok.com today.',
    'Meet us at 10am #Community',
    '#ChristmasEve at the office',
    '#MayDay charity walk',
    '#fostercare and #fosteringfortnight',
    '#Fostering #FosterCareFortnight #Kent #Chelsea',
    'The C# course and issue #123 are unrelated.',
    { text: 'Thanks @coach_mike!', options: { allow: ['@coach_mike'] } },
    { text: 'Thanks @coach_mike!', options: { handles: false } },
    { text: '#HappyBirthdayJake', options: { hashtags: false } },
    { text: 'instagram.com/jake', options: { profileUrls: false } },
  ],
  invalid: [
    {
      text: 'Follow him at @jake_2011 for more.',
      errors: [{ messageId: 'handle', line: 1, column: 15, endColumn: 25, evidence: '@jake_2011', evidenceKind: 'handle' }],
    },
    { text: 'Happy days #HappyBirthdayJake', errors: [{ messageId: 'hashtag', evidence: '#HappyBirthdayJake', evidenceKind: 'hashtag' }] },
    { text: '#TeamLily', errors: [{ messageId: 'hashtag', evidence: '#TeamLily' }] },
    { text: 'so proud #happybirthdayjake', errors: [{ evidence: '#happybirthdayjake' }] },
    { text: 'big day #jakes10th', errors: [{ evidence: '#jakes10th' }] },
    { text: 'Hello #Mia', errors: [{ evidence: '#Mia' }] },
    { text: 'Her page: https://www.instagram.com/lily.dances/', errors: [{ messageId: 'profileUrl', evidence: 'https://www.instagram.com/lily.dances/', evidenceKind: 'profile URL' }] },
    { text: 'Videos at tiktok.com/@kai_plays.', errors: [{ messageId: 'profileUrl', evidence: 'tiktok.com/@kai_plays' }] },
    { text: 'Channel youtube.com/c/MiasMakes', errors: [{ messageId: 'profileUrl', evidence: 'youtube.com/c/MiasMakes' }] },
    { text: 'Toot at https://mastodon.online/@jake', errors: [{ messageId: 'profileUrl', evidence: 'https://mastodon.online/@jake' }] },
    { text: '[his Insta](https://instagram.com/tom_draws)', errors: [{ messageId: 'profileUrl', evidence: 'https://instagram.com/tom_draws' }] },
    { text: 'Thanks @sue and @dave.smith!', errors: [{ evidence: '@sue' }, { evidence: '@dave.smith' }] },
    { text: 'Follow @ChildrensFamilyTrust and @jo_bloggs', errors: [{ evidence: '@jo_bloggs' }] },
  ],
});

describe('social-handle findDetails', () => {
  it('returns handles, profile links and hashtags with their kinds', () => {
    const text = '@jake_2011 instagram.com/jake #HappyBirthdayJake #FosterCare';
    expect(findDetails(text, {}).map((d) => [text.slice(d.start, d.end), d.label, d.kind])).toEqual([
      ['@jake_2011', 'social-handle', 'handle'],
      ['instagram.com/jake', 'social-handle', 'profile URL'],
      ['#HappyBirthdayJake', 'social-handle', 'hashtag'],
    ]);
  });
  it('flags every line of the flagged fixture and none of the fine one', () => {
    for (const line of fixtureLines('flagged.md')) expect(findDetails(line, OWN), line).not.toEqual([]);
    for (const line of fixtureLines('fine.md')) expect(findDetails(line, OWN), line).toEqual([]);
  });
});
