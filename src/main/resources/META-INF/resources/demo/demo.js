// The youth client, the reference for the phone app: facts, the help finder, the anonymous chat (with "I'm not safe
// now" and consent before anything personal is shared), anonymous questions, "delete everything now" and a quick
// exit, in bokmål, nynorsk or English. The session token, the language and everything else live only in this page's
// memory: nothing is written to storage or cookies.
import { $, text, currentToken, dropToken, ageBand, bandAge } from '/demo/core.js';
import { t, setLanguage, browserLanguage } from '/demo/i18n.js';
import { loadFactList, loadTopics, loadOthersAsked } from '/demo/facts.js';
import { loadMunicipalities } from '/demo/help.js';
import { loadChatStatus, forgetChat, labelScores } from '/demo/chat.js';
import { hideCode } from '/demo/questions.js';

const TABS = ['facts', 'help', 'chat', 'ask'];
const loaded = new Set();

function show(name) {
  TABS.forEach((other) => {
    $(other).classList.toggle('hidden', other !== name);
    $('tab-' + other).setAttribute('aria-current', other === name ? 'page' : 'false');
  });
  if (name === 'help' && !loaded.has('help')) { loaded.add('help'); loadMunicipalities().catch(() => {}); }
  if (name === 'chat') loadChatStatus();
  if (name === 'ask') loadTopics();
}

TABS.forEach((name) => $('tab-' + name).addEventListener('click', () => show(name)));
// The arrow keys move between the tabs, as in any tab bar.
$('tab-facts').parentElement.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
  const at = TABS.findIndex((name) => $('tab-' + name) === document.activeElement);
  if (at < 0) return;
  const next = TABS[(at + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
  $('tab-' + next).focus();
  show(next);
  event.preventDefault();
});
document.addEventListener('fristed:tab', (event) => { show(event.detail); $('tab-' + event.detail).focus(); });

function loadContent() {
  loadFactList();
  loadTopics().then(loadOthersAsked);
}

$('lang').addEventListener('change', () => {
  setLanguage($('lang').value);
  labelScores();
  loadContent();
  if (!$('chat').classList.contains('hidden')) loadChatStatus();
  // Services already listed are listed again in the new language.
  if ($('help-results').children.length) $('help-form').requestSubmit();
});

$('age').addEventListener('change', () => {
  $('help-age').value = String(bandAge(ageBand()));
  loadContent();
});

function forget() {
  forgetChat();
  hideCode();
  dropToken();
  try { sessionStorage.clear(); localStorage.clear(); } catch (e) { /* storage may be disabled */ }
}

$('delete-all').addEventListener('click', () => {
  const token = currentToken();
  const done = () => {
    forget();
    ['fact-results', 'help-results', 'chat-messages', 'closed-services', 'closed-numbers'].forEach((id) => $(id).replaceChildren());
    $('fact-page').replaceChildren();
    ['ask-stored', 'ask-removed', 'pickup-question', 'pickup-answer', 'pickup-answered-at', 'pickup-status', 'help-status']
      .forEach((id) => text($(id), ''));
    $('pickup-code').value = '';
    $('ask-text').value = '';
    $('chat-input').value = '';
    $('pickup-result').classList.add('hidden');
    text($('privacy-status'), t('deleted'));
  };
  if (!token) { done(); return; }
  fetch('/api/v1/sessions/me', { method: 'DELETE', headers: { 'Authorization': 'Bearer ' + token } }).finally(done);
});

// Quick exit: delete the session, then replace this page so Back does not return to it.
$('quick-exit').addEventListener('click', () => {
  const token = currentToken();
  const target = $('quick-exit').dataset.target;
  forget();
  document.body.replaceChildren();
  if (token) fetch('/api/v1/sessions/me', { method: 'DELETE', headers: { 'Authorization': 'Bearer ' + token }, keepalive: true }).catch(() => {});
  location.replace(target);
});

// Start-up: the browser's language (the young person may choose another), the age band's typical age, the lists.
$('lang').value = browserLanguage(navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]);
setLanguage($('lang').value);
labelScores();
$('help-age').value = String(bandAge(ageBand()));
loadContent();
