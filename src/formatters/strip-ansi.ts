/** Removes ANSI colour codes, to measure what a terminal shows. */
const ANSI = /\u001b\[[0-9;]*m/g;
export default function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}
