// Dynamic references and expressions of Flow JSON, evaluated without `eval`.
//
// Supported: `${data.a.b}`, `${form.x}`, `${screen.S.data.x}`, `${screen.S.form.x}`,
// bare conditions (If.condition) and 6.0 backtick expressions: == != < <= > >= && || !
// + - * / % (division or modulo by zero gives 0), string literals in single quotes,
// numbers, true/false, parentheses and string concatenation by juxtaposition.

/** An expression that cannot be parsed. */
export class ExprError extends Error {}

const REF = /^\$\{([^}]+)\}$/;
const EMBEDDED_REF = /\$\{([^}]+)\}/g;

/** Looks a reference path (`data.a.b`, `screen.S.form.x`) up in the context. */
export function lookup(path, ctx) {
  const parts = path.trim().split('.');
  let root;
  let rest;
  if (parts[0] === 'screen' && parts.length >= 3) {
    const other = ctx.screens ? ctx.screens[parts[1]] : undefined;
    root = other ? other[parts[2]] : undefined;
    rest = parts.slice(3);
  } else if (parts[0] === 'data') {
    root = ctx.data;
    rest = parts.slice(1);
  } else if (parts[0] === 'form') {
    root = ctx.form;
    rest = parts.slice(1);
  } else {
    return undefined;
  }
  let value = root;
  for (const key of rest) {
    if (value === null || value === undefined || typeof value !== 'object') return undefined;
    value = value[key];
  }
  return value;
}

function tokenize(src) {
  const tokens = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i += 1; continue; }
    if (c === '$' && src[i + 1] === '{') {
      const end = src.indexOf('}', i);
      if (end < 0) throw new ExprError(`unclosed reference at ${i}`);
      tokens.push({ t: 'ref', v: src.slice(i + 2, end) });
      i = end + 1;
      continue;
    }
    if (c === "'") {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== "'") {
        if (src[j] === '\\' && j + 1 < src.length) { s += src[j + 1]; j += 2; continue; }
        s += src[j];
        j += 1;
      }
      if (j >= src.length) throw new ExprError('missing closing quote');
      tokens.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) { tokens.push({ t: 'num', v: Number(num[0]) }); i += num[0].length; continue; }
    const word = /^(true|false)\b/.exec(src.slice(i));
    if (word) { tokens.push({ t: 'bool', v: word[0] === 'true' }); i += word[0].length; continue; }
    const op = /^(==|!=|<=|>=|&&|\|\||[<>!+\-*/%()])/.exec(src.slice(i));
    if (op) { tokens.push({ t: 'op', v: op[0] }); i += op[0].length; continue; }
    throw new ExprError(`unexpected character '${c}' at ${i}`);
  }
  return tokens;
}

function num(v) {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return 0;
}

function str(v) {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function equal(a, b) {
  if (typeof a === 'number' || typeof b === 'number') {
    if (a === '' || b === '' || a === undefined || b === undefined) return false;
    return num(a) === num(b);
  }
  if (a === undefined || a === null) a = '';
  if (b === undefined || b === null) b = '';
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

class Parser {
  constructor(tokens, ctx) { this.tokens = tokens; this.pos = 0; this.ctx = ctx; }
  peek() { return this.tokens[this.pos]; }
  isOp(v) { const t = this.peek(); return t && t.t === 'op' && t.v === v; }
  next() { const t = this.tokens[this.pos]; this.pos += 1; return t; }
  expect(v) {
    if (!this.isOp(v)) throw new ExprError(`expected '${v}'`);
    this.pos += 1;
  }
  // sequence := or+   (juxtaposition concatenates as strings)
  sequence() {
    const parts = [this.or()];
    while (this.peek() && !this.isOp(')')) parts.push(this.or());
    if (parts.length === 1) return parts[0];
    return parts.map(str).join('');
  }
  or() {
    let v = this.and();
    while (this.isOp('||')) { this.next(); const r = this.and(); v = Boolean(v) || Boolean(r); }
    return v;
  }
  and() {
    let v = this.eq();
    while (this.isOp('&&')) { this.next(); const r = this.eq(); v = Boolean(v) && Boolean(r); }
    return v;
  }
  eq() {
    let v = this.rel();
    while (this.isOp('==') || this.isOp('!=')) {
      const op = this.next().v;
      const r = this.rel();
      v = op === '==' ? equal(v, r) : !equal(v, r);
    }
    return v;
  }
  rel() {
    let v = this.add();
    while (this.isOp('<') || this.isOp('<=') || this.isOp('>') || this.isOp('>=')) {
      const op = this.next().v;
      const a = num(v);
      const b = num(this.add());
      v = op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
    }
    return v;
  }
  add() {
    let v = this.mul();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().v;
      const r = this.mul();
      v = op === '+' ? num(v) + num(r) : num(v) - num(r);
    }
    return v;
  }
  mul() {
    let v = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = this.next().v;
      const a = num(v);
      const b = num(this.unary());
      if (op === '*') v = a * b;
      else if (b === 0) v = 0;
      else v = op === '/' ? a / b : a % b;
    }
    return v;
  }
  unary() {
    if (this.isOp('!')) { this.next(); return !this.unary(); }
    if (this.isOp('-')) { this.next(); return -num(this.unary()); }
    return this.primary();
  }
  primary() {
    const t = this.next();
    if (!t) throw new ExprError('unexpected end of expression');
    if (t.t === 'num' || t.t === 'str' || t.t === 'bool') return t.v;
    if (t.t === 'ref') return lookup(t.v, this.ctx);
    if (t.t === 'op' && t.v === '(') {
      const v = this.sequence();
      this.expect(')');
      return v;
    }
    throw new ExprError(`unexpected '${t.v}'`);
  }
}

/** Evaluates an expression body (no backticks), e.g. `${form.age} >= 18`. */
export function evaluate(src, ctx) {
  const parser = new Parser(tokenize(src), ctx);
  const value = parser.sequence();
  if (parser.pos < parser.tokens.length) throw new ExprError('unexpected tokens after expression');
  return value;
}

/** Is `value` a backtick nested expression (Flow JSON 6.0)? */
export function isNested(value) {
  return typeof value === 'string' && value.trim().length >= 2 && value.trim().startsWith('`') && value.trim().endsWith('`');
}

/**
 * Resolves a property value: a whole `${...}` reference keeps the referenced value's type,
 * a backtick expression is evaluated, text with embedded references is interpolated,
 * objects and arrays are resolved member by member.
 */
export function resolve(value, ctx) {
  if (typeof value === 'string') {
    const whole = REF.exec(value);
    if (whole) return lookup(whole[1], ctx);
    if (isNested(value)) {
      const body = value.trim().slice(1, -1).replace(/\\`/g, '`');
      try {
        return evaluate(body, ctx);
      } catch (e) {
        return `⚠ ${e.message}`;
      }
    }
    if (value.includes('${')) return value.replace(EMBEDDED_REF, (_, p) => str(lookup(p, ctx)));
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, ctx));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolve(v, ctx);
    return out;
  }
  return value;
}

/** Evaluates a condition: `If.condition` (bare) or a `visible` value (bool, ref or backticks). */
export function truthy(condition, ctx) {
  if (condition === undefined) return true;
  if (typeof condition === 'boolean') return condition;
  if (typeof condition !== 'string') return Boolean(condition);
  let v;
  if (REF.test(condition) || isNested(condition)) v = resolve(condition, ctx);
  else {
    try { v = evaluate(condition, ctx); } catch { return false; }
  }
  if (typeof v === 'string') return v !== '' && v !== 'false';
  return Boolean(v);
}

/** Converts a resolved value to display text. */
export function toText(v) {
  return str(v);
}
