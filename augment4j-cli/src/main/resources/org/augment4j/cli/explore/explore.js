// augment4j explore: a client of the server's JSON API (see ExploreServer). No framework, no build step.
'use strict';

const HEADER = {'X-Augment4j-Explore': '1'};
const state = {
  transforms: [], byName: {}, examples: {}, images: [], image: null, version: '2.0.8',
  single: {name: null, params: {}, seed: 1},
  pipeline: {steps: [], extra: {}, seed: 1, count: 8},
};
const $ = (id) => document.getElementById(id);
let renderTicket = {single: 0, pipeline: 0};
let timers = {};

async function api(method, path, body, type) {
  const opts = {method, headers: {...HEADER}};
  if (body !== undefined) {
    opts.headers['Content-Type'] = type || 'application/json';
    opts.body = type ? body : JSON.stringify(body);
  }
  const res = await fetch(path, opts);
  const ctype = res.headers.get('Content-Type') || '';
  const data = ctype.startsWith('application/json') ? await res.json() : await res.text();
  if (!res.ok) {
    const err = new Error(typeof data === 'object' ? data.error : String(data));
    err.path = typeof data === 'object' ? data.path : undefined;
    throw err;
  }
  return data;
}

function showError(msg) {
  const box = $('error');
  box.textContent = msg || '';
  box.hidden = !msg;
}

function randomSeed() {
  return Math.floor(Math.random() * 2147483647);
}

// ---------- parameter forms, generated from the registry's descriptions ----------

function fieldValue(p, input) {
  if (p.type === 'bool') return input.checked;
  const raw = input.value.trim();
  if (raw === '') return undefined;
  if (p.choices) {
    const match = p.choices.find((c) => String(c) === raw);
    return match === undefined ? raw : match;
  }
  if (p.type === 'int' || p.type === 'number') {
    const n = Number(raw);
    return Number.isNaN(n) ? raw : n;
  }
  if (p.type === 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch (e) {
    const parts = raw.split(',').map((s) => Number(s.trim()));
    return parts.every((n) => !Number.isNaN(n)) ? (parts.length === 1 ? parts[0] : parts) : raw;
  }
}

function show(v) {
  return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

// One form for a transform's parameters; onChange(params) after every edit. Paths name fields for error messages.
function buildForm(container, name, params, path, onChange) {
  container.textContent = '';
  const d = state.byName[name];
  if (!d) {
    container.textContent = 'Unknown transform ' + name;
    return;
  }
  const shown = d.parameters.filter((p) => !p.alternative || p.name in params);
  for (const p of shown) {
    if (p.type === 'transforms') continue;
    const field = document.createElement('div');
    field.className = 'field';
    field.dataset.path = path + '.' + p.name;
    const label = document.createElement('label');
    label.textContent = p.name + ' ';
    const hint = document.createElement('span');
    hint.className = p.required ? 'required' : 'muted';
    const bounds = [p.min !== undefined ? 'min ' + p.min : '', p.max !== undefined ? 'max ' + p.max : ''].filter(Boolean).join(', ');
    hint.textContent = (p.required ? 'required ' : '') + '(' + p.type + (bounds ? '; ' + bounds : '') + ')';
    label.appendChild(hint);
    field.appendChild(label);
    const changed = () => {
      const next = {...params};
      const value = p.type === 'range' ? rangeValue(field) : fieldValue(p, field.querySelector('input,select'));
      if (value === undefined) delete next[p.name]; else next[p.name] = value;
      params = next;
      onChange(next);
    };
    const current = params[p.name];
    if (p.choices) {
      const sel = document.createElement('select');
      sel.name = p.name;
      const def = document.createElement('option');
      def.value = '';
      const di = p.choices.findIndex((c) => c === p.default);
      def.textContent = 'default (' + show(p.default) + (p.labels && di >= 0 ? ' ' + p.labels[di] : '') + ')';
      sel.appendChild(def);
      p.choices.forEach((c, i) => {
        const o = document.createElement('option');
        o.value = String(c);
        o.textContent = p.labels ? c + ' ' + p.labels[i] : String(c);
        sel.appendChild(o);
      });
      sel.value = show(current);
      sel.addEventListener('change', changed);
      field.appendChild(sel);
    } else if (p.type === 'bool') {
      const cb = document.createElement('input');
      cb.type = 'checkbox';
      cb.name = p.name;
      cb.checked = current === undefined ? !!p.default : !!current;
      cb.addEventListener('change', changed);
      field.appendChild(cb);
    } else if (p.type === 'range') {
      const box = document.createElement('div');
      box.className = 'range';
      const pair = Array.isArray(current) ? current : current === undefined ? [undefined, undefined] : [current, current];
      const defPair = Array.isArray(p.default) ? p.default : [p.default, p.default];
      for (let i = 0; i < 2; i++) {
        const inp = document.createElement('input');
        inp.type = 'number';
        inp.step = 'any';
        inp.name = p.name;
        inp.dataset.part = String(i);
        inp.value = show(pair[i]);
        inp.placeholder = show(defPair[i]);
        inp.addEventListener('change', changed);
        box.appendChild(inp);
      }
      field.appendChild(box);
    } else {
      const inp = document.createElement('input');
      inp.type = p.type === 'int' || p.type === 'number' ? 'number' : 'text';
      if (inp.type === 'number') {
        inp.step = p.type === 'int' ? '1' : 'any';
        if (p.min !== undefined) inp.min = p.min;
        if (p.max !== undefined) inp.max = p.max;
      }
      inp.name = p.name;
      inp.value = show(current);
      inp.placeholder = show(p.default);
      inp.addEventListener('change', changed);
      field.appendChild(inp);
    }
    const err = document.createElement('div');
    err.className = 'err';
    field.appendChild(err);
    container.appendChild(field);
  }
}

function rangeValue(field) {
  const [a, b] = [...field.querySelectorAll('input')].map((i) => i.value.trim());
  if (a === '' && b === '') return undefined;
  const lo = a === '' ? Number(b) : Number(a);
  const hi = b === '' ? lo : Number(b);
  return [lo, hi];
}

// Puts an error next to the field it names (by JSON path, else by a parameter named in the message), or on top.
function placeError(scope, err) {
  scope.querySelectorAll('.field .err').forEach((e) => (e.textContent = ''));
  if (!err) {
    showError('');
    return;
  }
  let field = err.path ? scope.querySelector('[data-path="' + CSS.escape(err.path) + '"]') : null;
  if (!field && err.path) {
    const fields = [...scope.querySelectorAll('.field')].filter((f) => f.dataset.path.startsWith(err.path + '.'));
    const named = fields.filter((f) => new RegExp('(^|[^a-z_])' + f.dataset.path.split('.').pop() + '([^a-z_]|$)').test(err.message));
    field = named.sort((x, y) => y.dataset.path.length - x.dataset.path.length)[0] || null;
  }
  if (field) {
    field.querySelector('.err').textContent = err.message;
    showError('');
  } else {
    showError(err.message);
  }
}

// ---------- pipelines as Albumentations trees ----------

function stepDict(step) {
  const d = {'__class_fullname__': step.name, ...step.params};
  if (step.children) d.transforms = step.children.map(stepDict);
  return d;
}

function tree(steps, extra) {
  return {'__version__': state.version, transform: {'__class_fullname__': 'Compose', p: 1.0, ...extra, transforms: steps.map(stepDict)}};
}

function fromDict(d) {
  const name = String(d['__class_fullname__']).split('.').pop();
  const params = {};
  for (const [k, v] of Object.entries(d)) if (k !== '__class_fullname__' && k !== 'transforms') params[k] = v;
  const step = {name, params};
  if (Array.isArray(d.transforms)) step.children = d.transforms.map(fromDict);
  return step;
}

function loadTree(t, notes) {
  const version = String(t['__version__'] || '2.0.8');
  state.version = version;
  const sel = $('version-select');
  if (![...sel.options].some((o) => o.value === state.version)) {
    const o = document.createElement('option');
    o.value = state.version;
    o.textContent = state.version + ' (from the file)';
    sel.appendChild(o);
  }
  sel.value = state.version;
  const root = t.transform['__class_fullname__'].split('.').pop() === 'Compose' ? t.transform : {transforms: [t.transform]};
  const extra = {};
  for (const [k, v] of Object.entries(root)) if (k !== '__class_fullname__' && k !== 'transforms') extra[k] = v;
  state.pipeline.steps = root.transforms.map(fromDict);
  state.pipeline.extra = extra;
  showLabelParams();
  $('pipeline-notes').textContent = notes || '';
  renderSteps();
  schedule('pipeline');
}

// ---------- one transform ----------

function pickTransform(name) {
  state.single.name = name;
  state.single.params = {...(state.examples[name] || {})};
  document.querySelectorAll('#transform-list button').forEach((b) => b.classList.toggle('selected', b.dataset.name === name));
  const d = state.byName[name];
  $('single-title').textContent = name;
  $('single-targets').textContent = 'targets: ' + d.targets.join(', ') + (state.examples[name] ? ' · starts with the gallery\'s example values' : '');
  buildForm($('single-form'), name, state.single.params, '$.transform.transforms[0]', (params) => {
    state.single.params = params;
    schedule('single');
  });
  schedule('single');
}

async function renderSingle() {
  const ticket = ++renderTicket.single;
  const params = {...state.single.params, p: 1.0};
  const body = {image: state.image, pipeline: tree([{name: state.single.name, params}], {}), seed: state.single.seed, count: 1, height: 320};
  $('single-seed').textContent = state.single.seed;
  try {
    const r = await api('POST', '/api/render', body);
    if (ticket !== renderTicket.single) return;
    const o = r.outputs[0];
    const img = $('single-output');
    img.src = 'data:image/png;base64,' + o.png;
    img.dataset.sha = o.sha256;
    img.dataset.seed = String(o.seed);
    $('single-sha').textContent = o.sha256;
    $('single-applied').textContent = JSON.stringify(o.applied, null, 1);
    placeError($('single-form'), null);
  } catch (e) {
    if (ticket === renderTicket.single) placeError($('single-form'), e);
  }
}

// ---------- pipeline builder ----------

function renderSteps() {
  const list = $('steps');
  list.textContent = '';
  state.pipeline.steps.forEach((s, i) => list.appendChild(stepView(s, state.pipeline.steps, i, '$.transform.transforms[' + i + ']')));
}

function button(text, title, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.title = title;
  b.addEventListener('click', onClick);
  return b;
}

function stepView(step, siblings, i, path) {
  const li = document.createElement('li');
  li.className = 'step' + (step.children ? ' group' : '');
  li.dataset.path = path;
  const head = document.createElement('div');
  head.className = 'step-head';
  const title = document.createElement('strong');
  title.textContent = step.name;
  head.appendChild(title);
  const changed = () => {
    renderSteps();
    schedule('pipeline');
  };
  head.appendChild(button('↑', 'move up', () => {
    if (i > 0) [siblings[i - 1], siblings[i]] = [siblings[i], siblings[i - 1]];
    changed();
  }));
  head.appendChild(button('↓', 'move down', () => {
    if (i < siblings.length - 1) [siblings[i + 1], siblings[i]] = [siblings[i], siblings[i + 1]];
    changed();
  }));
  head.appendChild(button('✕', 'remove', () => {
    siblings.splice(i, 1);
    changed();
  }));
  li.appendChild(head);
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'parameters';
  details.appendChild(summary);
  const form = document.createElement('form');
  form.autocomplete = 'off';
  buildForm(form, step.name, step.params, path, (params) => {
    step.params = params;
    schedule('pipeline');
  });
  details.appendChild(form);
  details.open = !step.children;
  li.appendChild(details);
  if (step.children) {
    const ol = document.createElement('ol');
    ol.className = 'group-steps';
    step.children.forEach((c, j) => ol.appendChild(stepView(c, step.children, j, path + '.transforms[' + j + ']')));
    li.appendChild(ol);
    const row = document.createElement('div');
    row.className = 'row';
    const inp = document.createElement('input');
    inp.setAttribute('list', 'transform-names');
    inp.placeholder = 'Add to ' + step.name + '…';
    row.appendChild(inp);
    row.appendChild(button('Add', 'add a transform to this group', () => {
      if (addTo(step.children, inp.value.trim())) changed();
    }));
    li.appendChild(row);
  }
  return li;
}

function addTo(steps, name) {
  const d = state.byName[name];
  if (!d || d.kind !== 'transform') {
    showError('Choose a transform from the list: "' + name + '" is not one');
    return false;
  }
  // A pipeline step starts from Albumentations' defaults; only what has no default comes from the examples.
  const required = d.parameters.filter((p) => p.required).map((p) => p.name);
  const params = Object.fromEntries(Object.entries(state.examples[name] || {}).filter(([k]) => required.includes(k)));
  steps.push({name, params});
  showError('');
  return true;
}

async function renderPipeline() {
  const ticket = ++renderTicket.pipeline;
  const count = Number($('grid-count').value);
  $('grid-seed').textContent = state.pipeline.seed;
  const body = {image: state.image, pipeline: tree(state.pipeline.steps, state.pipeline.extra), seed: state.pipeline.seed, count, height: 200};
  try {
    const r = await api('POST', '/api/render', body);
    if (ticket !== renderTicket.pipeline) return;
    const grid = $('pipeline-grid');
    grid.textContent = '';
    for (const o of r.outputs) {
      const fig = document.createElement('figure');
      const img = document.createElement('img');
      img.src = 'data:image/png;base64,' + o.png;
      img.alt = 'seed ' + o.seed;
      img.dataset.sha = o.sha256;
      img.dataset.seed = String(o.seed);
      img.title = JSON.stringify(o.applied);
      const cap = document.createElement('figcaption');
      cap.textContent = 'seed ' + o.seed + ' · ' + o.width + '×' + o.height + ' · ' + o.objects + ' objects';
      fig.appendChild(img);
      fig.appendChild(cap);
      grid.appendChild(fig);
    }
    placeError($('builder'), null);
    if (r.warnings.length) $('pipeline-notes').textContent = r.warnings.join('\n');
  } catch (e) {
    if (ticket === renderTicket.pipeline) placeError($('builder'), e);
  }
}

async function download(format) {
  try {
    const text = await api('POST', '/api/pipeline/download', {pipeline: tree(state.pipeline.steps, state.pipeline.extra), format});
    const blob = new Blob([typeof text === 'string' ? text : JSON.stringify(text)], {type: format === 'json' ? 'application/json' : 'application/yaml'});
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'pipeline.' + format;
    document.body.appendChild(a);
    a.click();
    a.remove();
    showError('');
  } catch (e) {
    placeError($('builder'), e);
  }
}

// ---------- bbox_params and keypoint_params of the file ----------

function showLabelParams() {
  const b = state.pipeline.extra.bbox_params || {};
  const k = state.pipeline.extra.keypoint_params || {};
  $('bbox-format').value = b.format || '';
  $('bbox-label-fields').value = (b.label_fields || []).join(', ');
  $('bbox-min-area').value = b.min_area ? String(b.min_area) : '';
  $('bbox-min-visibility').value = b.min_visibility ? String(b.min_visibility) : '';
  $('kp-format').value = k.format || '';
  $('kp-remove-invisible').checked = k.remove_invisible === undefined ? true : !!k.remove_invisible;
}

// Other keys a loaded file's bbox_params/keypoint_params had (check_each_transform, angle_in_degrees…) are kept.
function readLabelParams() {
  const extra = state.pipeline.extra;
  const format = $('bbox-format').value;
  if (!format) {
    extra.bbox_params = null;
  } else {
    const b = {...(extra.bbox_params || {}), format};
    b.label_fields = $('bbox-label-fields').value.split(',').map((x) => x.trim()).filter(Boolean);
    for (const [key, id] of [['min_area', 'bbox-min-area'], ['min_visibility', 'bbox-min-visibility']]) {
      const v = $(id).value.trim();
      if (v === '') delete b[key]; else b[key] = Number(v);
    }
    extra.bbox_params = b;
  }
  const kf = $('kp-format').value;
  extra.keypoint_params = kf ? {...(extra.keypoint_params || {}), format: kf, remove_invisible: $('kp-remove-invisible').checked} : null;
  schedule('pipeline');
}

// ---------- wiring ----------

function schedule(which) {
  clearTimeout(timers[which]);
  timers[which] = setTimeout(() => (which === 'single' ? renderSingle() : renderPipeline()), 150);
}

function refreshOriginal() {
  $('single-original').src = '/api/images/' + encodeURIComponent(state.image) + '.png?height=320';
}

async function loadImages(select) {
  const r = await api('GET', '/api/images');
  state.images = r.images;
  const sel = $('image-select');
  sel.textContent = '';
  for (const im of r.images) {
    const o = document.createElement('option');
    o.value = im.id;
    o.textContent = '[' + im.source + '] ' + im.name + (im.width ? ' (' + im.width + '×' + im.height + ', ' + im.objects + ' objects)' : '');
    sel.appendChild(o);
  }
  state.image = select || state.image || (r.images[0] && r.images[0].id);
  sel.value = state.image;
  refreshOriginal();
}

function switchTab(which) {
  $('panel-single').hidden = which !== 'single';
  $('panel-pipeline').hidden = which !== 'pipeline';
  $('tab-single').classList.toggle('active', which === 'single');
  $('tab-pipeline').classList.toggle('active', which === 'pipeline');
  schedule(which);
}

async function init() {
  const t = await api('GET', '/api/transforms');
  state.transforms = t.transforms;
  for (const d of t.transforms) state.byName[d.name] = d;
  state.examples = await api('GET', '/api/examples');
  const list = $('transform-list');
  const names = $('transform-names');
  for (const d of t.transforms.filter((x) => x.kind === 'transform')) {
    const b = button(d.name, d.targets.join(', '), () => pickTransform(d.name));
    b.dataset.name = d.name;
    list.appendChild(b);
    const o = document.createElement('option');
    o.value = d.name;
    names.appendChild(o);
  }
  $('transform-search').addEventListener('input', (e) => {
    const q = e.target.value.trim().toLowerCase();
    list.querySelectorAll('button').forEach((b) => (b.hidden = q !== '' && !b.dataset.name.toLowerCase().includes(q)));
  });
  await loadImages();
  $('image-select').addEventListener('change', (e) => {
    state.image = e.target.value;
    refreshOriginal();
    schedule('single');
    schedule('pipeline');
  });
  $('image-upload').addEventListener('change', async (e) => {
    const f = e.target.files[0];
    if (!f) return;
    try {
      const r = await api('POST', '/api/images?name=' + encodeURIComponent(f.name), f, 'application/octet-stream');
      await loadImages(r.id);
      schedule('single');
      schedule('pipeline');
    } catch (err) {
      showError(err.message);
    }
  });
  $('version-select').addEventListener('change', (e) => {
    state.version = e.target.value;
    schedule('single');
    schedule('pipeline');
  });
  $('tab-single').addEventListener('click', () => switchTab('single'));
  $('tab-pipeline').addEventListener('click', () => switchTab('pipeline'));
  $('new-seed').addEventListener('click', () => {
    state.single.seed = randomSeed();
    schedule('single');
  });
  $('grid-new-seed').addEventListener('click', () => {
    state.pipeline.seed = randomSeed();
    schedule('pipeline');
  });
  $('grid-count').addEventListener('change', () => schedule('pipeline'));
  $('add-step').addEventListener('click', () => {
    if (addTo(state.pipeline.steps, $('add-step-name').value.trim())) {
      $('add-step-name').value = '';
      renderSteps();
      schedule('pipeline');
    }
  });
  $('add-group').addEventListener('click', () => {
    state.pipeline.steps.push({name: 'OneOf', params: {p: 0.5}, children: []});
    renderSteps();
    schedule('pipeline');
  });
  for (const id of ['bbox-format', 'bbox-label-fields', 'bbox-min-area', 'bbox-min-visibility', 'kp-format', 'kp-remove-invisible']) {
    $(id).addEventListener('change', readLabelParams);
  }
  $('download-json').addEventListener('click', () => download('json'));
  $('download-yaml').addEventListener('click', () => download('yaml'));
  $('pipeline-load').addEventListener('change', async (e) => {
    const f = e.target.files[0];
    if (!f) return;
    try {
      const r = await api('POST', '/api/pipeline/read', await f.text(), 'text/plain');
      loadTree(r.pipeline, 'Loaded ' + f.name + (r.warnings.length ? ': ' + r.warnings.join('; ') : ''));
    } catch (err) {
      showError('Cannot load ' + f.name + ': ' + err.message);
    }
  });
  pickTransform(state.byName.GridDistortion ? 'GridDistortion' : t.transforms[0].name);
  const initial = await api('GET', '/api/pipeline');
  if (initial.pipeline) {
    loadTree(initial.pipeline, 'Opened ' + initial.name + (initial.warnings.length ? ': ' + initial.warnings.join('; ') : ''));
    switchTab('pipeline');
  }
}

document.addEventListener('DOMContentLoaded', () => init().catch((e) => showError('Cannot start: ' + e.message)));
