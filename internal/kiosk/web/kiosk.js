// jpkicheck kiosk page. It draws the status the server pushes over
// /api/events (or, when the stream is refused, polls /api/status). Its
// static words come embedded in index.html from the report catalogues, so
// it is never blank; every card's words arrive with the status, in every
// language, so the language buttons need no round trip. In easy Japanese
// the key words carry their readings (<ruby>). Each
// status rebuilds the screen from scratch, so once the card has left
// nothing of its result remains in the page.
'use strict';

(function () {
  const main = document.getElementById('main');
  const title = document.getElementById('title');
  const langGroup = document.getElementById('langs');
  const biggerButton = document.getElementById('bigger');
  const announcer = document.getElementById('announce');
  const banner = document.getElementById('banner');
  const more = document.getElementById('more');
  const root = document.documentElement;
  const SVG = 'http://www.w3.org/2000/svg';

  // How long a language or text size chosen on the waiting screen is kept
  // for the card that follows: long enough to take the card out of a
  // wallet, short enough that the next visitor starts afresh.
  const CHOICE_HOLD = 60000;
  const POLL_EVERY = 1000; // while the stream is refused or down
  const STREAM_RETRY = 10000; // a refused stream is tried again this often
  const CHIME_EVERY = 20000; // the banner's chime repeats while the card is forgotten
  const CHIMES = 3;

  const block = JSON.parse(document.getElementById('words').textContent);
  const langs = block.langs; // the page's languages, in button order
  let words = block.words;
  let status = null; // the status on screen; dropped when the server is lost
  let lost = false; // the server has been lost since the last status
  let first = 'ja'; // the page's first language (the status says which)
  let lang = null; // the language on screen
  let big = false; // the larger text size
  let choiceAt = 0; // when language or size was chosen on the waiting screen
  let choiceTimer = 0;
  let readFrom = 0; // when the answer on screen was shown or last touched
  let bannerTimer = 0;
  let bannerShown = false;
  let chimes = 0;
  let chimeTimer = 0;
  let spoken = ''; // the answer last read aloud (visit and language)
  let said = ''; // what the live region last announced
  let audio = null;

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text) setText(e, text);
    return e;
  }

  function info(l) {
    return langs.find(function (x) {
      return x.lang === l;
    }) || langs[0];
  }

  // Readings over key words, for the languages that have them: the
  // longest word wins where one contains another.
  const readings = {};
  for (const l of langs) {
    if (!l.ruby) continue;
    const keys = Object.keys(l.ruby).sort(function (a, b) {
      return b.length - a.length;
    });
    readings[l.lang] = { ruby: l.ruby, pattern: new RegExp(keys.join('|'), 'g') };
  }

  function setText(e, text) {
    const r = readings[lang];
    if (!r) {
      e.textContent = text;
      return;
    }
    e.textContent = '';
    let at = 0;
    for (const m of text.matchAll(r.pattern)) {
      if (m.index > at) e.append(text.slice(at, m.index));
      const ruby = document.createElement('ruby');
      const rt = document.createElement('rt');
      rt.textContent = r.ruby[m[0]];
      ruby.append(m[0], rt);
      e.append(ruby);
      at = m.index + m[0].length;
    }
    e.append(text.slice(at));
  }

  // One button per language, each named in its own language.
  const langButtons = langs.map(function (l) {
    const b = el('button', null, l.name);
    b.type = 'button';
    b.lang = l.tag;
    b.dataset.lang = l.lang;
    b.addEventListener('click', function () {
      lang = l.lang;
      choose();
    });
    return b;
  });
  langGroup.replaceChildren(...langButtons);

  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    return e;
  }

  function fresh() {
    lang = first;
    big = false;
    choiceAt = 0;
  }

  function apply(next) {
    const before = status;
    first = block.words[next.lang] ? next.lang : langs[0].lang;
    const restarted = before && next.seq < before.seq;
    if (lang === null || (!next.home && (lost || !before || restarted))) {
      // The first status, a reconnect or a restart: start afresh.
      fresh();
    } else if (!next.home && next.visit !== before.visit) {
      // A card that left, or a new one, is a new person, unless the choice
      // was made on the waiting screen a moment ago (by the person now
      // holding the card).
      const chosenNow = !before.visit && choiceAt && Date.now() - choiceAt < CHOICE_HOLD;
      if (!chosenNow) fresh();
    }
    if (!before || next.visit !== before.visit) {
      readFrom = Date.now();
      chimes = 0;
    }
    lost = false;
    status = next;
    words = Object.assign({}, block.words);
    for (const l in next.text) words[l] = next.text[l].ui;
    render();
  }

  function loseServer() {
    lost = true;
    if (status || document.body.dataset.screen === 'loading') {
      status = null;
      render();
    }
  }

  function render() {
    if (lang === null) lang = first;
    const ui = words[lang];
    root.lang = info(lang).tag;
    root.dataset.lang = lang;
    root.classList.toggle('big', big);
    document.title = ui.title;
    setText(title, ui.title);
    for (const b of langButtons) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
    langGroup.hidden = false;
    biggerButton.textContent = big ? ui.normal_text : ui.bigger_text;
    biggerButton.setAttribute('aria-pressed', String(big));
    biggerButton.hidden = false;
    if (!status) {
      if (lost) {
        show('reconnecting', 'info', [spinner(), el('p', 'big', ui.reconnecting)]);
        announce(ui.reconnecting);
      } else {
        show('loading', 'info', [spinner()]);
      }
      document.body.classList.remove('answer');
      showBanner(null);
      return;
    }
    const t = status.text[lang];
    const screen = status.screen;
    let build = screens[screen] || screens.waiting;
    if (screen === 'take_card' && status.report) build = screens.result;
    else if (screen === 'take_card' && status.problem) build = screens.error;
    // The answer stays under "please take your card": laid out as itself.
    document.body.classList.toggle('answer', build === screens.result || build === screens.error);
    show(screen, status.tone, build(t, ui));
    document.body.dataset.seq = String(status.seq);
    announce(t.announce || quiet[screen] && ui[quiet[screen]]);
    speak(t);
    showBanner(screen === 'take_card' && (status.report || status.problem) ? ui : null);
  }

  // What the live region says on the screens without an answer.
  const quiet = {
    waiting: 'insert',
    reading: 'reading',
    no_reader: 'no_reader',
    no_service: 'no_service',
    take_card: 'take_card',
  };

  function show(screen, tone, nodes) {
    document.body.dataset.screen = screen;
    document.body.dataset.tone = tone;
    delete document.body.dataset.seq;
    main.replaceChildren(...nodes);
    window.scrollTo(0, 0);
    cue();
  }

  // The live region says the answer once, briefly; the rest of the page
  // is read when the visitor asks for it.
  function announce(text) {
    text = text || '';
    if (text === said) return;
    said = text;
    announcer.textContent = text;
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
      out.push(decision(t));
      const details = el('div', 'details');
      details.append(el('h2', 'details-title', ui.details));
      if (t.warnings) details.append(warnings(t.warnings, ui));
      if (status.timeline && t.timeline) details.append(timeline(status.timeline, t.timeline, ui));
      const left = el('div', 'col');
      if (t.cert) left.append(section(t.cert, 'cert'));
      if (t.advice && t.advice !== t.next) left.append(el('p', 'advice', t.advice));
      if (t.bring) left.append(section(t.bring, 'bring'));
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
      details.append(cols);
      out.push(details);
      return out;
    },
    error(t, ui) {
      const out = [decision(t)];
      const details = el('div', 'details');
      const hints = el('ul', 'hints');
      for (const h of (t.hints || []).slice(1)) hints.append(el('li', null, h));
      if (hints.childElementCount) details.append(hints);
      if (t.office) details.append(section(t.office, 'office'));
      out.push(details);
      return out;
    },
  };

  // The decision, first and large: the state in words on its colour, the
  // sentence, the one thing to do, and by when and where.
  function decision(t) {
    const box = el('section', 'decision');
    box.append(el('p', 'badge', t.badge), el('h2', 'sentence', t.sentence));
    if (t.next) box.append(el('p', 'next', t.next));
    const rows = [t.by, t.where].filter(Boolean);
    if (rows.length) {
      const dl = el('dl', 'go');
      for (const r of rows) dl.append(el('dt', null, r.label), el('dd', null, r.value));
      box.append(dl);
    }
    return box;
  }

  function warnings(list, ui) {
    const box = el('div', 'warnings');
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

  // The renewal window as a bar with words on each part, and today marked
  // on it: before the window, inside it, or past the expiry. Positions
  // come from the server.
  function timeline(g, w, ui) {
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
      svg('text', { class: 'seg-label', x: (40 + g.opens) / 2, y: 100, 'text-anchor': 'middle' }, ui.timeline_before),
      svg('text', { class: 'seg-label', x: (g.opens + g.expiry) / 2, y: 100, 'text-anchor': 'middle' }, w.window_label),
      svg('text', { class: 'seg-label-after', x: (g.expiry + 960) / 2, y: 100, 'text-anchor': 'middle' }, ui.timeline_after),
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

  // "Please take your card" shows over the answer once the server says
  // the reading time is up and nobody has touched the screen for as long.
  function showBanner(ui) {
    clearTimeout(bannerTimer);
    let due = false;
    if (ui && status.reading_ms > 0) {
      const left = readFrom + status.reading_ms - Date.now();
      if (left > 0) bannerTimer = setTimeout(render, left);
      else due = true;
    }
    if (due) {
      banner.replaceChildren(cardPicture(), el('p', 'banner-big', ui.take_card),
        el('p', 'banner-note', ui.take_card_note + (/^(ja|zh)/.test(info(lang).tag) ? '' : ' ') + ui.touch_to_keep));
      if (!bannerShown) {
        chimes = 0;
        chime();
      }
    } else {
      banner.replaceChildren();
      clearTimeout(chimeTimer);
    }
    banner.hidden = !due;
    bannerShown = due;
    document.body.classList.toggle('with-banner', due);
    cue();
  }

  // A soft two-note chime, made on the spot (no sound file). Browsers may
  // hold sound back until the screen has been touched once; then the
  // banner is silent, which is its only cost.
  function chime() {
    clearTimeout(chimeTimer);
    if (!bannerShown && chimes > 0) return;
    try {
      audio = audio || new AudioContext();
      if (audio.state === 'suspended') audio.resume();
      const now = audio.currentTime;
      [659.25, 523.25].forEach(function (f, i) {
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.type = 'sine';
        osc.frequency.value = f;
        const at = now + i * 0.45;
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.12, at + 0.04);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.2);
        osc.connect(gain).connect(audio.destination);
        osc.start(at);
        osc.stop(at + 1.3);
      });
    } catch (e) {
      return;
    }
    if (++chimes < CHIMES) chimeTimer = setTimeout(chime, CHIME_EVERY);
  }

  // The answer's headline read aloud when the office asks for it, in a
  // voice of the page's language; silent when the PC has none.
  function speak(t) {
    if (!status.voice || !t.announce || status.pending || !('speechSynthesis' in window)) return;
    const key = status.visit + ':' + lang + ':' + status.screen;
    if (key === spoken || status.screen === 'take_card') return;
    const want = info(lang).tag.split('-')[0];
    const voice = speechSynthesis.getVoices().find(function (v) {
      return v.lang.replace('_', '-').toLowerCase().startsWith(want);
    });
    if (!voice) return;
    spoken = key;
    speechSynthesis.cancel();
    const u = new SpeechSynthesisUtterance(t.announce);
    u.voice = voice;
    u.lang = voice.lang;
    u.rate = 0.9;
    speechSynthesis.speak(u);
  }

  // The cue that details follow below the fold.
  function cue() {
    more.textContent = (words[lang] || words.ja).more_below;
    const rest = root.scrollHeight - (window.scrollY + window.innerHeight);
    more.hidden = bannerShown || rest < 24;
  }
  window.addEventListener('scroll', cue, { passive: true });
  window.addEventListener('resize', cue);

  function choose() {
    if (status && !status.visit) {
      choiceAt = Date.now();
      clearTimeout(choiceTimer);
      choiceTimer = setTimeout(function () {
        if (status && !status.visit && !status.home && (lang !== first || big)) {
          fresh();
          render();
        }
      }, CHOICE_HOLD);
    }
    render();
  }

  biggerButton.addEventListener('click', function () {
    big = !big;
    choose();
  });

  // Touching the screen means someone is still reading: the banner waits.
  function touched() {
    if (audio && audio.state === 'suspended') audio.resume();
    if (!status || !(status.report || status.problem)) return;
    readFrom = Date.now();
    if (bannerShown) render();
    else if (status.screen === 'take_card') showBanner(words[lang]);
  }
  document.addEventListener('pointerdown', touched, { passive: true });
  document.addEventListener('keydown', touched);

  // The stream sends the current status on connecting and then every
  // change. When it is refused (too many streams) the page polls
  // /api/status instead and tries the stream again now and then; when the
  // server cannot be reached the page cannot know whether the card is
  // still there, so the answer is cleared until it is back.
  let stream = null;
  let streaming = false;
  let pollTimer = 0;

  function connect() {
    const es = new EventSource('api/events');
    stream = es;
    es.onopen = function () {
      streaming = true;
      stopPolling();
    };
    es.onmessage = function (e) {
      let next;
      try {
        next = JSON.parse(e.data);
      } catch (err) {
        return;
      }
      streaming = true;
      stopPolling();
      apply(next);
    };
    es.onerror = function () {
      if (streaming) {
        // The server went away, or restarted: what was on screen may
        // no longer be true.
        streaming = false;
        loseServer();
      }
      startPolling();
      if (es.readyState === EventSource.CLOSED) {
        stream = null;
        setTimeout(connect, STREAM_RETRY);
      }
    };
  }

  function startPolling() {
    if (!pollTimer) poll();
  }

  function stopPolling() {
    clearTimeout(pollTimer);
    pollTimer = 0;
  }

  function poll() {
    pollTimer = setTimeout(poll, POLL_EVERY);
    fetch('api/status', { cache: 'no-store' })
      .then(function (r) {
        if (!r.ok) throw new Error(String(r.status));
        return r.json();
      })
      .then(function (next) {
        if (!streaming && pollTimer) apply(next);
      })
      .catch(function () {
        if (!streaming) loseServer();
      });
  }

  render();
  connect();
})();
