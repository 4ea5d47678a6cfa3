// Writes the HTML API reference as one self-contained page that renders with no network: the
// spec (JSON, as `redocly bundle` wrote it) and the Redoc renderer pinned by package-lock.json are
// both inside the page. Usage: node render-docs.mjs <spec.json> <out.html>
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const [specPath, outPath] = process.argv.slice(2);
if (!specPath || !outPath) {
  console.error('usage: node render-docs.mjs <spec.json> <out.html>');
  process.exit(2);
}

const spec = JSON.parse(readFileSync(specPath, 'utf8'));
const require = createRequire(import.meta.url);
const rendererPath = require.resolve('redoc/bundles/redoc.standalone.js');
const renderer = readFileSync(rendererPath);
const { version } = JSON.parse(readFileSync(require.resolve('redoc/package.json'), 'utf8'));

// '<' only occurs inside JSON strings, where \u003c means the same: no '</script>' can end the block.
const specJson = JSON.stringify(spec).replaceAll('<', '\\u003c');
// The minified renderer contains '<!--' and '<script>' in its strings, which change how an HTML
// parser reads an inline script; as a data: URL it is loaded byte for byte.
const rendererUrl = 'data:text/javascript;base64,' + renderer.toString('base64');
const escapeHtml = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const title = escapeHtml(spec.info?.title ?? 'API reference');

const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="build/render-docs.mjs with redoc ${escapeHtml(version)}">
<title>${title}</title>
<style>body { margin: 0; padding: 0; }</style>
</head>
<body>
<div id="redoc"></div>
<script id="spec" type="application/json">${specJson}</script>
<script src="${rendererUrl}"></script>
<script>
  Redoc.init(JSON.parse(document.getElementById('spec').textContent), {}, document.getElementById('redoc'));
</script>
</body>
</html>
`;

mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, html);
console.log(`${outPath}: ${Object.keys(spec.paths ?? {}).length} paths, redoc ${version}, ${Math.round(html.length / 1024)} KiB`);
