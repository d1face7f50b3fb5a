/**
 * image-metadata: identifying metadata other than location — owner and author names, camera serial numbers,
 * captions, titles and keywords, people named in the picture, embedded thumbnails (they keep the original picture
 * even after a crop) and free-text comments. One message per kind of detail. Fixable, like image-location.
 */
import { UnreadableSourceError, type Rule } from '../src/types.js';
import { ContainerError } from '../src/images/container.js';
import { metadataOf, type MetaField } from '../src/images/metadata.js';
import { stripFix } from '../src/images/strip.js';
import { NO_INFORMATION_ABOUT_CHILDREN } from '../src/policy.js';

interface Options {
  /** Kinds of detail to leave alone, e.g. ["owner"] when the Trust's own copyright line is fine. */
  ignore: string[];
}

const KINDS = ['owner', 'serial number', 'caption', 'person', 'thumbnail', 'comment'];

/** What each kind risks, for the message. */
const WHY: Record<string, string> = {
  owner: 'names the photographer or owner, often the foster carer',
  'serial number': 'ties the photo to one phone or camera',
  caption: 'may name the child or the place',
  person: 'names the people in the picture',
  thumbnail: 'keeps a copy of the original, uncropped picture',
  comment: 'is free text that may name the child or the place',
};

const rule: Rule<Options> = {
  meta: {
    kind: 'image',
    description: 'Identifying metadata in a photo: owner names, serial numbers, captions, people, thumbnails, comments.',
    policy: NO_INFORMATION_ABOUT_CHILDREN,
    docs: 'rules/image-metadata.md',
    defaultSeverity: 'warn',
    fixable: 'metadata',
    messages: {
      metadata: 'Photo metadata with {{what}} ({{fields}}): {{evidence}}. It {{why}}. Strip it (cftlint --fix removes it without re-encoding).',
    },
    schema: {
      properties: {
        ignore: { type: 'array', items: { enum: KINDS }, default: [] },
      },
    },
  },
  create(context) {
    const ignored = new Set(context.options.ignore);
    return {
      async image(source) {
        let fields: MetaField[];
        try {
          fields = (await metadataOf(source)).identifying;
        } catch (error) {
          if (!(error instanceof ContainerError)) throw error;
          throw new UnreadableSourceError(`Could not read this image: ${error.message}. Nothing in it was checked.`);
        }
        for (const kind of KINDS) {
          const found = fields.filter((f) => f.kind === kind);
          if (found.length === 0 || ignored.has(kind)) continue;
          context.report({
            messageId: 'metadata',
            data: { what: kind === 'thumbnail' ? 'an embedded thumbnail' : `a ${kind}`, why: WHY[kind]!, fields: found.map((f) => f.label).join(', ') },
            evidence: { text: found.map((f) => f.value).join('; '), kind: `photo ${kind}` },
            fix: stripFix(source.format),
          });
        }
      },
    };
  },
};

export default rule;
