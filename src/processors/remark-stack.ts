/**
 * The Markdown parser's libraries in one module. `npm run build` replaces its compiled form in dist with a
 * single-file bundle of the same libraries (see bundle.ts): loading one file instead of some 150 small modules
 * is most of a one-file run's start-up.
 */
export { unified } from 'unified';
export { default as remarkParse } from 'remark-parse';
export { default as remarkGfm } from 'remark-gfm';
export { default as remarkFrontmatter } from 'remark-frontmatter';
