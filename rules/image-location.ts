/**
 * image-location: GPS positions and place names in a photo's metadata (EXIF GPS, XMP exif:GPS*, IPTC and XMP
 * City/Sub-location/State/Country/Location). A geotag on a photo taken at home gives away where a foster family
 * lives. Fixable: `--fix` strips the metadata without re-encoding the picture.
 */
import { UnreadableSourceError, type Rule } from '../src/types.js';
import { ContainerError } from '../src/images/container.js';
import { metadataOf } from '../src/images/metadata.js';
import { stripFix } from '../src/images/strip.js';

const rule: Rule = {
  meta: {
    kind: 'image',
    description: 'GPS coordinates and place names in a photo\'s metadata.',
    policy:
      'The Children\'s Family Trust have a duty to safeguard children and young people in their care and to ensure that they are protected from potential harm or abuse via the internet.',
    docs: 'rules/image-location.md',
    defaultSeverity: 'error',
    fixable: 'metadata',
    messages: {
      location:
        'Location metadata ({{fields}}): {{evidence}}. A geotagged photo can lead to a foster family\'s home. Strip it (cftlint --fix removes it without re-encoding).',
    },
    schema: { properties: {} },
  },
  create(context) {
    return {
      async image(source) {
        let meta;
        try {
          meta = await metadataOf(source);
        } catch (error) {
          if (!(error instanceof ContainerError)) throw error;
          throw new UnreadableSourceError(`Could not read this image: ${error.message}. Nothing in it was checked.`);
        }
        if (meta.location.length === 0) return;
        context.report({
          messageId: 'location',
          data: { fields: meta.location.map((f) => f.label).join(', ') },
          evidence: { text: meta.location.map((f) => f.value).join('; '), kind: 'location' },
          fix: stripFix(source.format),
        });
      },
    };
  },
};

export default rule;
