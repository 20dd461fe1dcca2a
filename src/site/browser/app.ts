/**
 * The page script: the single check with the library's own `check` and report model, the
 * shareable link, the data's age, and the file check (file-check.ts). Runs once, at the end of
 * the body, so a check opened from a link is drawn before the first paint and nothing moves.
 */
import { buildCatalog } from '../../core/catalog.js';
import { isRecallCheckError } from '../../core/errors.js';
import { check } from '../../core/match.js';
import { changeMessage, EMPTY_MODEL } from '../../core/messages.js';
import { normaliseModel } from '../../core/normalise.js';
import { checkReport } from '../../report/check-report.js';
import { dataAgeDays, staleDataNote } from '../../report/data-age-note.js';
import { byId, h } from './dom.js';
import { setUpFileCheck } from './file-check.js';
import { renderCheck } from './render-check.js';
import { readHash, shareHash, sharedModel } from './share-link.js';
import { DATA_ELEMENT_ID, type SiteData } from '../site-data.js';

const site = JSON.parse(byId(DATA_ELEMENT_ID).textContent ?? '') as SiteData;
const catalog = buildCatalog(site.recalls);

const model = byId<HTMLInputElement>('model');
const serial = byId<HTMLInputElement>('serial');
const country = byId<HTMLInputElement>('country');
const result = byId('result');
const readAs = byId('model-read');

function showDataAge(): void {
  const age = dataAgeDays(site.data.generated, new Date());
  // A clock set in the past would make the age negative: said as such, not as "-3 days ago".
  const when = age < 0 ? "in the future by this device's clock" : age === 1 ? '1 day ago' : `${age} days ago`;
  byId('data-line').textContent = `Recall data ${site.data.version}${site.data.bundled ? '' : ' (not the bundled data)'}, generated ${site.data.generated} (${when}).`;
  if (age > site.maxDataAgeDays) {
    const note = staleDataNote(age, site.data.generated);
    const stale = byId('stale');
    stale.textContent = `Note: ${note[0]!.toUpperCase()}${note.slice(1)} To update, write the page again with current data: recall-check site -o recall-checker.html`;
    stale.hidden = false;
  }
}

/** How the model will be read, as the user types: the same normalisation the check applies. */
function showReadAs(): void {
  const n = normaliseModel(model.value);
  readAs.textContent = model.value.trim() !== '' && n.changes.length > 0 && n.value !== '' ? `Model read as ${n.value} (${n.changes.map(changeMessage).join(', ')})` : '';
}

function run(focus: boolean): void {
  country.removeAttribute('aria-invalid');
  model.removeAttribute('aria-invalid');
  if (model.value.trim() === '') {
    model.setAttribute('aria-invalid', 'true');
    clearShare();
    result.replaceChildren(h('p', { class: 'error', role: 'alert' }, `${EMPTY_MODEL[0]!.toUpperCase()}${EMPTY_MODEL.slice(1)}.`));
    if (focus) model.focus();
    return;
  }
  let linked: string | undefined;
  try {
    const r = check(catalog, { model: model.value, serial: serial.value, country: country.value });
    result.replaceChildren(renderCheck(checkReport(r)));
    // The claim sheet says when, and against which data, the unit was checked.
    byId('checked-on').textContent = `Checked on ${new Date().toISOString().slice(0, 10)} with recall data ${site.data.version} (generated ${site.data.generated}), recall-check ${site.tool.version}.`;
    linked = sharedModel(r);
  } catch (e) {
    if (!isRecallCheckError(e)) throw e;
    // The only user error check() raises is a country it cannot read.
    country.setAttribute('aria-invalid', 'true');
    clearShare();
    result.replaceChildren(h('p', { class: 'error', role: 'alert' }, `Country of sale: ${e.message}`));
    if (focus) country.focus();
    return;
  }
  if (linked === undefined) clearShare();
  else {
    const hash = shareHash({ model: linked, country: country.value.trim() });
    // replaceState, not location.hash: the hashchange handler must not re-run this check without its serial.
    history.replaceState(null, '', hash);
    const share = byId<HTMLAnchorElement>('share-link');
    share.href = hash;
    share.textContent = location.href;
    byId('share').hidden = false;
  }
  if (focus) byId('verdict-title').focus();
}

/** No link for a check that failed or could not be linked: the old one would reopen another check. */
function clearShare(): void {
  history.replaceState(null, '', location.pathname + location.search);
  byId('share').hidden = true;
  byId<HTMLAnchorElement>('share-link').href = '#';
}

function fromHash(): void {
  const shared = readHash(location.hash);
  if (!shared) return;
  model.value = shared.model;
  country.value = shared.country;
  serial.value = '';
  showReadAs();
  run(false);
}

showDataAge();
model.addEventListener('input', showReadAs);
byId<HTMLFormElement>('check-form').addEventListener('submit', (e) => {
  e.preventDefault();
  run(true);
});
window.addEventListener('hashchange', fromHash);
fromHash();
setUpFileCheck(site.recalls);
// Shows what follows the form (styles.ts), now that a check from the link is drawn.
document.documentElement.classList.add('ready');
