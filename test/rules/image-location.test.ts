import rule from '../../rules/image-location.js';
import { RuleTester } from '../support/rule-tester.js';
import { EXIFTOOL_LOCATION, GPS_IFD, XMP_PLAIN, geotagged, photo, withExifTool } from '../../fixtures/images/generate.js';

new RuleTester().run('image-location', rule, {
  valid: [
    { name: 'JPEG without metadata', image: () => photo() },
    { name: 'JPEG with harmless EXIF and XMP', image: () => photo({ exif: { IFD0: { Software: 'x' } }, xmp: XMP_PLAIN }) },
    { name: 'PNG without metadata', filename: 'a.png', image: () => photo({ format: 'png' }) },
    { name: 'WebP without metadata', filename: 'a.webp', image: () => photo({ format: 'webp' }) },
    { name: 'only an orientation', image: () => photo({ orientation: 6 }) },
  ],
  invalid: [
    {
      name: 'JPEG with EXIF GPS and XMP place names',
      image: () => geotagged('jpeg'),
      errors: [
        {
          messageId: 'location',
          message: /EXIF GPS position, XMP exif:GPS position, XMP photoshop:City, XMP Iptc4xmpCore:Location/,
          evidence: '51.27500, 0.52000; 51,16.5N, 0,31.2E; Maidstone; Oak Lane',
          evidenceKind: 'location',
        },
      ],
    },
    { name: 'JPEG with GPS only', image: () => photo({ exif: { IFD3: GPS_IFD } }), errors: [{ evidence: '51.27500, 0.52000' }] },
    { name: 'PNG with eXIf GPS and XMP', filename: 'a.png', image: () => geotagged('png'), errors: [{ message: /EXIF GPS position.*photoshop:City/ }] },
    { name: 'WebP with EXIF GPS and XMP', filename: 'a.webp', image: () => geotagged('webp'), errors: [{ message: /EXIF GPS position.*photoshop:City/ }] },
    {
      name: 'TIFF with GPS (written by ExifTool)',
      filename: 'a.tif',
      image: async () => withExifTool(await photo({ format: 'tiff' }), 'tif', EXIFTOOL_LOCATION),
      errors: [{ evidence: '51.27500, 0.52000; Maidstone' }],
    },
    {
      // exifr reads EXIF from HEIF containers but not their XMP: the GPS is found, the XMP city is not.
      name: 'AVIF (HEIF container) with GPS',
      filename: 'a.avif',
      image: async () => withExifTool(await photo({ format: 'avif' }), 'avif', EXIFTOOL_LOCATION),
      errors: [{ evidence: '51.27500, 0.52000' }],
    },
    {
      name: 'JPEG with IPTC City and Sub-location',
      image: async () => withExifTool(await photo(), 'jpg', { 'IPTC:City': 'Maidstone', 'IPTC:Sub-location': 'Oak Lane' }),
      errors: [{ message: /IPTC City, IPTC Sub-location/, evidence: 'Maidstone; Oak Lane' }],
    },
    {
      name: 'truncated JPEG: one clear message',
      image: async () => (await photo({ width: 400, height: 300 })).subarray(0, 300),
      errors: [{ fatal: true, message: /truncated/ }],
    },
  ],
});
