import rule from '../../rules/child-name.js';
import { RuleTester } from '../support/rule-tester.js';

new RuleTester().run('child-name', rule, {
  valid: [
    // Adults in adult roles.
    'Carers Sarah and Mike have fostered for twelve years and look after two boys.',
    'Thank you to Sarah Jones, our Head of Fostering, for her talk to the children.',
    'Please call Emma on our main line to find out about fostering children.',
    'Mike and I have been fostering since our own son left home.',
    "Sarah's foster son has settled in well at school.",
    'A carer called Sue told us about her foster son.',
    'Our social worker, Denise, has been brilliant with the children.',
    "Michelle's own children, Daniel and Sophie, are grown up now and love helping with the babies.",
    'Farida and Hassan live in a busy household with their two birth children.',
    'Hubby Dan is already worrying about the school run.',
    'Jenny and Paul from Herne Bay have been fostering for six years and care for two teenagers.',
    'Thank you to Ben at Costa for the free hot chocolates for the kids.',
    'Mrs Patel, the head teacher, welcomed the children back.',
    // Places, months, words, organisations.
    "We're recruiting carers across Kent and Medway to care for children and young people.",
    'May is Foster Care Fortnight, and our children and young people will be part of it.',
    'Will you foster a child this year?',
    'Reading is his favourite thing, and he goes to school in Reading.',
    "The children at St Mary's Primary sang carols at the Children's Family Trust party.",
    'The boys loved the Duke of Edinburgh award.',
    'Meet the Ahmed family and their three children.',
    'Grace and dignity matter when we talk to young people.',
    'FOSTER CARERS NEEDED: TOM AND LISA TELL THEIR STORY',
    '# Meet Our Amazing Foster Carers For Children',
    // A name with no child anywhere near.
    'Jack from the finance team ran the London marathon last weekend.',
    { text: 'Our foster son Tom loves football.', settings: { allowNames: ['Tom'] } },
    { text: 'Our foster son Tom Smith loves football.', settings: { allowNames: ['Tom Smith'] } },
    { text: 'Our son Tom loves football. The children sang.', options: { contextWindow: 0, unknownNames: false }, name: 'unknown off, tie still needed' , settings: { allowNames: ['tom'] } },
  ],
  invalid: [
    {
      text: "Our foster son Tom, aged 7, starts at St Mary's Primary.",
      errors: [{ messageId: 'name', line: 1, column: 16, endColumn: 19, evidence: 'Tom', evidenceKind: 'first name' }],
    },
    { text: 'Tom and Lily, 12 and 9, love the beach.', errors: [{ evidence: 'Tom' }, { evidence: 'Lily' }] },
    { text: 'Our daughter Grace started school this week.', errors: [{ evidence: 'Grace' }] },
    { text: 'A boy called Xander came to live with us last spring.', errors: [{ evidence: 'Xander' }] },
    { text: "Lily's social worker visited today.", errors: [{ evidence: 'Lily' }] },
    { text: 'Jack has settled in well and loves his new school.', errors: [{ evidence: 'Jack' }] },
    { text: 'Well done to Harvey, who scored twice for the under-11s.', errors: [{ evidence: 'Harvey' }] },
    { text: 'Special congratulations to Jayden, who passed all nine of his GCSEs.', errors: [{ evidence: 'Jayden' }] },
    { text: 'The foster children, brothers Jamal and Rico, arrived in June.', errors: [{ evidence: 'Jamal' }, { evidence: 'Rico' }] },
    { text: '- Ellie (14) passed her Grade 3 piano exam.', errors: [{ evidence: 'Ellie', line: 1, column: 3 }] },
    { text: 'Proud foster mum moment: my foster son Jake scored his first goal!', errors: [{ evidence: 'Jake' }] },
    { text: 'Happy 10th birthday to our brilliant Evie!', errors: [{ evidence: 'Evie' }] },
    { text: 'Our little one Poppy is three and loves the park.', errors: [{ evidence: 'Poppy' }] },
    { text: 'Little Archie now calls his carers Mum and Dad.', errors: [{ evidence: 'Archie' }] },
    { text: 'When Olivia moved in she was terrified of the dark.', errors: [{ evidence: 'Olivia' }] },
    {
      name: 'a name tied to a child in one paragraph is a child name in the next',
      text: 'Our foster son Leo came to the review.\n\nLeo was quiet afterwards, so we went for a walk.',
      errors: [{ evidence: 'Leo', line: 1 }, { evidence: 'Leo', line: 3 }],
    },
    {
      name: 'a heading with child wording puts the paragraph under it in a child context',
      text: '## Celebrating our young people\n\nAnd well done to Harvey, who made captain this term.',
      errors: [{ evidence: 'Harvey', line: 3 }],
    },
    {
      name: 'an adult named elsewhere stays an adult',
      text: 'Foster carers Nadia and Imran look after three siblings.\n\n"She is the big sister," says Nadia.',
      errors: 0,
    },
    { text: 'Our foster son Tom loves football.', settings: { allowNames: ['Sam'] }, errors: [{ evidence: 'Tom' }] },
    { text: 'The little girl, Amy, went to nursery.', filename: 'post.txt', errors: [{ evidence: 'Amy', column: 18 }] },
  ],
});
