// Lernraum participant page: plain JavaScript, no framework, no request outside this server.
// State comes from the server (GET /api/state, live through /api/events, polling as fallback);
// the page keeps nothing that a reload would lose.
'use strict';
(function () {
  var T = {
    de: {
      connecting: 'Verbinde …', joined: 'Verbunden', offline: 'Keine Verbindung – versuche es erneut …',
      closed: 'Der Raum ist geschlossen. Danke fürs Mitmachen!', wrongCode: 'Der Code stimmt nicht.',
      tooMany: 'Zu viele Versuche. Bitte warte eine Minute.', full: 'Der Raum ist voll.',
      joinHeading: 'Mitmachen', codeLabel: 'Raum-Code (steht an der Leinwand)', join: 'Beitreten',
      writeHeading: 'Karte schreiben', promptLabel: 'Frage', cardLabel: 'Deine Karte (nur du siehst sie bis zum Aufdecken)',
      send: 'Verdeckt abgeben', myCards: 'Deine verdeckten Karten', boardHeading: 'Alle Karten',
      edit: 'Ändern', save: 'Speichern', cancel: 'Abbrechen', remove: 'Löschen', noneYet: 'Noch keine Karte.',
      privacyTitle: 'Datenschutz: Was wird gespeichert?',
      phase: { 'check-in': 'Einstieg', writing: 'Karten schreiben', insights: 'Karten ansehen', decide: 'Entscheiden', close: 'Abschluss' },
      hidden: function (n) { return n === 1 ? '1 Karte verdeckt' : n + ' Karten verdeckt'; },
      left: function (n, b) { return 'Noch ' + n + ' von ' + b + ' Punkten'; },
      unlimited: 'Punkte: ohne Begrenzung',
      dots: function (n) { return n === 1 ? '1 Punkt' : n + ' Punkte'; },
      mine: function (n) { return 'von dir: ' + n; },
      addDot: 'Punkt geben', removeDot: 'Punkt zurücknehmen',
      checkIn: 'Wie bist du heute hier? (1 = gar nicht gut, 5 = sehr gut)',
      roti: 'Wie viel war dir die Zeit wert? (1 = verschwendet, 5 = sehr wertvoll)',
      answered: function (v) { return 'Deine Antwort: ' + v + ' (du kannst sie ändern)'; },
      notAnswered: 'Tippe eine Zahl an.',
      fewAnswers: function (n) { return n + (n === 1 ? ' Antwort' : ' Antworten') + ' – Ergebnis ab 3 Antworten'; },
      result: function (c) { return 'Ergebnis: ' + c.map(function (x, i) { return (i + 1) + ': ' + x; }).join(' · '); },
      waitWriting: 'Gleich geht es los. Die Moderation öffnet die nächste Runde.',
      votingClosed: 'Abstimmung ist geschlossen.', voting: 'Abstimmung läuft', talliesHidden: 'Punktestand wird nach der Abstimmung gezeigt.',
      empty: 'Die Karte ist leer.', tooLong: 'Die Karte ist zu lang (höchstens 280 Zeichen).',
      rate: 'Zu viele Karten in kurzer Zeit. Bitte warte einen Moment.',
      budget: 'Alle deine Punkte sind vergeben.', perItem: 'Mehr Punkte auf diese Karte geht nicht.',
      failed: 'Das hat nicht geklappt. Bitte noch einmal.', revealed: 'Die Karte ist schon aufgedeckt.',
      group: 'Gruppe', noCards: 'Noch keine Karten aufgedeckt.',
      voteHint: 'Tippe + bei den Karten, die dir am wichtigsten sind.',
      joinPrivacy: 'Anonym: kein Konto, kein Name. Deine Karten sieht bis zum Aufdecken niemand außer dir.',
      noNames: 'Bitte keine Namen und keine Gesundheitsdaten aufschreiben.', enterCode: 'Bitte den Code eingeben',
      proposeHeading: 'Vorschlag fürs Board', proposalBoardLabel: 'Board (dein Vorschlag kommt in die erste Spalte)',
      proposalLabel: 'Dein Vorschlag (ohne Namen)', proposalSend: 'Vorschlagen',
      proposed: function (c) { return 'Danke! Dein Vorschlag steht jetzt in „' + c + '“.'; },
      tooManyProposals: 'Du hast schon 10 Vorschläge gemacht.', proposalsClosed: 'Vorschläge sind gerade nicht möglich.'
    },
    en: {
      connecting: 'Connecting …', joined: 'Connected', offline: 'No connection – retrying …',
      closed: 'The room is closed. Thank you for taking part!', wrongCode: 'That code is not right.',
      tooMany: 'Too many attempts. Please wait a minute.', full: 'The room is full.',
      joinHeading: 'Join', codeLabel: 'Room code (shown on the projector)', join: 'Join',
      writeHeading: 'Write a card', promptLabel: 'Question', cardLabel: 'Your card (only you see it until the reveal)',
      send: 'Hand in face-down', myCards: 'Your face-down cards', boardHeading: 'All cards',
      edit: 'Edit', save: 'Save', cancel: 'Cancel', remove: 'Delete', noneYet: 'No card yet.',
      privacyTitle: 'Privacy: what is stored?',
      phase: { 'check-in': 'Check-in', writing: 'Writing cards', insights: 'Looking at the cards', decide: 'Deciding', close: 'Closing' },
      hidden: function (n) { return n === 1 ? '1 card face-down' : n + ' cards face-down'; },
      left: function (n, b) { return n + ' of ' + b + ' dots left'; },
      unlimited: 'Dots: no limit',
      dots: function (n) { return n === 1 ? '1 dot' : n + ' dots'; },
      mine: function (n) { return 'yours: ' + n; },
      addDot: 'Add dot', removeDot: 'Take dot back',
      checkIn: 'How are you today? (1 = not good at all, 5 = very good)',
      roti: 'How much was this time worth to you? (1 = wasted, 5 = very valuable)',
      answered: function (v) { return 'Your answer: ' + v + ' (you can change it)'; },
      notAnswered: 'Tap a number.',
      fewAnswers: function (n) { return n + (n === 1 ? ' answer' : ' answers') + ' – result from 3 answers'; },
      result: function (c) { return 'Result: ' + c.map(function (x, i) { return (i + 1) + ': ' + x; }).join(' · '); },
      waitWriting: 'Starting soon. The facilitator opens the next round.',
      votingClosed: 'Voting is closed.', voting: 'Voting open', talliesHidden: 'Dots are shown after voting.',
      empty: 'The card is empty.', tooLong: 'The card is too long (at most 280 characters).',
      rate: 'Too many cards in a short time. Please wait a moment.',
      budget: 'All your dots are used.', perItem: 'No more dots on this card.',
      failed: 'That did not work. Please try again.', revealed: 'The card is already revealed.',
      group: 'Group', noCards: 'No cards revealed yet.',
      voteHint: 'Tap + on the cards that matter most to you.',
      joinPrivacy: 'Anonymous: no account, no name. Nobody but you sees your cards until the reveal.',
      noNames: 'Please do not write names or health information.', enterCode: 'Please enter the code',
      proposeHeading: 'Proposal for the board', proposalBoardLabel: 'Board (your proposal goes into the first column)',
      proposalLabel: 'Your proposal (no names)', proposalSend: 'Propose',
      proposed: function (c) { return 'Thank you! Your proposal is now in “' + c + '”.'; },
      tooManyProposals: 'You have made 10 proposals already.', proposalsClosed: 'Proposals are not possible right now.'
    }
  };
  var browserEnglish = (navigator.languages && navigator.languages[0] || navigator.language || 'de').toLowerCase().indexOf('en') === 0;
  var lang = browserEnglish ? 'en' : 'de';
  var t = T[lang];
  var state = null;
  var joined = false;
  var editing = null; // id of the own card being edited
  var source = null;
  var sseErrors = 0;
  var pollTimer = null;

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function requestId() {
    var b = new Uint8Array(12);
    crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }
  function setStatus(text) { $('status').textContent = text; }

  function applyLanguage(l) {
    if (l !== lang) { lang = l; t = T[l]; }
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-t]').forEach(function (e) { e.textContent = t[e.getAttribute('data-t')]; });
    $('privacy-de').hidden = lang !== 'de';
    $('privacy-en').hidden = lang !== 'en';
  }

  // POST with one request id; a network failure is retried with the same id (no duplicates).
  function post(path, body, attempt) {
    attempt = attempt || 0;
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
                         credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.json().catch(function () { return {}; }).then(function (j) { j.status = r.status; return j; }); })
      .catch(function (e) {
        if (attempt < 3) return new Promise(function (ok) { setTimeout(ok, 500 * (attempt + 1)); }).then(function () { return post(path, body, attempt + 1); });
        return { status: 0, error: 'network' };
      });
  }

  function messageFor(r) {
    var map = { 'empty-text': t.empty, 'text-too-long': t.tooLong, 'rate-limited': t.rate, 'too-many-cards': t.rate,
                'device-budget-spent': t.budget, 'vote-limit-reached': t.perItem, 'voting-closed': t.votingClosed,
                'revealed': t.revealed, 'room-closed': t.closed, 'too-many-proposals': t.tooManyProposals,
                'proposals-closed': t.proposalsClosed };
    return map[r.error] || t.failed;
  }

  // ---- joining ---------------------------------------------------------------------------------
  function join(code) {
    return post('/api/join', { code: code }).then(function (r) {
      if (r.status === 200) { joined = true; $('join').hidden = true; connect(); return true; }
      var msg = r.status === 429 ? t.tooMany : r.status === 503 ? t.full : r.status === 410 ? t.closed : t.wrongCode;
      $('join-error').textContent = msg;
      $('join').hidden = false;
      return false;
    });
  }

  // ---- state -----------------------------------------------------------------------------------
  function fetchState() {
    return fetch('/api/state', { credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
      if (r.status === 401) { joined = false; showJoin(); return null; }
      if (r.status === 410) { showClosed(); return null; }
      if (!r.ok) throw new Error('state ' + r.status);
      return r.json();
    }).then(function (s) { if (s) render(s); return s; })
      .catch(function () { setStatus(t.offline); });
  }

  function showJoin() {
    if (source) { source.close(); source = null; }
    $('join').hidden = false;
    ['scale', 'write', 'board', 'propose', 'waiting'].forEach(function (id) { $(id).hidden = true; });
    var m = location.pathname.match(/^\/j\/([A-Za-z0-9]+)$/i);
    setStatus(t.enterCode);
    if (m && !$('code').value) { $('code').value = m[1].toUpperCase(); join(m[1]); }
  }
  function showClosed() {
    if (source) { source.close(); source = null; }
    if (pollTimer) { clearInterval(pollTimer); pollTimer = null; }
    ['join', 'scale', 'write', 'board', 'propose', 'waiting'].forEach(function (id) { $(id).hidden = true; });
    setStatus(t.closed);
  }

  function connect() {
    fetchState();
    if (typeof EventSource === 'undefined') { startPolling(); return; }
    if (source) source.close();
    source = new EventSource('/api/events');
    source.onmessage = function (e) {
      sseErrors = 0;
      if (pollTimer) { clearInterval(pollTimer); pollTimer = null; }
      try { render(JSON.parse(e.data)); } catch (err) { /* ignore a broken frame; the next one resyncs */ }
    };
    source.onerror = function () {
      sseErrors += 1;
      if (sseErrors >= 3) { source.close(); source = null; startPolling(); }
    };
  }
  function startPolling() {
    if (pollTimer) return;
    pollTimer = setInterval(function () {
      fetchState().then(function (s) {
        // Try the live stream again now and then.
        if (s && !source && typeof EventSource !== 'undefined' && Math.random() < 0.2) { clearInterval(pollTimer); pollTimer = null; sseErrors = 0; connect(); }
      });
    }, 2000);
  }

  // ---- rendering -------------------------------------------------------------------------------
  function render(s) {
    if (state && s.version < state.version) return;
    state = s;
    if (s.language === 'en' && lang !== 'en') applyLanguage('en');
    if (!s.open) { showClosed(); return; }
    $('title').textContent = s.title || 'Lernraum';
    var status = t.joined + ' · ' + (t.phase[s.phase] || s.phase);
    if (s.hiddenCount > 0) status += ' · ' + t.hidden(s.hiddenCount);
    if (s.votingOpen) status += ' · ' + t.voting;
    setStatus(status);
    renderScale(s);
    renderWrite(s);
    renderBoard(s);
    renderPropose(s);
    var nothing = !s.scale && !s.writing && s.cards.length === 0 && !s.proposing;
    $('waiting').hidden = !nothing;
    $('waiting-text').textContent = t.waitWriting;
  }

  function renderScale(s) {
    var sec = $('scale');
    sec.hidden = !s.scale;
    if (!s.scale) return;
    $('scale-question').textContent = s.scale.question || (s.scale.kind === 'roti' ? t.roti : t.checkIn);
    sec.querySelectorAll('.scale button').forEach(function (b) {
      b.setAttribute('aria-pressed', String(Number(b.getAttribute('data-value')) === s.scale.mine));
    });
    $('scale-hint').textContent = s.scale.mine ? t.answered(s.scale.mine) : t.notAnswered;
    $('scale-result').textContent = s.scale.counts ? t.result(s.scale.counts) : t.fewAnswers(s.scale.answers);
  }

  function promptText(id) {
    for (var i = 0; i < state.prompts.length; i++) if (state.prompts[i].id === id) return state.prompts[i].text;
    return '';
  }

  function renderWrite(s) {
    var sec = $('write');
    sec.hidden = !s.writing && s.myCards.length === 0;
    if (sec.hidden) return;
    var select = $('prompt');
    var chosen = select.value;
    var ids = s.prompts.map(function (p) { return p.id; }).join('|');
    if (select.getAttribute('data-ids') !== ids) {
      select.textContent = '';
      s.prompts.forEach(function (p) { select.appendChild(el('option', { value: p.id }, p.text)); });
      select.setAttribute('data-ids', ids);
      if (chosen) select.value = chosen;
    }
    $('prompt').parentNode.querySelector('label[for="prompt"]').hidden = s.prompts.length === 0;
    select.hidden = s.prompts.length === 0;
    $('card-text').disabled = !s.writing;
    $('card-submit').disabled = !s.writing;
    var list = $('my-cards');
    list.textContent = '';
    if (s.myCards.length === 0) list.appendChild(el('li', { 'class': 'hint' }, t.noneYet));
    s.myCards.forEach(function (c) {
      var li = el('li', { 'class': 'my-card', 'data-testid': 'my-card', 'data-id': c.id });
      if (c.promptId) li.appendChild(el('div', { 'class': 'hint' }, promptText(c.promptId)));
      if (editing && editing.id === c.id) {
        var area = el('textarea', { rows: '3', maxlength: '280', 'aria-label': t.edit });
        area.value = editing.text;
        area.addEventListener('input', function () { editing.text = area.value; });
        li.appendChild(area);
        var row = el('div', { 'class': 'row' });
        var save = el('button', { type: 'button' }, t.save);
        save.addEventListener('click', function () {
          post('/api/cards/edit', { requestId: requestId(), itemId: c.id, text: editing.text }).then(function (r) {
            if (r.status === 200) { editing = null; fetchState(); } else $('write-error').textContent = messageFor(r);
          });
        });
        var cancel = el('button', { type: 'button', 'class': 'secondary' }, t.cancel);
        cancel.addEventListener('click', function () { editing = null; render(state); });
        row.appendChild(save); row.appendChild(cancel); li.appendChild(row);
      } else {
        li.appendChild(el('div', { 'class': 'text' }, c.text));
        var r2 = el('div', { 'class': 'row' });
        var edit = el('button', { type: 'button', 'class': 'secondary' }, t.edit);
        edit.addEventListener('click', function () { editing = { id: c.id, text: c.text }; render(state); });
        var del = el('button', { type: 'button', 'class': 'secondary' }, t.remove);
        del.addEventListener('click', function () {
          post('/api/cards/delete', { requestId: requestId(), itemId: c.id }).then(function (r) {
            if (r.status !== 200) $('write-error').textContent = messageFor(r);
            fetchState();
          });
        });
        r2.appendChild(edit); r2.appendChild(del); li.appendChild(r2);
      }
      list.appendChild(li);
    });
  }

  function cardElement(c, s) {
    var div = el('div', { 'class': 'card', 'data-testid': 'card', 'data-id': c.id });
    if (c.promptId) div.appendChild(el('div', { 'class': 'hint' }, promptText(c.promptId)));
    div.appendChild(el('div', { 'class': 'text' }, c.text));
    var mine = s.myVotes[c.id] || 0;
    if (s.votingOpen || mine > 0 || s.talliesVisible) {
      var row = el('div', { 'class': 'row' });
      if (s.votingOpen) {
        var add = el('button', { type: 'button', 'data-testid': 'vote-add', 'aria-label': t.addDot }, '+');
        add.disabled = s.votesLeft === 0 || (s.perItemLimit > 0 && mine >= s.perItemLimit);
        add.addEventListener('click', function () { vote(c.id, true); });
        var rem = el('button', { type: 'button', 'class': 'secondary', 'data-testid': 'vote-remove', 'aria-label': t.removeDot }, '−');
        rem.disabled = mine === 0;
        rem.addEventListener('click', function () { vote(c.id, false); });
        row.appendChild(add); row.appendChild(rem);
      }
      if (mine > 0) row.appendChild(el('span', null, t.mine(mine)));
      if (s.talliesVisible && typeof c.votes === 'number') row.appendChild(el('span', { 'class': 'dots' }, t.dots(c.votes)));
      div.appendChild(row);
    }
    return div;
  }

  function renderBoard(s) {
    var sec = $('board');
    sec.hidden = s.cards.length === 0 && !s.votingOpen;
    if (sec.hidden) return;
    var left = $('votes-left');
    left.hidden = !s.votingOpen;
    $('vote-hint').hidden = !s.votingOpen;
    left.textContent = s.votesLeft === null ? t.unlimited : t.left(s.votesLeft, s.budget);
    if (s.votingOpen && !s.talliesVisible && s.voters >= 0) left.title = t.talliesHidden;
    var box = $('cards');
    box.textContent = '';
    if (s.cards.length === 0) box.appendChild(el('p', { 'class': 'hint' }, t.noCards));
    s.groups.forEach(function (g) {
      var members = s.cards.filter(function (c) { return c.groupId === g.id; });
      if (members.length === 0) return;
      var gd = el('div', { 'class': 'group' });
      var h = el('h3', null, g.title || t.group);
      if (s.talliesVisible && typeof g.votes === 'number' && g.votes > 0) h.textContent += ' (' + t.dots(g.votes) + ')';
      gd.appendChild(h);
      members.forEach(function (c) { gd.appendChild(cardElement(c, s)); });
      box.appendChild(gd);
    });
    s.cards.filter(function (c) { return !c.groupId; }).forEach(function (c) { box.appendChild(cardElement(c, s)); });
  }

  function renderPropose(s) {
    var sec = $('propose');
    var boards = s.boards || [];
    sec.hidden = !s.proposing || boards.length === 0;
    if (sec.hidden) return;
    var select = $('proposal-board');
    var chosen = select.value;
    var ids = boards.map(function (b) { return b.id + '>' + b.column; }).join('|');
    if (select.getAttribute('data-ids') !== ids) {
      select.textContent = '';
      boards.forEach(function (b) { select.appendChild(el('option', { value: b.id }, b.title + ' › ' + b.column)); });
      select.setAttribute('data-ids', ids);
      if (chosen) select.value = chosen;
    }
  }
  function firstColumnOf(boardId) {
    var boards = (state && state.boards) || [];
    for (var i = 0; i < boards.length; i++) if (boards[i].id === boardId) return boards[i].column;
    return '';
  }

  function vote(id, add) {
    $('vote-error').textContent = '';
    post(add ? '/api/votes/add' : '/api/votes/remove', { requestId: requestId(), itemId: id }).then(function (r) {
      if (r.status !== 200) $('vote-error').textContent = messageFor(r);
      fetchState();
    });
  }

  // ---- wiring ----------------------------------------------------------------------------------
  function init() {
    applyLanguage(lang);
    setStatus(t.connecting);
    $('code-submit').addEventListener('click', function () {
      $('join-error').textContent = '';
      join($('code').value);
    });
    $('code').addEventListener('keydown', function (e) { if (e.key === 'Enter') $('code-submit').click(); });
    $('card-submit').addEventListener('click', function () {
      var text = $('card-text').value.trim();
      $('write-error').textContent = '';
      if (!text) { $('write-error').textContent = t.empty; return; }
      var btn = $('card-submit');
      btn.disabled = true;
      post('/api/cards', { requestId: requestId(), promptId: $('prompt').value || '', text: text }).then(function (r) {
        btn.disabled = false;
        if (r.status === 201 || r.status === 200) { $('card-text').value = ''; fetchState(); }
        else $('write-error').textContent = messageFor(r);
      });
    });
    $('proposal-submit').addEventListener('click', function () {
      var text = $('proposal-text').value.trim();
      var status = $('proposal-status');
      status.textContent = '';
      if (!text) { status.textContent = t.empty; return; }
      var btn = $('proposal-submit');
      var board = $('proposal-board').value;
      btn.disabled = true;
      post('/api/proposals', { requestId: requestId(), boardId: board, text: text }).then(function (r) {
        btn.disabled = false;
        if (r.status === 201 || r.status === 200) { $('proposal-text').value = ''; status.textContent = t.proposed(firstColumnOf(board)); }
        else status.textContent = messageFor(r);
      });
    });
    document.querySelectorAll('#scale .scale button').forEach(function (b) {
      b.addEventListener('click', function () {
        post('/api/answer', { requestId: requestId(), value: Number(b.getAttribute('data-value')) }).then(function () { fetchState(); });
      });
    });
    // Phones drop connections when locked or switched away: resync when the page is back.
    document.addEventListener('visibilitychange', function () { if (!document.hidden && joined) connect(); });
    window.addEventListener('pageshow', function (e) { if (e.persisted && joined) connect(); });
    fetch('/api/state', { credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
      if (r.status === 200) { joined = true; connect(); }
      else if (r.status === 410) showClosed();
      else showJoin();
    }).catch(function () { setStatus(t.offline); showJoin(); });
  }
  init();
})();
