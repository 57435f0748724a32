// Facts: search with the words young people use, the pages for the chosen age band, and "others asked" (published
// Q&A pages) by topic, all in the chosen language.
import { $, text, el, api, ageBand } from '/demo/core.js';
import { t, language } from '/demo/i18n.js';

const query = (extra) => 'ageBand=' + ageBand() + '&lang=' + language() + (extra ? '&' + extra : '');

function pageButton(page) {
  const li = el('li');
  const b = el('button', 'secondary', page.title);
  b.type = 'button';
  b.addEventListener('click', () => openFact(page.slug));
  li.append(b);
  return li;
}

export function openFact(slug) {
  return api('/api/v1/facts/' + encodeURIComponent(slug) + '?' + query()).then((page) => {
    const article = $('fact-page');
    article.replaceChildren();
    const h = el('h3', null, page.title);
    const body = document.createElement('div');
    // The server renders Markdown with raw HTML escaped, only https: links and no images.
    body.innerHTML = page.html;
    const review = page.reviewed ? ' ' + t('lastReviewed', { date: page.lastReviewed }) : '';
    const sources = el('p', 'meta', t('sources', { list: page.sources.map((s) => s.title).join('; ') }) + review);
    if (page.reviewed) {
      article.append(h, body, sources);
    } else {
      const draft = el('p', 'draft', t('draft'));
      draft.setAttribute('role', 'note');
      article.append(h, draft, body, sources);
    }
    article.focus();
  }).catch((e) => text($('fact-page'), t('factError', { message: e.message })));
}

$('fact-search').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = $('fact-q').value.trim();
  if (!q) return;
  api('/api/v1/facts/search?' + query('q=' + encodeURIComponent(q))).then((r) => {
    const items = r.items || [];
    text($('fact-status'), items.length ? t('hits', { n: items.length }) : t('noHits'));
    $('fact-results').replaceChildren(...(items.length ? items.map(pageButton) : [el('li', null, t('noHits'))]));
  }).catch((e) => text($('fact-status'), t('failed', { message: e.message })));
});

/** The pages written for the chosen age band (not the Q&A pages: those are under "others asked"). */
export function loadFactList() {
  return api('/api/v1/facts?' + query()).then((pages) => {
    $('fact-list').replaceChildren(...pages.filter((p) => p.kind !== 'qa').map(pageButton));
  }).catch(() => $('fact-list').replaceChildren());
}

let topics = [];

/** Topic names in the chosen language for the selects that use them. */
export function loadTopics() {
  const fill = () => ['others-topic', 'ask-topic'].forEach((id) => {
    const select = $(id);
    const chosen = select.value;
    const first = select.options[0];
    select.replaceChildren(first, ...topics.map((topic) => {
      const option = el('option', null, topic.label[language()] || topic.label.nb || topic.id);
      option.value = topic.id;
      return option;
    }));
    select.value = chosen;
  });
  if (topics.length) { fill(); return Promise.resolve(); }
  return api('/api/v1/topics').then((list) => { topics = list; fill(); }).catch(() => {});
}

/** "Others asked": published Q&A pages, for one topic or all. */
export function loadOthersAsked() {
  const topic = $('others-topic').value;
  return api('/api/v1/facts?' + query('kind=qa' + (topic ? '&topic=' + encodeURIComponent(topic) : ''))).then((pages) => {
    $('others-list').replaceChildren(...(pages.length ? pages.map(pageButton) : [el('li', 'meta', t('othersNone'))]));
  }).catch(() => $('others-list').replaceChildren());
}

$('others-topic').addEventListener('change', loadOthersAsked);
