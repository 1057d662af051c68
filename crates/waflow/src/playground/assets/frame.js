// The preview's frame: a phone (the default) or WhatsApp Web, the desktop companion, which shows
// a flow in a drawer beside the chat. The choice is kept in localStorage.

/** localStorage key of the chosen frame. */
export const FRAME_KEY = 'waflow.playground.frame';

/** The frames, in toggle order. */
export const FRAMES = ['phone', 'web'];

function saved() {
  try {
    const value = localStorage.getItem(FRAME_KEY);
    return FRAMES.includes(value) ? value : 'phone';
  } catch {
    return 'phone'; // storage disabled
  }
}

/** Applies the saved frame to `device` and toggles it with `button`. */
export function initFrame(device, button) {
  const apply = (frame) => {
    device.dataset.frame = frame;
    button.setAttribute('aria-pressed', frame === 'web' ? 'true' : 'false');
    button.title = frame === 'web' ? 'Preview on a phone' : 'Preview in WhatsApp Web (desktop)';
  };
  apply(saved());
  button.addEventListener('click', () => {
    const next = device.dataset.frame === 'web' ? 'phone' : 'web';
    try { localStorage.setItem(FRAME_KEY, next); } catch { /* storage disabled: not kept */ }
    apply(next);
  });
}
