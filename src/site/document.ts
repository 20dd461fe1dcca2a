/**
 * The page as one HTML document: markup, styles, the page script (which carries the worker's
 * source), and the recall data. Everything is inline because the page must work opened from disk:
 * a file:// page cannot start a worker from another file, and the policy below forbids fetching
 * anything. The Content-Security-Policy allows exactly this script and these styles (by hash), a
 * worker made from a blob, and no connection, image, font or frame.
 */
import { DATA_ELEMENT_ID, embeddableJson, type SiteData } from './site-data.js';
import { SITE_STYLES } from './styles.js';

/**
 * The page's encoding choices: "auto" (what the CLI does without --encoding), then WHATWG labels
 * as --encoding takes them, the ones inventories arrive in first.
 */
export const ENCODINGS = ['auto', 'utf-8', 'windows-1252', 'shift_jis', 'euc-jp', 'gb18030', 'big5', 'euc-kr', 'utf-16le', 'utf-16be', 'windows-1250', 'windows-1251', 'iso-8859-2', 'iso-8859-15', 'koi8-r'] as const;

export interface DocumentParts {
  /** The built page script (dist/site/app.js). */
  script: string;
  data: SiteData;
  /** base64 SHA-256 of a string, for the policy (the CLI passes node:crypto's). */
  sha256: (text: string) => string;
}

export function contentSecurityPolicy(scriptHash: string, styleHash: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    `style-src 'sha256-${styleHash}'`,
    'worker-src blob:',
    "connect-src 'none'",
    "img-src 'none'",
    "font-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function siteDocument({ script, data, sha256 }: DocumentParts): string {
  // Inline text that held "</script" would end its element early; the build refuses such a bundle.
  if (/<\/script/iu.test(script)) throw new Error('the page script contains "</script": it cannot be inlined');
  const csp = contentSecurityPolicy(sha256(script), sha256(SITE_STYLES));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Recall check: is this power bank recalled?</title>
<style>${SITE_STYLES}</style>
</head>
<body>
<main>
<header>
<h1>Is this product recalled?</h1>
<p class="trust" id="trust">This page works offline. What you type and the files you choose are checked on this device: nothing is sent anywhere. <span id="data-line"></span></p>
<div id="stale" class="stale" role="note" hidden></div>
</header>
<section id="check-section" aria-labelledby="check-heading">
<h2 id="check-heading">Check one unit</h2>
<form class="check" id="check-form" novalidate>
<div><label for="model">Model number <span class="hint">From the label, e.g. A1263</span></label><input type="text" id="model" name="model" autocomplete="off" autocapitalize="characters" spellcheck="false" required aria-describedby="model-read"></div>
<div><label for="serial">Serial number (optional) <span class="hint">Never put in the link or sent</span></label><input type="text" id="serial" name="serial" autocomplete="off" autocapitalize="characters" spellcheck="false"></div>
<div><label for="country">Country of sale (optional) <span class="hint">Code or name, e.g. US</span></label><input type="text" id="country" name="country" autocomplete="off" spellcheck="false"></div>
<div><button type="submit" id="check-button">Check</button></div>
</form>
<noscript><p class="stale">This page needs JavaScript to check: it runs here, on this device, and sends nothing.</p></noscript>
<p class="read-as" id="model-read" aria-live="polite"></p>
<div id="result" aria-live="polite"></div>
<p class="print-only" id="checked-on"></p>
<p class="no-print" id="share" hidden>Link to this check (without the serial): <a id="share-link" href="#"></a></p>
</section>
<section id="file-section" aria-labelledby="file-heading">
<h2 id="file-heading">Check an inventory file</h2>
<p>A CSV file with a model column (and serial and country columns, if you have them) is checked here, in the background, as <code>recall-check batch --format csv</code> checks it.</p>
<div><label for="file-country">Country of sale for rows that name none (optional)</label><input type="text" id="file-country" autocomplete="off" spellcheck="false"></div>
<div><label for="file-encoding">Text encoding <span class="hint">Auto reads UTF-8, or UTF-16 by its byte-order mark</span></label><select id="file-encoding">${ENCODINGS.map((e) => `<option value="${e}">${e}</option>`).join('')}</select></div>
<div class="drop" id="drop">
<label for="file">Choose a CSV file <span class="hint">or drop it on this box</span></label>
<input type="file" id="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values">
</div>
<progress id="progress" max="1" value="0" hidden aria-label="Progress of the file check"></progress>
<p id="file-status" role="status"></p>
<div id="file-result"></div>
</section>
<footer><p class="muted">recall-check ${escapeHtml(data.tool.version)}. The verdicts, reasons and advice are the command line's own, from the same code and data.</p></footer>
</main>
<script type="application/json" id="${DATA_ELEMENT_ID}">${embeddableJson(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}
