// jpkicheck kiosk page. It draws the status the server pushes over
// /api/events and holds no words of its own: every text arrives with the
// status, in Japanese and English, so the language button needs no round
// trip. Each status rebuilds the screen from scratch, so once the card has
// left nothing of its result remains in the page.
'use strict';

(function () {
  const main = document.getElementById('main');
  const title = document.getElementById('title');
  const langButton = document.getElementById('lang');
  const SVG = 'http://www.w3.org/2000/svg';

  let status = null; // the status on screen; dropped when the connection is lost
  let words = null; // the page's static words per language (no card data)
  let lang = null; // the language on screen

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }

  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    return e;
  }

  function other(l) {
    return l === 'ja' ? 'en' : 'ja';
  }

  function apply(next) {
    // In the lobby the next person starts in the page's first language.
    // (Statuses may be skipped, so a new card is told by its number.)
    const nextPerson = status && status.visit && next.visit !== status.visit;
    if (lang === null || (nextPerson && !next.home)) lang = next.lang;
    status = next;
    words = { ja: next.text.ja.ui, en: next.text.en.ui };
    render();
  }

  function render() {
    const ui = words[lang];
    document.documentElement.lang = lang;
    document.title = ui.title;
    title.textContent = ui.title;
    langButton.textContent = ui.lang_button;
    langButton.setAttribute('aria-label', ui.lang_button_label);
    langButton.lang = other(lang);
    langButton.hidden = false;
    if (!status) {
      show('reconnecting', 'info', [spinner(), el('p', 'big', ui.reconnecting)]);
      return;
    }
    const t = status.text[lang];
    const build = screens[status.screen] || screens.waiting;
    show(status.screen, status.tone, build(t, ui));
    document.body.dataset.seq = String(status.seq);
  }

  function show(screen, tone, nodes) {
    document.body.dataset.screen = screen;
    document.body.dataset.tone = tone;
    delete document.body.dataset.seq;
    main.replaceChildren(...nodes);
  }

  function spinner() {
    const s = el('div', 'spinner');
    s.setAttribute('aria-hidden', 'true');
    return s;
  }

  function cardPicture() {
    const card = el('div', 'card-picture');
    card.setAttribute('aria-hidden', 'true');
    card.append(el('div', 'chip'));
    return card;
  }

  function message(big, note) {
    return [el('p', 'big', big), el('p', 'note', note)];
  }

  const screens = {
    waiting(t, ui) {
      return [cardPicture(), ...message(ui.insert, ui.insert_note), el('p', 'privacy', ui.privacy)];
    },
    reading(t, ui) {
      return [spinner(), ...message(ui.reading, ui.reading_note)];
    },
    take_card(t, ui) {
      return [cardPicture(), ...message(ui.take_card, ui.take_card_note)];
    },
    no_reader(t, ui) {
      return message(ui.no_reader, ui.no_reader_note);
    },
    no_service(t, ui) {
      return message(ui.no_service, ui.no_service_note);
    },
    result(t, ui) {
      const out = [];
      if (t.simulated) out.push(el('p', 'simulated', t.simulated));
      out.push(answer(t));
      if (t.warnings) out.push(warnings(t.warnings, ui));
      if (status.timeline && t.timeline) out.push(timeline(status.timeline, t.timeline));
      const left = el('div', 'col');
      if (t.cert) left.append(section(t.cert, 'cert'));
      if (t.advice) left.append(el('p', 'advice', t.advice));
      const right = el('div', 'col');
      if (t.pins) right.append(section(t.pins, 'pins'));
      if (status.pending) {
        const p = el('p', 'pending');
        p.append(spinner(), el('span', null, ui.reading_rest));
        right.append(p);
      }
      if (t.office) right.append(section(t.office, 'office'));
      const cols = el('div', 'cols');
      cols.append(left, right);
      out.push(cols);
      if (t.bring) out.push(section(t.bring, 'bring'));
      return out;
    },
    error(t, ui) {
      const out = [answer(t)];
      const hints = el('ul', 'hints');
      for (const h of t.hints || []) hints.append(el('li', null, h));
      out.push(hints);
      if (t.office) out.push(section(t.office, 'office'));
      return out;
    },
  };

  // The answer first: the state in words on its colour, then the sentence.
  function answer(t) {
    const box = el('div', 'answer');
    box.append(el('p', 'badge', t.badge), el('h2', 'sentence', t.sentence));
    return box;
  }

  function warnings(list, ui) {
    const box = el('div', 'warnings');
    box.setAttribute('role', 'alert');
    box.append(el('p', 'warning-label', ui.warning_label));
    for (const w of list) box.append(el('p', 'warning', w));
    return box;
  }

  function section(s, className) {
    const box = el('section', 'box ' + className);
    box.append(el('h3', null, s.title));
    if (s.tag) box.append(el('p', 'tag', s.tag));
    if (s.lead) box.append(el('p', 'lead', s.lead));
    const dl = el('dl');
    for (const r of s.rows || []) {
      dl.append(el('dt', null, r.label), el('dd', r.alert ? 'alert' : null, r.value));
    }
    box.append(dl);
    if (s.note) box.append(el('p', 'note', s.note));
    return box;
  }

  // The renewal window as a bar, with today marked on it: before the
  // window, inside it, or past the expiry. Positions come from the server.
  function timeline(g, w) {
    const fig = el('figure', 'timeline');
    fig.append(el('figcaption', null, w.title));
    const pic = svg('svg', {
      viewBox: '0 0 1000 200',
      role: 'img',
      'aria-label': [w.opens_label, w.opens, w.expiry_label, w.expiry].join(' '),
    });
    pic.append(
      svg('rect', { class: 'seg-before', x: 40, y: 70, width: g.opens - 40, height: 44 }),
      svg('rect', { class: 'seg-window', x: g.opens, y: 70, width: g.expiry - g.opens, height: 44 }),
      svg('rect', { class: 'seg-after', x: g.expiry, y: 70, width: 960 - g.expiry, height: 44 }),
      svg('text', { class: 'seg-label', x: (g.opens + g.expiry) / 2, y: 154, 'text-anchor': 'middle' }, w.window_label),
      svg('line', { class: 'edge', x1: g.opens, y1: 58, x2: g.opens, y2: 126 }),
      svg('line', { class: 'edge', x1: g.expiry, y1: 58, x2: g.expiry, y2: 126 }),
      svg('text', { class: 'edge-label', x: g.opens, y: 154, 'text-anchor': 'middle' }, w.opens_label),
      svg('text', { class: 'edge-date', x: g.opens, y: 188, 'text-anchor': 'middle' }, w.opens),
      svg('text', { class: 'edge-label', x: g.expiry, y: 154, 'text-anchor': 'middle' }, w.expiry_label),
      svg('text', { class: 'edge-date', x: g.expiry, y: 188, 'text-anchor': 'middle' }, w.expiry),
    );
    const today = svg('g', { class: 'today', 'data-where': g.where });
    today.append(
      svg('line', { x1: g.today, y1: 40, x2: g.today, y2: 126 }),
      svg('path', { d: `M ${g.today - 14} 36 L ${g.today + 14} 36 L ${g.today} 58 Z` }),
      svg('text', { x: Math.min(Math.max(g.today, 60), 940), y: 28, 'text-anchor': 'middle' }, w.today_label),
    );
    pic.append(today);
    fig.append(pic);
    return fig;
  }

  langButton.addEventListener('click', function () {
    if (!words) return;
    lang = other(lang);
    render();
  });

  // The stream sends the current status on connecting and then every
  // change. While it is down the page cannot know whether the card is
  // still there, so the result is cleared until it is back.
  function connect() {
    const es = new EventSource('api/events');
    es.onmessage = function (e) {
      let next;
      try {
        next = JSON.parse(e.data);
      } catch (err) {
        return;
      }
      apply(next);
    };
    es.onerror = function () {
      if (status) {
        status = null;
        render();
      }
      if (es.readyState === EventSource.CLOSED) {
        setTimeout(connect, 2000);
      }
    };
  }
  connect();
})();
