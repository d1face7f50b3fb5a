import rule from '../../rules/image-metadata.js';
import { RuleTester } from '../support/rule-tester.js';
import { GPS_IFD, XMP_PLAIN, geotagged, photo, withJpegComment } from '../../fixtures/images/generate.js';

new RuleTester().run('image-metadata', rule, {
  valid: [
    { name: 'JPEG without metadata', image: () => photo() },
    { name: 'harmless EXIF and XMP', image: () => photo({ exif: { IFD0: { Software: 'x', Make: 'Pixel' } }, xmp: XMP_PLAIN }) },
    { name: 'GPS alone is image-location\'s', image: () => photo({ exif: { IFD3: GPS_IFD } }) },
    { name: 'ignored kinds', image: () => photo({ exif: { IFD0: { Artist: 'Jo Bloggs' } } }), options: { ignore: ['owner'] } },
  ],
  invalid: [
    {
      name: 'owner, serial, caption, person in a JPEG',
      image: () => geotagged('jpeg'),
      errors: [
        { evidenceKind: 'photo owner', evidence: 'Jo Bloggs; Jo Bloggs', message: /EXIF Artist, XMP dc:creator/ },
        { evidenceKind: 'photo serial number', evidence: 'SN12345' },
        { evidenceKind: 'photo caption', evidence: 'Lily at home; birthday, garden' },
        { evidenceKind: 'photo person', evidence: 'Lily Smith', message: /PersonInImage/ },
      ],
    },
    { name: 'PNG with XMP person', filename: 'a.png', image: () => geotagged('png'), errors: 4 },
    { name: 'WebP with XMP person', filename: 'a.webp', image: () => geotagged('webp'), errors: 4 },
    { name: 'JPEG comment', image: async () => withJpegComment(await photo(), 'Lily, 8, at Oak Lane'), errors: [{ evidenceKind: 'photo comment', evidence: 'Lily, 8, at Oak Lane' }] },
    {
      name: 'embedded EXIF thumbnail',
      image: async () => {
        const { exifWithThumbnail } = await import('../images/helpers.js');
        return exifWithThumbnail();
      },
      errors: [{ evidenceKind: 'photo thumbnail' }],
    },
  ],
});
