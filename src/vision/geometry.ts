/** Box geometry for the face detector: tiles over an image, overlap measures and non-maximum suppression. */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ScoredBox extends Box {
  score: number;
}

const area = (b: Box) => Math.max(0, b.width) * Math.max(0, b.height);

/** The area two boxes share. */
function intersection(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Intersection over union. */
export const iou = (a: Box, b: Box): number => {
  const i = intersection(a, b);
  return i === 0 ? 0 : i / (area(a) + area(b) - i);
};

/** How much of the smaller box lies inside the other (1 = fully inside): catches half-faces cut by a tile edge. */
export const containment = (a: Box, b: Box): number => {
  const i = intersection(a, b);
  return i === 0 ? 0 : i / Math.min(area(a), area(b));
};

/** Greedy NMS: best score first; drops boxes that overlap (IoU) or sit mostly inside a kept one. */
export function nms<T extends ScoredBox>(boxes: T[], iouThreshold = 0.3, containThreshold = 0.7): T[] {
  const kept: T[] = [];
  for (const box of [...boxes].sort((a, b) => b.score - a.score)) {
    if (kept.every((k) => iou(k, box) < iouThreshold && containment(k, box) < containThreshold)) kept.push(box);
  }
  return kept;
}

/**
 * Square tiles covering a width × height image, each `size` wide, overlapping by at least `overlap` of a tile,
 * spread evenly so the last tile ends at the edge.
 */
export function tiles(width: number, height: number, size: number, overlap = 0.25): Box[] {
  const starts = (length: number): number[] => {
    if (length <= size) return [0];
    const n = Math.ceil((length - size) / (size * (1 - overlap))) + 1;
    return Array.from({ length: n }, (_, i) => Math.round((i * (length - size)) / (n - 1)));
  };
  const out: Box[] = [];
  for (const y of starts(height)) for (const x of starts(width)) out.push({ x, y, width: Math.min(size, width), height: Math.min(size, height) });
  return out;
}
