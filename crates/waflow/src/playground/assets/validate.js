// Client-side validation of input components, with the texts the phone shows under a field.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{5,20}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const PASSCODE = /^\d+$/;

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Texts shown by the playground, one per rule. */
export const MESSAGES = {
  required: 'This field is required',
  email: 'Enter a valid email address',
  number: 'Enter a valid number',
  phone: 'Enter a valid phone number',
  passcode: 'Enter only digits',
  pattern: 'Invalid format',
  minChars: (n) => `Enter at least ${plural(n, 'character')}`,
  maxChars: (n) => `Enter no more than ${plural(n, 'character')}`,
  minItems: (n) => `Select at least ${plural(n, 'option')}`,
  maxItems: (n) => `Select no more than ${plural(n, 'option')}`,
  minFiles: (n) => `Add at least ${plural(n, 'file')}`,
  maxFiles: (n) => `Add no more than ${plural(n, 'file')}`,
};

/** Component types whose value is part of a form. */
export const INPUT_TYPES = new Set([
  'TextInput', 'TextArea', 'CheckboxGroup', 'RadioButtonsGroup', 'Dropdown', 'ChipsSelector',
  'DatePicker', 'CalendarPicker', 'OptIn', 'PhotoPicker', 'DocumentPicker',
]);

/** Is the value empty for the purpose of `required`? */
export function isEmpty(value) {
  if (value === undefined || value === null || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(isEmpty);
  return String(value).trim() === '';
}

/**
 * Validates one component (already resolved) against its value.
 * Returns the error text, or null when the value is acceptable.
 */
export function validateField(component, value) {
  const c = component;
  const required = c.required === true || c.required === 'true';
  if (required && isEmpty(value)) return MESSAGES.required;
  if (isEmpty(value)) {
    const min = c['min-uploaded-photos'] ?? c['min-uploaded-documents'];
    if (min > 0) return MESSAGES.minFiles(min);
    return null;
  }
  switch (c.type) {
    case 'TextInput': {
      const text = String(value);
      const type = c['input-type'] || 'text';
      if (type === 'email' && !EMAIL.test(text)) return MESSAGES.email;
      if (type === 'number' && !NUMBER.test(text)) return MESSAGES.number;
      if (type === 'phone' && !PHONE.test(text)) return MESSAGES.phone;
      if (type === 'passcode' && !PASSCODE.test(text)) return MESSAGES.passcode;
      const min = Number(c['min-chars']);
      const max = Number(c['max-chars'] ?? 80);
      if (min && text.length < min) return MESSAGES.minChars(min);
      if (max && text.length > max) return MESSAGES.maxChars(max);
      if (c.pattern) {
        try {
          if (!new RegExp(c.pattern).test(text)) return c['helper-text'] || MESSAGES.pattern;
        } catch {
          return MESSAGES.pattern;
        }
      }
      return null;
    }
    case 'TextArea': {
      const max = Number(c['max-length'] ?? 600);
      return String(value).length > max ? MESSAGES.maxChars(max) : null;
    }
    case 'CheckboxGroup':
    case 'ChipsSelector': {
      const n = Array.isArray(value) ? value.length : 0;
      if (c['min-selected-items'] && n < c['min-selected-items']) return MESSAGES.minItems(c['min-selected-items']);
      if (c['max-selected-items'] && n > c['max-selected-items']) return MESSAGES.maxItems(c['max-selected-items']);
      return null;
    }
    case 'PhotoPicker':
    case 'DocumentPicker': {
      const n = Array.isArray(value) ? value.length : 0;
      const min = c['min-uploaded-photos'] ?? c['min-uploaded-documents'] ?? 0;
      const max = c['max-uploaded-photos'] ?? c['max-uploaded-documents'] ?? 30;
      if (n < min) return MESSAGES.minFiles(min);
      if (n > max) return MESSAGES.maxFiles(max);
      return null;
    }
    default:
      return null;
  }
}
