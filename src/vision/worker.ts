/** The piscina worker entry: one detector (and one model instance) per worker thread. */
import { detect, type DetectTask, type DetectResult } from './detector.js';

export default function run(task: DetectTask): Promise<DetectResult> {
  return detect(task);
}
