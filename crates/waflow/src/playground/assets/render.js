// Turns a screen's layout into DOM that looks like the WhatsApp client.
import { resolve, truthy, toText } from './expr.js';
import { INPUT_TYPES } from './validate.js';
import { markdown } from './markdown.js';

/** Flow JSON version in which each component appeared. */
export const SINCE = {
  TextHeading: '2.1', TextSubheading: '2.1', TextBody: '2.1', TextCaption: '2.1', TextInput: '2.1',
  TextArea: '2.1', CheckboxGroup: '2.1', RadioButtonsGroup: '2.1', Dropdown: '2.1', DatePicker: '2.1',
  OptIn: '2.1', EmbeddedLink: '2.1', Footer: '2.1', Image: '2.1', Form: '2.1', If: '4.0', Switch: '4.0',
  PhotoPicker: '4.0', DocumentPicker: '4.0', RichText: '5.1', CalendarPicker: '6.1', NavigationList: '6.2',
  ChipsSelector: '6.3', ImageCarousel: '7.1',
};

/** Compares two "major.minor" versions. */
export function versionAtLeast(version, wanted) {
  const [a, b] = String(version || '0.0').split('.').map(Number);
  const [c, d] = String(wanted).split('.').map(Number);
  return a > c || (a === c && (b || 0) >= (d || 0));
}

/** Small DOM builder. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    // Through the CSSOM: the Content-Security-Policy refuses inline style attributes.
    else if (k === 'style') el.style.cssText = v;
    else if (k === 'html') el.innerHTML = v;
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function imageSrc(src) {
  if (!src) return '';
  if (src.startsWith('data:') || src.startsWith('http')) return src;
  const mime = src.startsWith('/9j/') ? 'image/jpeg' : src.startsWith('R0lG') ? 'image/gif' : 'image/png';
  return `data:${mime};base64,${src}`;
}

function textOf(value, ctx) {
  const v = resolve(value, ctx);
  return Array.isArray(v) ? v.map(toText) : [toText(v)];
}

function dataSource(c, ctx) {
  const items = resolve(c['data-source'], ctx);
  return Array.isArray(items) ? items : [];
}

function fieldShell(rt, c, control, opts = {}) {
  const error = rt.errorFor(c.name);
  const helper = c['helper-text'] ? toText(c['helper-text']) : '';
  const count = opts.counter ? h('span', { class: 'counter' }, opts.counter) : null;
  return h('div', { class: `field${error ? ' invalid' : ''}${c['label-variant'] === 'large' ? ' large' : ''}`, 'data-field': c.name, 'data-type': c.type },
    control,
    (error || helper || count) && h('div', { class: 'below' },
      error ? h('span', { class: 'error-text', role: 'alert' }, error) : h('span', { class: 'helper' }, helper),
      count));
}

function dateToInput(value, version) {
  if (value === undefined || value === null || value === '') return '';
  const s = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  if (/^\d+$/.test(s)) return new Date(Number(s)).toISOString().slice(0, 10);
  return versionAtLeast(version, '5.0') ? s : '';
}

function dateFromInput(value, version) {
  if (!value) return '';
  return versionAtLeast(version, '5.0') ? value : String(Date.parse(`${value}T00:00:00Z`));
}

function optionItem(rt, c, item, kind, selected, onToggle) {
  const disabled = item.enabled === false || c.enabled === false;
  const img = item.image ? h('img', { class: 'opt-img', src: imageSrc(item.image), alt: item['alt-text'] || '' }) : null;
  const swatch = item.color ? h('span', { class: 'swatch', style: `background:${item.color}` }) : null;
  return h('label', { class: `option ${kind}${selected ? ' selected' : ''}${disabled ? ' disabled' : ''}` },
    img, swatch,
    h('span', { class: 'opt-text' },
      h('span', { class: 'opt-title' }, toText(item.title)),
      item.description && h('span', { class: 'opt-desc' }, toText(item.description)),
      item.metadata && h('span', { class: 'opt-meta' }, toText(item.metadata))),
    h('input', { type: kind === 'radio' ? 'radio' : 'checkbox', name: `${c.name}`, value: item.id, checked: selected, disabled,
      onchange: (e) => onToggle(item, e.target.checked) }));
}

const RENDERERS = {
  TextHeading: (c, rt) => h('h2', { class: 'c-heading' }, textOf(c.text, rt.ctx).join(' ')),
  TextSubheading: (c, rt) => h('h3', { class: 'c-subheading' }, textOf(c.text, rt.ctx).join(' ')),
  TextBody: (c, rt) => bodyText('p', 'c-body', c, rt),
  TextCaption: (c, rt) => bodyText('p', 'c-caption', c, rt),
  RichText: (c, rt) => h('div', { class: 'c-richtext', html: markdown(textOf(c.text, rt.ctx), true) }),

  TextInput: (c, rt) => {
    const type = c['input-type'] || 'text';
    const htmlType = type === 'password' || type === 'passcode' ? 'password' : type === 'phone' ? 'tel' : 'text';
    const value = toText(rt.value(c.name) ?? '');
    const input = h('input', {
      type: htmlType, name: c.name, value, 'aria-label': toText(c.label), placeholder: ' ',
      inputmode: type === 'number' || type === 'passcode' ? 'numeric' : type === 'email' ? 'email' : undefined,
      disabled: c.enabled === false, oninput: (e) => rt.input(c.name, e.target.value), onblur: () => rt.blur(c.name),
    });
    const max = c['max-chars'];
    return fieldShell(rt, c, h('div', { class: 'box' }, input, h('span', { class: 'float-label' }, toText(c.label), c.required ? '' : ' (optional)')),
      { counter: max ? `${value.length}/${max}` : '' });
  },
  TextArea: (c, rt) => {
    const value = toText(rt.value(c.name) ?? '');
    const input = h('textarea', {
      name: c.name, rows: 3, 'aria-label': toText(c.label), placeholder: ' ', disabled: c.enabled === false,
      oninput: (e) => rt.input(c.name, e.target.value), onblur: () => rt.blur(c.name),
    });
    input.value = value;
    const max = c['max-length'] ?? 600;
    return fieldShell(rt, c, h('div', { class: 'box' }, input, h('span', { class: 'float-label' }, toText(c.label), c.required ? '' : ' (optional)')),
      { counter: `${value.length}/${max}` });
  },
  CheckboxGroup: (c, rt) => selectionGroup(c, rt, 'checkbox'),
  RadioButtonsGroup: (c, rt) => selectionGroup(c, rt, 'radio'),
  ChipsSelector: (c, rt) => {
    const chosen = new Set(rt.value(c.name) || []);
    const chips = dataSource(c, rt.ctx).map((item) => h('button', {
      type: 'button', class: `chip${chosen.has(item.id) ? ' selected' : ''}`, 'data-id': item.id, disabled: item.enabled === false,
      onclick: () => rt.toggle(c, item, !chosen.has(item.id)),
    }, toText(item.title)));
    return fieldShell(rt, c, h('div', { class: 'group' },
      h('div', { class: 'group-label' }, toText(c.label)),
      c.description && h('div', { class: 'group-desc' }, toText(c.description)),
      h('div', { class: 'chips' }, chips)));
  },
  Dropdown: (c, rt) => {
    const items = dataSource(c, rt.ctx);
    const current = rt.value(c.name) ?? '';
    const select = h('select', { name: c.name, 'aria-label': toText(c.label), disabled: c.enabled === false,
      onchange: (e) => rt.select(c, items.find((i) => i.id === e.target.value), e.target.value) },
    h('option', { value: '' }, ''),
    items.map((i) => h('option', { value: i.id, selected: i.id === current, disabled: i.enabled === false }, toText(i.title))));
    return fieldShell(rt, c, h('div', { class: 'box select-box' }, select, h('span', { class: 'float-label' }, toText(c.label), c.required ? '' : ' (optional)'), h('span', { class: 'chevron' }, '▾')));
  },
  DatePicker: (c, rt) => {
    const v = rt.ctx.version;
    const input = h('input', { type: 'date', name: c.name, 'aria-label': toText(c.label),
      value: dateToInput(rt.value(c.name), v), min: dateToInput(resolve(c['min-date'], rt.ctx), v) || undefined,
      max: dateToInput(resolve(c['max-date'], rt.ctx), v) || undefined, disabled: c.enabled === false,
      onchange: (e) => rt.select(c, null, dateFromInput(e.target.value, v)) });
    return fieldShell(rt, c, h('div', { class: 'box' }, input, h('span', { class: 'float-label fixed' }, toText(c.label))));
  },
  CalendarPicker: (c, rt) => {
    const v = rt.ctx.version;
    const label = resolve(c.label, rt.ctx);
    const labelText = (part) => (label && typeof label === 'object' ? toText(label[part]) : toText(label));
    if (c.mode === 'range') {
      const current = rt.value(c.name) || {};
      const part = (key) => h('div', { class: 'box' },
        h('input', { type: 'date', name: `${c.name}.${key}`, value: dateToInput(current[key], v), 'aria-label': labelText(key),
          onchange: (e) => rt.select(c, null, { ...current, ...(rt.value(c.name) || {}), [key]: e.target.value }) }),
        h('span', { class: 'float-label fixed' }, labelText(key)));
      return fieldShell(rt, c, h('div', { class: 'range' },
        c.title && h('div', { class: 'group-label' }, toText(resolve(c.title, rt.ctx))),
        c.description && h('div', { class: 'group-desc' }, toText(resolve(c.description, rt.ctx))),
        part('start-date'), part('end-date')));
    }
    const input = h('input', { type: 'date', name: c.name, value: dateToInput(rt.value(c.name), v), 'aria-label': labelText(),
      onchange: (e) => rt.select(c, null, e.target.value) });
    return fieldShell(rt, c, h('div', { class: 'box' }, input, h('span', { class: 'float-label fixed' }, labelText())));
  },
  OptIn: (c, rt) => {
    const checked = rt.value(c.name) === true;
    const more = c['on-click-action'] ? h('a', { href: '#', class: 'read-more', onclick: (e) => { e.preventDefault(); rt.action(c['on-click-action'], c); } }, 'Read more') : null;
    return fieldShell(rt, c, h('label', { class: 'optin' },
      h('input', { type: 'checkbox', name: c.name, checked, onchange: (e) => rt.optIn(c, e.target.checked) }),
      h('span', {}, toText(resolve(c.label, rt.ctx)), c.required ? '' : ' (optional)', ' ', more)));
  },
  EmbeddedLink: (c, rt) => h('a', { href: '#', class: 'c-link', onclick: (e) => { e.preventDefault(); rt.action(c['on-click-action'], c); } }, toText(resolve(c.text, rt.ctx))),
  Image: (c, rt) => {
    const ratio = Number(c['aspect-ratio'] || 1);
    const width = c.width ? `${Math.min(Number(c.width), 320)}px` : '100%';
    return h('div', { class: 'c-image' }, h('img', { src: imageSrc(resolve(c.src, rt.ctx)), alt: toText(resolve(c['alt-text'], rt.ctx)),
      style: `width:${width};${c.height ? `height:${c.height}px;` : `aspect-ratio:${ratio};`}object-fit:${c['scale-type'] === 'cover' ? 'cover' : 'contain'}` }));
  },
  ImageCarousel: (c, rt) => {
    const images = resolve(c.images, rt.ctx) || [];
    const ratio = c['aspect-ratio'] === '16:9' ? '16 / 9' : '4 / 3';
    const dots = h('div', { class: 'dots' }, images.map((_, i) => h('span', { class: i === 0 ? 'dot on' : 'dot' })));
    const track = h('div', { class: 'track', onscroll: (e) => {
      const i = Math.round(e.target.scrollLeft / e.target.clientWidth);
      [...dots.children].forEach((d, j) => d.classList.toggle('on', i === j));
    } }, images.map((img) => h('img', { src: imageSrc(img.src), alt: toText(img['alt-text']),
      style: `aspect-ratio:${ratio};object-fit:${c['scale-type'] === 'cover' ? 'cover' : 'contain'}` })));
    return h('div', { class: 'c-carousel' }, track, dots);
  },
  PhotoPicker: (c, rt) => picker(c, rt, 'photo'),
  DocumentPicker: (c, rt) => picker(c, rt, 'document'),
  NavigationList: (c, rt) => {
    const items = resolve(c['list-items'], rt.ctx) || [];
    return h('div', { class: 'c-navlist', 'data-field': c.name },
      c.label && h('div', { class: 'group-label' }, toText(resolve(c.label, rt.ctx))),
      c.description && h('div', { class: 'group-desc' }, toText(resolve(c.description, rt.ctx))),
      items.map((item) => {
        const main = item['main-content'] || {};
        const end = item.end || {};
        return h('button', { type: 'button', class: 'nav-item', 'data-id': item.id, onclick: () => rt.action(item['on-click-action'] || c['on-click-action'], c, item) },
          item.start && h('img', { class: `nav-start${c['media-size'] === 'large' ? ' large' : ''}`, src: imageSrc(item.start.image), alt: item.start['alt-text'] || '' }),
          h('span', { class: 'nav-main' },
            h('span', { class: 'opt-title' }, toText(main.title), item.badge && h('span', { class: 'badge' }, toText(item.badge))),
            main.description && h('span', { class: 'opt-desc' }, toText(main.description)),
            main.metadata && h('span', { class: 'opt-meta' }, toText(main.metadata)),
            item.tags && h('span', { class: 'tags' }, item.tags.map((t) => h('span', { class: 'tag' }, toText(t))))),
          (end.title || end.description || end.metadata) && h('span', { class: 'nav-end' },
            end.title && h('span', { class: 'opt-title' }, toText(end.title)),
            end.description && h('span', { class: 'opt-desc' }, toText(end.description)),
            end.metadata && h('span', { class: 'opt-meta' }, toText(end.metadata))),
          h('span', { class: 'nav-chevron' }, '›'));
      }));
  },
};

function bodyText(tag, cls, c, rt) {
  const parts = textOf(c.text, rt.ctx);
  const weight = c['font-weight'] || 'normal';
  const style = `${weight.includes('bold') ? 'font-weight:600;' : ''}${weight.includes('italic') ? 'font-style:italic;' : ''}${c.strikethrough ? 'text-decoration:line-through;' : ''}`;
  if (c.markdown) return h('div', { class: `${cls} md`, style, html: markdown(parts, false) });
  return h('div', { class: cls, style }, parts.map((p) => h(tag, {}, p)));
}

function selectionGroup(c, rt, kind) {
  const items = dataSource(c, rt.ctx);
  const current = rt.value(c.name);
  const chosen = new Set(kind === 'radio' ? (current ? [current] : []) : current || []);
  return fieldShell(rt, c, h('div', { class: `group${c['media-size'] === 'large' ? ' large' : ''}` },
    c.label && h('div', { class: 'group-label' }, toText(resolve(c.label, rt.ctx)), c.required ? '' : ' (optional)'),
    c.description && h('div', { class: 'group-desc' }, toText(resolve(c.description, rt.ctx))),
    items.map((item) => optionItem(rt, c, item, kind, chosen.has(item.id), (it, on) => rt.toggle(c, it, on)))));
}

function picker(c, rt, kind) {
  const files = rt.value(c.name) || [];
  const accept = kind === 'photo' ? 'image/*' : (c['allowed-mime-types'] || []).join(',') || undefined;
  const input = h('input', { type: 'file', name: c.name, multiple: true, accept, class: 'file-input',
    onchange: (e) => rt.upload(c, [...e.target.files]) });
  const source = c['photo-source'] || 'camera_gallery';
  const button = kind === 'photo' ? (source === 'camera' ? 'Take photo' : source === 'gallery' ? 'Choose from gallery' : 'Take photo or choose from gallery') : 'Choose file';
  return fieldShell(rt, c, h('div', { class: 'picker' },
    h('div', { class: 'group-label' }, toText(resolve(c.label, rt.ctx))),
    c.description && h('div', { class: 'group-desc' }, toText(resolve(c.description, rt.ctx))),
    h('ul', { class: 'files' }, files.map((f, i) => h('li', {}, `📎 ${f.file_name}`, h('button', { type: 'button', class: 'remove', onclick: () => rt.removeFile(c, i) }, '✕')))),
    h('label', { class: 'pick-button' }, input, kind === 'photo' ? '📷 ' : '📄 ', button)));
}

/**
 * Renders a list of components. `rt` carries the context and the callbacks;
 * `rt.fields` collects the visible input components (resolved) for validation and `rt.footer`
 * receives the footer.
 */
export function renderChildren(children, rt, depth = 0) {
  const out = [];
  for (const raw of children || []) {
    if (!raw || typeof raw !== 'object') continue;
    if (raw.visible !== undefined && !truthy(raw.visible, rt.ctx)) continue;
    if (SINCE[raw.type] && !versionAtLeast(rt.ctx.version, SINCE[raw.type])) {
      out.push(h('div', { class: 'unsupported' }, `${raw.type} needs Flow JSON ${SINCE[raw.type]} (this flow is ${rt.ctx.version})`));
      continue;
    }
    if (raw.type === 'Form') {
      out.push(...renderChildren(raw.children, rt, depth));
      continue;
    }
    if (raw.type === 'If') {
      const branch = truthy(raw.condition, rt.ctx) ? raw.then : raw.else;
      out.push(...renderChildren(branch || [], rt, depth + 1));
      continue;
    }
    if (raw.type === 'Switch') {
      const key = toText(resolve(raw.value, rt.ctx));
      const cases = raw.cases || {};
      out.push(...renderChildren(cases[key] || cases.default || [], rt, depth + 1));
      continue;
    }
    if (raw.type === 'Footer') {
      rt.footer = raw;
      continue;
    }
    const render = RENDERERS[raw.type];
    if (!render) {
      out.push(h('div', { class: 'unsupported' }, `unknown component ${raw.type}`));
      continue;
    }
    const c = { ...raw, label: raw.label, enabled: resolve(raw.enabled, rt.ctx), required: resolve(raw.required, rt.ctx) };
    if (INPUT_TYPES.has(raw.type)) rt.fields.push(c);
    out.push(h('div', { class: `component t-${raw.type}` }, render(c, rt)));
  }
  return out;
}

/** Renders the footer bar. */
export function renderFooter(footer, rt, enabled) {
  if (!footer) return null;
  const cap = (k) => (footer[k] ? h('span', { class: k }, toText(resolve(footer[k], rt.ctx))) : null);
  return h('div', { class: 'footer' },
    (footer['left-caption'] || footer['center-caption'] || footer['right-caption']) && h('div', { class: 'captions' }, cap('left-caption'), cap('center-caption'), cap('right-caption')),
    h('button', { type: 'button', class: 'cta', disabled: !enabled, onclick: () => rt.footerClick(footer) }, toText(resolve(footer.label, rt.ctx))),
    h('div', { class: 'managed' }, 'Managed by the business. ', h('a', { href: '#', onclick: (e) => e.preventDefault() }, 'Learn more')));
}
