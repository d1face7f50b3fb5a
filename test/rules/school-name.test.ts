import { describe, expect, it } from 'vitest';
import rule, { findDetails } from '../../rules/school-name.js';
import { RuleTester } from '../support/rule-tester.js';
import { fixtureLines as linesOf } from '../support/fixture-lines.js';

const fixtureLines = (name: string) => linesOf('school-name', name);

new RuleTester().run('school-name', rule, {
  valid: [
    'NHS Primary Care teams support every child in care.',
    'Thanks to the Royal Academy of Arts and the Police Academy.',
    'Greenfield Academy Trust runs six schools across the county.',
    'We are looking for foster carers near a local school.',
    'Schools across Kent are taking part in Foster Care Fortnight.',
    'Ofsted rated our fostering service Good.',
    'Our carers help with homework, school runs and parents evenings.',
    'She started at her new primary school in September and loves it.',
    'Secondary School transition can be hard for children in care.',
    'The Virtual School supports the education of every child in care.',
    'Kent Virtual School ran a training session for carers.',
    'We held a coffee morning at the Trust office.',
    'Join us for our Summer School for new foster carers.',
    'Our Fostering Academy offers free training all year.',
    'The Royal College of Nursing has published new guidance.',
    'He is a huge Arsenal FC fan and never misses a match.',
    'He plays football every Saturday with a local team.',
    'Breakfast Club and After School Club help working carers.',
    'He would love to play for England one day.',
    'The under-10s had a great season.',
    'Leeds United won again.',
    'School starts again on Monday, so uniforms are ready.',
    'A Margate primary school has asked us to give a talk.',
    "Jake's school was closed for the snow.",
    'We visited Manchester and Leeds this week.',
    'St Paul’s Cathedral was lovely at Christmas.',
    { text: 'Thanks to everyone at Children’s Family Trust Academy.', settings: { organisationNames: ["Children’s Family Trust"] } },
    { text: 'Well done to Greenfield Academy for hosting us!', options: { allow: ['Greenfield Academy'] } },
    { text: 'He plays for Riverside FC.', options: { clubs: false } },
  ],
  invalid: [
    {
      text: "She is in Year 3 at St Mary's Primary.",
      errors: [{ messageId: 'school', line: 1, column: 21, endColumn: 38, evidence: "St Mary's Primary", evidenceKind: 'school name' }],
    },
    { text: 'He has just started at Greenfield Academy.', errors: [{ messageId: 'school', evidence: 'Greenfield Academy' }] },
    { text: 'Greenfield Academy were brilliant with him.', errors: [{ evidence: 'Greenfield Academy', column: 1 }] },
    { text: 'Our foster son plays for the under-10s at Riverside FC.', errors: [{ messageId: 'club', evidence: 'the under-10s at Riverside FC', evidenceKind: 'club or team' }] },
    { text: 'She goes to Little Acorns Day Nursery three days a week.', errors: [{ evidence: 'Little Acorns Day Nursery' }] },
    { text: "They both go to St Joseph's Catholic Primary School.", errors: [{ evidence: "St Joseph's Catholic Primary School" }] },
    { text: 'He moved to Hillview Pupil Referral Unit last term.', errors: [{ evidence: 'Hillview Pupil Referral Unit' }] },
    { text: 'She is doing A levels at Brighton Sixth Form College.', errors: [{ evidence: 'Brighton Sixth Form College' }] },
    { text: 'He loves Oakwood High School.', errors: [{ evidence: 'Oakwood High School' }] },
    { text: 'Our girl started at Kings Hill Grammar this year.', errors: [{ evidence: 'Kings Hill Grammar' }] },
    { text: "She goes to St Anne's every day now.", errors: [{ messageId: 'school', evidence: "St Anne's" }] },
    { text: 'He is in Reception at St Peter’s and loves it.', errors: [{ evidence: 'St Peter’s' }] },
    { text: 'She joined the 1st Hove Brownies last week.', errors: [{ messageId: 'club', evidence: '1st Hove Brownies' }] },
    { text: 'He plays for Riverside Rangers every weekend.', errors: [{ messageId: 'club', evidence: 'Riverside Rangers' }] },
    { text: 'He made the Oakley Colts U12s squad!', errors: [{ messageId: 'club', evidence: 'Oakley Colts U12s' }] },
    { text: 'She swims with Margate Swimming Club on Tuesdays.', errors: [{ messageId: 'club', evidence: 'Margate Swimming Club' }] },
    { text: "She is at St Mary's primary school.", errors: [{ evidence: "St Mary's primary school" }] },
    { text: 'He got into Greenfield academy!', errors: [{ evidence: 'Greenfield academy' }] },
    { text: '# Sports day at Hollybrook Infants', errors: [{ evidence: 'Hollybrook Infants' }] },
    { text: 'She has a place at Westfield College in September.', errors: [{ evidence: 'Westfield College' }] },
    { text: 'Tilly loves Sunflowers Pre-School.', errors: [{ evidence: 'Sunflowers Pre-School' }] },
    { text: 'Photo: the green St Mary’s uniform', filename: 'caption.txt', errors: [{ evidence: 'St Mary’s' }] },
    {
      text: 'She started at Oakfield Primary in May.\n\nShe told everyone at Oakfield about it.',
      errors: [{ evidence: 'Oakfield Primary', line: 1 }, { evidence: 'Oakfield', line: 3, column: 22 }],
    },
    { text: 'Thanks to Brighton College.\n\nWe love Brighton.', errors: [{ evidence: 'Brighton College', line: 1 }] },
    { text: 'Welcome to Greenfield Academy and Oakwood School!', errors: [{ evidence: 'Greenfield Academy' }, { evidence: 'Oakwood School' }] },
  ],
});

describe('school-name findDetails', () => {
  it('returns school and club spans with kinds', () => {
    const text = "Year 4 at St Mary's Primary, and the under-10s at Riverside FC.";
    expect(findDetails(text, {}).map((d) => [text.slice(d.start, d.end), d.label, d.kind])).toEqual([
      ["St Mary's Primary", 'school-name', 'school'],
      ['the under-10s at Riverside FC', 'school-name', 'club'],
    ]);
  });
  it('leaves generic school talk alone', () => {
    expect(findDetails('Schools across Kent and a local academy took part.', {})).toEqual([]);
  });
  it('flags every line of the flagged fixture and none of the fine one', () => {
    for (const line of fixtureLines('flagged.md')) expect(findDetails(line, {}), line).not.toEqual([]);
    for (const line of fixtureLines('fine.md')) expect(findDetails(line, {}), line).toEqual([]);
  });
});
