// The editors' workspace: log in, then fact pages (form, live preview per band, versions), the review queue with
// diffs (four eyes), service entries (form, verification, reports), questions to Q&A pages and canned responses.
// Editors write; supervisors read everything and change nothing.
import { createApi, tokenClaims } from '/shared/api.js';
import { $, say } from '/editor/dom.js';
import * as facts from '/editor/facts.js';
import * as review from '/editor/review.js';
import * as services from '/editor/services.js';
import * as questions from '/editor/questions.js';
import * as canned from '/editor/canned.js';

const session = { token: null, me: null, roles: [] };
const ctx = {
  api: createApi(() => session.token),
  get me() { return session.me; },
  get canWrite() { return session.roles.includes('editor'); },
  show: (name) => show(name),
  openFact: (slug, lang) => facts.open(slug, lang)
};

const VIEWS = { facts, review, services, questions, canned };

function show(name) {
  Object.keys(VIEWS).forEach((other) => {
    $('view-' + other).classList.toggle('hidden', other !== name);
    $('tab-' + other).setAttribute('aria-current', other === name ? 'page' : 'false');
  });
  VIEWS[name].refresh(ctx);
}

Object.keys(VIEWS).forEach((name) => $('tab-' + name).addEventListener('click', () => show(name)));

// The token lives only in this page's memory: a fresh load forgets it (it stays valid until it expires).
$('log-out').addEventListener('click', () => location.reload());

$('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  ctx.api('/api/v1/staff/login', { method: 'POST', body: { username: $('username').value, password: $('password').value } })
    .then((issued) => {
      const claims = tokenClaims(issued.token);
      const roles = claims.groups || [];
      if (!roles.includes('editor') && !roles.includes('supervisor')) {
        say('login-status', 'Denne kontoen har ikke tilgang til redaksjonen (rollen redaktør eller leder trengs).');
        return;
      }
      session.token = issued.token;
      session.me = claims.upn || claims.sub;
      session.roles = roles;
      $('login').classList.add('hidden');
      $('nav').classList.remove('hidden');
      $('who-box').classList.remove('hidden');
      say('who', 'Innlogget: ' + session.me);
      document.body.classList.toggle('read-only', !ctx.canWrite);
      $('read-only-note').classList.toggle('hidden', ctx.canWrite);
      // Supervisors read: the form fields are shown but cannot be changed (a disabled fieldset covers added rows too).
      ['fact-fields', 'service-fields', 'canned-fields'].forEach((id) => { $(id).disabled = !ctx.canWrite; });
      Object.values(VIEWS).forEach((view) => view.init(ctx));
      show('facts');
    })
    .catch((e) => say('login-status', 'Innlogging feilet: ' + e.message));
});
