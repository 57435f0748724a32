// The page as readers will get it, one age band at a time: the server's rendering (its own renderer, shared
// snippets in place) behind a row of band tabs. Used by the page editor and by the review screen.
import { $, el, say } from '/editor/dom.js';

/** Placeholder source the editor sends while a draft has none; never shown. */
export const STAND_IN_SOURCE = 'https://fristed.invalid/';

/**
 * Shows `result` (a FactPreview) for `content` in the elements named by `ids` ({ tabs, article, status, prefix });
 * `view.band` remembers the chosen band between calls.
 */
export function showPreview(ids, view, content, result) {
  const variants = result.variants;
  if (!variants.some((v) => v.ageBand === view.band)) view.band = variants.length ? variants[0].ageBand : null;
  const tabId = (band) => ids.prefix + band;
  const choose = (band) => { view.band = band; showPreview(ids, view, content, result); $(tabId(band)).focus(); };
  $(ids.tabs).replaceChildren(...variants.map((v) => el('button', {
    type: 'button', role: 'tab', id: tabId(v.ageBand), 'aria-selected': String(v.ageBand === view.band),
    'aria-controls': ids.article, tabindex: v.ageBand === view.band ? '0' : '-1', text: v.ageBand + ' år',
    onclick: () => choose(v.ageBand),
    onkeydown: (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      const i = variants.findIndex((x) => x.ageBand === view.band);
      choose(variants[(i + step + variants.length) % variants.length].ageBand);
    }
  })));
  const variant = variants.find((v) => v.ageBand === view.band);
  const article = $(ids.article);
  if (variant) article.setAttribute('aria-labelledby', tabId(variant.ageBand));
  article.replaceChildren();
  if (!variant) return;
  const html = el('div', { class: 'page-text' });
  // The server's renderer escapes raw HTML, keeps only https: and in-page links and drops images: the same HTML the
  // app shows readers.
  html.innerHTML = variant.html;
  const sources = el('ul', {}, result.sources.filter((s) => s.url !== STAND_IN_SOURCE)
    .map((s) => el('li', {}, el('a', { href: s.url, rel: 'noopener noreferrer', text: s.title }))));
  article.append(...[
    el('h4', { text: content.title || '(uten tittel)' }),
    content.lastReviewed ? null : el('p', { class: 'draft', role: 'note', text: 'Utkast – ikke kvalitetssikret' }),
    el('p', { class: 'summary', text: content.summary }),
    html,
    el('h5', { text: 'Kilder' }), sources,
    content.lastReviewed ? el('p', { class: 'meta', text: 'Sist gjennomgått ' + content.lastReviewed + '.' }) : null
  ].filter(Boolean));
  if (ids.status) say(ids.status, 'Viser ' + view.band + ' år, ' + result.lang + '.');
}
