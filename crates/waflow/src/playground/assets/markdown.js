// The Markdown subset of TextBody/TextCaption (`markdown: true`) and RichText, rendered to safe HTML.

function escape(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function inline(s) {
  let out = escape(s);
  out = out.replace(/!\[([^\]]*)\]\((data:image\/[a-z]+;base64,[A-Za-z0-9+/=]+)\)/g, '<img alt="$1" src="$2">');
  out = out.replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>');
  out = out.replace(/\*\*\*([^*]+)\*\*\*/g, '<b><i>$1</i></b>');
  out = out.replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>');
  out = out.replace(/\*([^*]+)\*/g, '<i>$1</i>');
  out = out.replace(/~~([^~]+)~~/g, '<s>$1</s>');
  return out;
}

/** Renders lines of Markdown. `rich` enables headings and tables (RichText). */
export function markdown(lines, rich) {
  const all = lines.flatMap((l) => String(l).split('\n'));
  const html = [];
  let list = null;
  let table = null;
  const close = () => {
    if (list) { html.push(`</${list}>`); list = null; }
    if (table) { html.push('</table>'); table = null; }
  };
  for (const line of all) {
    const t = line.trim().replace(/^"(!\[.*)"$/, '$1');
    let m;
    if (rich && (m = /^(#{1,2})\s+(.*)$/.exec(t))) {
      close();
      html.push(`<h${m[1].length}>${inline(m[2])}</h${m[1].length}>`);
    } else if ((m = /^(\d+)\.\s+(.*)$/.exec(t))) {
      if (list !== 'ol') { close(); html.push('<ol>'); list = 'ol'; }
      html.push(`<li>${inline(m[2])}</li>`);
    } else if ((m = /^[-+*]\s+(.*)$/.exec(t))) {
      if (list !== 'ul') { close(); html.push('<ul>'); list = 'ul'; }
      html.push(`<li>${inline(m[1])}</li>`);
    } else if (rich && t.startsWith('|')) {
      if (/^\|[\s:|-]+\|$/.test(t)) continue;
      if (!table) { close(); html.push('<table>'); table = 'open'; }
      const cells = t.replace(/^\||\|$/g, '').split('|').map((c) => `<td>${inline(c.trim())}</td>`);
      html.push(`<tr>${cells.join('')}</tr>`);
    } else if (t === '') {
      close();
    } else {
      close();
      html.push(`<p>${inline(t)}</p>`);
    }
  }
  close();
  return html.join('');
}
