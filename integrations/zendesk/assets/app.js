/*
 * Knowhow for Zendesk Support (ZAF v2, ticket sidebar). On opening a ticket it searches the
 * handbook with the ticket's subject through Zendesk's proxy (client.request, secure: the API key
 * of a private handbook is a secure setting that only the proxy fills in), lists the results, and
 * inserts a link with a page's title into the reply (ticket.editor.insert).
 */
(() => {
  const WORDS = {
    en: {
      label: 'Search the handbook',
      search: 'Search',
      searching: 'Searching…',
      none: 'No pages match “{q}”.',
      count: '{n} pages for “{q}”',
      insert: 'Insert link',
      insertLabel: 'Insert a link to “{t}” into the reply',
      inserted: 'Link to “{t}” inserted',
      failed: 'Search failed ({s}).',
      noUrl: 'Set the Knowhow address in the app’s settings.',
      current: 'Current',
      overdue: 'Review overdue',
      policy: 'Policy',
      procedure: 'Procedure',
      guide: 'Guide',
      faq: 'FAQ',
    },
    de: {
      label: 'Im Handbuch suchen',
      search: 'Suchen',
      searching: 'Suche läuft…',
      none: 'Keine Seite passt zu „{q}“.',
      count: '{n} Seiten zu „{q}“',
      insert: 'Link einfügen',
      insertLabel: 'Link zu „{t}“ in die Antwort einfügen',
      inserted: 'Link zu „{t}“ eingefügt',
      failed: 'Die Suche ist fehlgeschlagen ({s}).',
      noUrl: 'Tragen Sie die Knowhow-Adresse in den Einstellungen der App ein.',
      current: 'Aktuell',
      overdue: 'Prüfung überfällig',
      policy: 'Richtlinie',
      procedure: 'Ablauf',
      guide: 'Leitfaden',
      faq: 'FAQ',
    },
    pl: {
      label: 'Szukaj w podręczniku',
      search: 'Szukaj',
      searching: 'Wyszukiwanie…',
      none: 'Żadna strona nie pasuje do „{q}”.',
      count: 'Strony dla „{q}”: {n}',
      insert: 'Wstaw link',
      insertLabel: 'Wstaw link do „{t}” w odpowiedzi',
      inserted: 'Wstawiono link do „{t}”',
      failed: 'Wyszukiwanie nie powiodło się ({s}).',
      noUrl: 'Podaj adres Knowhow w ustawieniach aplikacji.',
      current: 'Aktualna',
      overdue: 'Przegląd po terminie',
      policy: 'Zasada',
      procedure: 'Procedura',
      guide: 'Poradnik',
      faq: 'FAQ',
    },
    fi: {
      label: 'Hae käsikirjasta',
      search: 'Hae',
      searching: 'Haetaan…',
      none: 'Mikään sivu ei vastaa hakua ”{q}”.',
      count: '{n} sivua haulle ”{q}”',
      insert: 'Lisää linkki',
      insertLabel: 'Lisää linkki sivuun ”{t}” vastaukseen',
      inserted: 'Linkki sivuun ”{t}” lisätty',
      failed: 'Haku epäonnistui ({s}).',
      noUrl: 'Anna Knowhow-osoite sovelluksen asetuksissa.',
      current: 'Ajan tasalla',
      overdue: 'Tarkistus myöhässä',
      policy: 'Käytäntö',
      procedure: 'Menettely',
      guide: 'Opas',
      faq: 'UKK',
    },
    sv: {
      label: 'Sök i handboken',
      search: 'Sök',
      searching: 'Söker…',
      none: 'Inga sidor matchar ”{q}”.',
      count: '{n} sidor för ”{q}”',
      insert: 'Infoga länk',
      insertLabel: 'Infoga en länk till ”{t}” i svaret',
      inserted: 'Länk till ”{t}” infogad',
      failed: 'Sökningen misslyckades ({s}).',
      noUrl: 'Ange Knowhow-adressen i appens inställningar.',
      current: 'Aktuell',
      overdue: 'Granskning försenad',
      policy: 'Policy',
      procedure: 'Rutin',
      guide: 'Guide',
      faq: 'Vanliga frågor',
    },
  };
  const client = ZAFClient.init();
  const form = document.getElementById('kh-form');
  const input = document.getElementById('kh-query');
  const status = document.getElementById('kh-status');
  const list = document.getElementById('kh-results');
  let words = WORDS.en;
  let base = '';
  let running = 0;

  const say = (text, values) => text.replace(/\{(\w)\}/g, (_, name) => String(values?.[name] ?? ''));
  const escapeHtml = (text) =>
    String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  async function search(query) {
    const asked = ++running;
    list.replaceChildren();
    if (!query || !base) {
      status.textContent = query ? words.noUrl : '';
      return;
    }
    status.textContent = words.searching;
    try {
      const answer = await client.request({
        url: `${base}/api/search?q=${encodeURIComponent(query)}&limit=8`,
        type: 'GET',
        dataType: 'json',
        secure: true,
        cors: false,
        headers: { Authorization: 'Bearer {{setting.api_key}}' },
      });
      if (asked !== running) return;
      const results = answer.results ?? [];
      status.textContent = results.length === 0 ? say(words.none, { q: query }) : say(words.count, { n: results.length, q: query });
      list.replaceChildren(...results.map(resultItem));
    } catch (error) {
      if (asked !== running) return;
      status.textContent = say(words.failed, { s: error?.status ?? error?.statusText ?? error?.message ?? '?' });
    }
  }

  function resultItem(result) {
    const link = new URL(result.url, `${base}/`);
    if (result.anchor) link.hash = result.anchor;
    const item = element('li', 'kh-result');
    const title = element('a', 'kh-title', result.title);
    title.href = link.href;
    title.target = '_blank';
    title.rel = 'noopener';
    const about = element('p', 'kh-about');
    about.append(element('span', 'kh-badge', words[result.type] ?? result.type));
    const overdue = result.status === 'overdue';
    about.append(element('span', overdue ? 'kh-badge kh-overdue' : 'kh-badge', overdue ? words.overdue : words.current));
    const actions = element('p', 'kh-actions');
    const insert = element('button', '', words.insert);
    insert.type = 'button';
    insert.setAttribute('aria-label', say(words.insertLabel, { t: result.title }));
    insert.addEventListener('click', async () => {
      await client.invoke('ticket.editor.insert', `<a href="${escapeHtml(link.href)}">${escapeHtml(result.title)}</a>`);
      status.textContent = say(words.inserted, { t: result.title });
    });
    actions.append(insert);
    item.append(title, about);
    if (result.snippet) item.append(element('p', 'kh-snippet', result.snippet));
    item.append(actions);
    return item;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search(input.value.trim());
  });

  async function start() {
    const [metadata, data] = await Promise.all([client.metadata(), client.get(['ticket.subject', 'currentUser.locale'])]);
    base = String(metadata?.settings?.knowhow_url ?? '').replace(/\/+$/, '');
    words =
      WORDS[
        String(data['currentUser.locale'] ?? 'en')
          .slice(0, 2)
          .toLowerCase()
      ] ?? WORDS.en;
    document.documentElement.lang = Object.keys(WORDS).find((lang) => WORDS[lang] === words) ?? 'en';
    document.getElementById('kh-label').textContent = words.label;
    document.getElementById('kh-button').textContent = words.search;
    input.value = data['ticket.subject'] ?? '';
    client.invoke('resize', { width: '100%', height: '420px' });
    await search(input.value.trim());
  }

  client.on('app.registered', () => {});
  void start();
})();
