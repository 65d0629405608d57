// The Mesh dashboard: the summary once, then every newer one over server-sent events (/ops/api/events).
// Everything from the silo goes into the page as text (textContent), never as markup.
'use strict';
(() => {
  const HISTORY = 120;
  const COLORS = ['#2f7ed8', '#e4572e', '#17a398', '#f3a712', '#7d5ba6', '#5c6b73'];
  const prices = new Map(); // asset -> {first: price, points: [{x: time, y: % change since first}]}
  let updates = 0;

  const $ = (id) => document.getElementById(id);
  const percent = (v) => (v * 100).toFixed(1) + ' %';
  const time = (iso) => (iso ? new Date(iso).toLocaleTimeString() : '–');

  // Base units (a string of digits) to a whole-token figure with up to 4 decimals.
  function tokens(units, decimals) {
    if (units === null || units === undefined) return 'unbounded';
    const value = BigInt(units);
    const scale = 10n ** BigInt(decimals);
    const whole = value / scale;
    const fraction = ((value % scale) * 10000n) / scale;
    const text = whole.toLocaleString('en-US');
    return fraction === 0n ? text : text + '.' + fraction.toString().padStart(4, '0').replace(/0+$/, '');
  }

  function rows(tbody, items, cells) {
    const body = $(tbody);
    body.replaceChildren(...items.map((item) => {
      const tr = document.createElement('tr');
      for (const cell of cells(item)) {
        const td = document.createElement('td');
        if (cell instanceof Node) td.append(cell); else td.textContent = String(cell);
        tr.append(td);
      }
      return tr;
    }));
    if (items.length === 0) {
      const tr = document.createElement('tr');
      const td = document.createElement('td');
      td.colSpan = 8;
      td.className = 'muted';
      td.textContent = 'none';
      tr.append(td);
      body.append(tr);
    }
  }

  function badge(text, kind) {
    const span = document.createElement('span');
    span.className = 'badge ' + kind;
    span.textContent = text;
    return span;
  }

  const common = { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } };
  const priceChart = new Chart($('price-chart'), {
    type: 'line',
    data: { datasets: [] },
    options: { ...common, parsing: false, plugins: { legend: { display: true } },
      scales: { x: { type: 'linear', ticks: { callback: (v) => new Date(v).toLocaleTimeString() } }, y: { title: { display: true, text: '% since the page opened' } } } },
  });
  const utilizationChart = new Chart($('utilization-chart'), {
    type: 'bar',
    data: { labels: [], datasets: [{ label: 'utilization', data: [], backgroundColor: '#2f7ed8' }] },
    options: { ...common, indexAxis: 'y', scales: { x: { min: 0, max: 100, title: { display: true, text: '% lent out' } } } },
  });
  const healthChart = new Chart($('health-chart'), {
    type: 'bar',
    data: { labels: [], datasets: [{ label: 'vaults', data: [], backgroundColor: ['#d7263d', '#f46036', '#17a398', '#2e86ab', '#1b998b'] }] },
    options: { ...common, scales: { x: { title: { display: true, text: 'health factor' } }, y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });

  function renderOracles(oracles) {
    const tiles = $('oracles');
    tiles.replaceChildren(...oracles.map((o) => {
      const tile = document.createElement('div');
      tile.className = 'tile';
      tile.dataset.asset = o.asset;
      const name = document.createElement('h3');
      name.textContent = o.asset;
      const price = document.createElement('div');
      price.className = 'price';
      price.id = 'price-' + o.asset;
      price.textContent = o.price === null ? 'no price' : '$' + Number(o.price).toLocaleString('en-US', { maximumFractionDigits: 4 });
      const detail = document.createElement('div');
      detail.className = 'muted';
      const round = document.createElement('span');
      round.id = 'round-' + o.asset;
      round.textContent = String(o.round);
      detail.append('round ', round, ' · ' + o.sourcesUsed + ' sources · vol ' + percent(o.volatility) + ' (' + o.volatilitySource + ')');
      const flags = document.createElement('div');
      flags.append(badge(o.regime, 'regime-' + o.regime), badge(o.fresh ? 'fresh' : 'no quorum', o.fresh ? 'ok' : 'warn'));
      if (o.breakerOpen) flags.append(badge('breaker open', 'bad'));
      tile.append(name, price, detail, flags);
      return tile;
    }));

    for (const o of oracles) {
      if (o.price === null) continue;
      const price = Number(o.price);
      const series = prices.get(o.asset) ?? { first: price, points: [] };
      const at = Date.parse(o.updatedAt ?? new Date().toISOString());
      const points = series.points;
      if (points.length === 0 || points[points.length - 1].x !== at) points.push({ x: at, y: (price / series.first - 1) * 100 });
      if (points.length > HISTORY) points.splice(0, points.length - HISTORY);
      prices.set(o.asset, series);
    }
    priceChart.data.datasets = [...prices.entries()].map(([asset, series], i) => ({
      label: asset, data: series.points, borderColor: COLORS[i % COLORS.length], backgroundColor: COLORS[i % COLORS.length], pointRadius: 0, borderWidth: 2,
    }));
    priceChart.update();
  }

  function render(s) {
    updates += 1;
    $('updates').textContent = String(updates);
    $('as-of').textContent = time(s.asOf);
    renderOracles(s.oracles);

    utilizationChart.data.labels = s.pools.map((p) => p.asset);
    utilizationChart.data.datasets[0].data = s.pools.map((p) => p.utilization * 100);
    utilizationChart.update();
    rows('pools', s.pools, (p) => {
      const u = document.createElement('span');
      u.id = 'utilization-' + p.asset;
      u.textContent = percent(p.utilization);
      return [p.asset, u, tokens(p.freeLiquidity, p.decimals), tokens(p.creditOutstanding, p.decimals), percent(p.borrowRate), p.vaults];
    });

    const v = s.vaults;
    $('vaults-total').textContent = String(v.total);
    $('vaults-needs').textContent = String(v.needs);
    $('vaults-stale').textContent = String(v.stale);
    $('vaults-free').textContent = String(v.withoutObligations);
    healthChart.data.labels = v.distribution.map((d) => d.label);
    healthChart.data.datasets[0].data = v.distribution.map((d) => d.count);
    healthChart.update();
    rows('worst', v.worst, (w) => [w.vault, w.healthFactor.toFixed(3), w.bandMin + ' – ' + w.bandMax, w.need ?? '–']);

    rows('rebalancing', s.rebalancing, (m) => [m.asset, m.policy + ' (' + m.capacityBasis + ')', tokens(m.capacity, m.decimals),
      tokens(m.inFlight, m.decimals), m.queued + ' (' + tokens(m.queuedQuantity, m.decimals) + ')', m.granted + ' / ' + m.completed + ' / ' + m.expired]);

    $('transfers-in-flight').textContent = String(s.transfers.inFlight);
    $('transfers-stuck').textContent = String(s.transfers.stuck);
    rows('transfers', s.transfers.items, (t) => [t.requestId, t.from + ' → ' + t.to + ' ' + t.asset, t.amount,
      t.stuck ? badge(t.phase + ' (stuck)', 'bad') : t.phase]);

    rows('chains', s.chains, (c) => [c.name + ' (' + c.chainId + ')', badge(c.health, c.health === 'healthy' ? 'ok' : c.health === 'degraded' ? 'warn' : 'bad'),
      c.head ?? '–', c.finalized ?? '–', c.headAgeSeconds === null ? '–' : c.headAgeSeconds.toFixed(1) + ' s', c.rpcSuccesses + ' / ' + c.rpcFailures]);
    rows('cluster', s.cluster, (h) => [h.name, h.address, h.status, time(h.startedAt)]);
  }

  function status(text, kind) {
    const el = $('status');
    el.textContent = text;
    el.className = 'status ' + kind;
  }

  $('logout').addEventListener('click', async () => {
    await fetch('/ops/logout', { method: 'POST', credentials: 'same-origin' });
    window.location.assign('/ops/login');
  });

  async function start() {
    const response = await fetch('/ops/api/summary', { credentials: 'same-origin' });
    if (response.status === 401 || response.status === 403) {
      window.location.assign('/ops/login');
      return;
    }
    render(await response.json());
    const events = new EventSource('/ops/api/events');
    events.addEventListener('summary', (e) => { status('live', 'ok'); render(JSON.parse(e.data)); });
    events.addEventListener('error', () => status(events.readyState === EventSource.CLOSED ? 'disconnected' : 'reconnecting…', 'warn'));
  }

  start().catch((e) => status('failed: ' + e.message, 'bad'));
})();
