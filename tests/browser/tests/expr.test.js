// The page's expression evaluator and validator, run in Node (no browser needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve, truthy, evaluate, ExprError } from '../../../crates/waflow/src/playground/assets/expr.js';
import { validateField, MESSAGES } from '../../../crates/waflow/src/playground/assets/validate.js';

const ctx = {
  data: { n1: 10, n2: 20, on: true, user: { name: 'Ada' }, list: [{ id: 'a' }] },
  form: { animal: 'cat', age: '5', first: 'Ann', empty: '' },
  screens: { FIRST: { form: { choice: 'basic' }, data: { plan: 'p1' } } },
};

test('whole references keep their type', () => {
  assert.equal(resolve('${data.n1}', ctx), 10);
  assert.equal(resolve('${data.on}', ctx), true);
  assert.deepEqual(resolve('${data.list}', ctx), [{ id: 'a' }]);
  assert.equal(resolve('${data.user.name}', ctx), 'Ada');
  assert.equal(resolve('${screen.FIRST.form.choice}', ctx), 'basic');
  assert.equal(resolve('${screen.FIRST.data.plan}', ctx), 'p1');
  assert.equal(resolve('${data.missing.deep}', ctx), undefined);
});

test('objects, arrays and embedded references are resolved member by member', () => {
  assert.deepEqual(resolve({ a: '${form.first}', b: ['${data.n2}'] }, ctx), { a: 'Ann', b: [20] });
  assert.equal(resolve('Hi ${form.first}, ${data.user.name}', ctx), 'Hi Ann, Ada');
});

test('6.0 backtick expressions: concatenation, maths, division by zero', () => {
  assert.equal(resolve("` 'Sum: ' (${data.n1} + ${data.n2})`", ctx), 'Sum: 30');
  assert.equal(resolve("`${form.first} ' is ' ${form.age}`", ctx), 'Ann is 5');
  assert.equal(resolve('`${data.n2} / 0`', ctx), 0);
  assert.equal(resolve('`${data.n2} % 0`', ctx), 0);
  assert.equal(resolve('`${data.n2} % 6`', ctx), 2);
  assert.equal(resolve('`${data.n1} * 2 - 4 / 2`', ctx), 18);
  assert.equal(resolve("`'it''s'`", ctx), 'its');
});

test('conditions: bare (If), backticks and references (visible)', () => {
  assert.equal(truthy("(${data.on} && (${form.animal} == 'cat'))", ctx), true);
  assert.equal(truthy("${form.animal} != 'cat'", ctx), false);
  assert.equal(truthy('`${form.age} >= 5`', ctx), true);
  assert.equal(truthy('`${form.age} > 5`', ctx), false);
  assert.equal(truthy('!${data.on} || ${data.n1} < ${data.n2}', ctx), true);
  assert.equal(truthy('${data.on}', ctx), true);
  assert.equal(truthy('${form.empty}', ctx), false);
  assert.equal(truthy(undefined, ctx), true);
  assert.equal(truthy("${form.animal} == ", ctx), false, 'a broken condition is false, not a crash');
});

test('syntax errors are typed', () => {
  assert.throws(() => evaluate("'open", ctx), ExprError);
  assert.throws(() => evaluate('(1 + 2', ctx), ExprError);
  assert.throws(() => evaluate('1 # 2', ctx), ExprError);
  assert.match(resolve('`(1 + `', ctx), /^⚠/);
});

test('validation texts', () => {
  const pw = { type: 'TextInput', name: 'p', 'input-type': 'password', required: true, 'min-chars': 8, 'max-chars': 16 };
  assert.equal(validateField(pw, ''), MESSAGES.required);
  assert.equal(validateField(pw, 'short'), 'Enter at least 8 characters');
  assert.equal(validateField(pw, 'x'.repeat(17)), 'Enter no more than 16 characters');
  assert.equal(validateField(pw, 'goodpass1'), null);
  assert.equal(validateField({ type: 'TextInput', 'input-type': 'email' }, 'a@b'), MESSAGES.email);
  assert.equal(validateField({ type: 'TextInput', 'input-type': 'email' }, 'a@b.co'), null);
  assert.equal(validateField({ type: 'TextInput', 'input-type': 'number' }, '1.5'), null);
  assert.equal(validateField({ type: 'TextInput', 'input-type': 'number' }, '1e'), MESSAGES.number);
  assert.equal(validateField({ type: 'TextInput', 'input-type': 'passcode' }, '12a'), MESSAGES.passcode);
  assert.equal(validateField({ type: 'TextInput', pattern: '^[A-Z]+$', 'helper-text': 'Capitals' }, 'abc'), 'Capitals');
  assert.equal(validateField({ type: 'TextInput', pattern: '(' }, 'abc'), MESSAGES.pattern);
  assert.equal(validateField({ type: 'TextInput' }, 'x'.repeat(81)), 'Enter no more than 80 characters');
  assert.equal(validateField({ type: 'CheckboxGroup', 'min-selected-items': 2 }, ['a']), 'Select at least 2 options');
  assert.equal(validateField({ type: 'OptIn', required: true }, false), MESSAGES.required);
  assert.equal(validateField({ type: 'PhotoPicker', 'min-uploaded-photos': 1 }, []), 'Add at least 1 file');
});
