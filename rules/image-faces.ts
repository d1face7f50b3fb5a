/**
 * image-faces: every face in a photo. The policy forbids publishing photographs of the children in the Trust's
 * care, and a linter cannot tell whose face it is, so every face is reported: one message per face, with its
 * box, the detector's confidence and an age estimate. Detection runs in worker threads (src/vision).
 */
import { UnreadableSourceError, type Rule } from '../src/types.js';
import { detectFaces } from '../src/vision/index.js';

interface Options {
  /** Detector score (0–1) below which a box is not a face. */
  minConfidence: number;
  /** Faces smaller than this many pixels (box width, in the original image) are ignored. */
  minFaceSize: number;
  /** Faces estimated at least this old are warnings instead of errors; null: every face is an error. */
  adultAgeThreshold: number | null;
  /** Also scan large images in overlapping tiles, to find small faces (slower). */
  tiles: boolean;
}

const rule: Rule<Options> = {
  meta: {
    kind: 'image',
    description: 'Faces in a photo, with an age estimate.',
    policy: 'No photographs of the children/ young people should be uploaded onto any social media platform.',
    docs: 'rules/image-faces.md',
    defaultSeverity: 'error',
    messages: {
      face: 'Face at {{x}},{{y}} ({{w}}×{{h}} px, confidence {{confidence}}), estimated age {{age}}: photos of children in our care must not be published.',
    },
    schema: {
      properties: {
        minConfidence: { type: 'number', minimum: 0.05, maximum: 1, default: 0.5 },
        minFaceSize: { type: 'integer', minimum: 0, default: 20 },
        adultAgeThreshold: { type: ['number', 'null'], minimum: 0, default: null },
        tiles: { type: 'boolean', default: true },
      },
    },
  },
  create(context) {
    const { minConfidence, minFaceSize, adultAgeThreshold, tiles } = context.options;
    return {
      async image(source) {
        const result = await source.memo(`cftlint:faces:${minConfidence}:${tiles}`, () => detectFaces(source.bytes, source.format, { minConfidence, tiles }));
        if (!result.ok) {
          throw new UnreadableSourceError(`Could not decode this image: ${result.reason}. Nothing in it was checked.`);
        }
        const faces = result.faces.filter((f) => Math.min(f.width, f.height) >= minFaceSize).sort((a, b) => a.x - b.x || a.y - b.y);
        for (const face of faces) {
          const age = Math.round(face.age);
          const adult = adultAgeThreshold !== null && age >= adultAgeThreshold;
          context.report({
            messageId: 'face',
            data: { x: face.x, y: face.y, w: face.width, h: face.height, confidence: face.score.toFixed(2), age },
            region: { x: face.x, y: face.y, width: face.width, height: face.height },
            ...(adult ? { severity: 1 as const } : {}),
          });
        }
      },
    };
  },
};

export default rule;
