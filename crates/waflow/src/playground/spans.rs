//! Where a JSON Pointer sits in the text of a document: the editor marks findings there.
//!
//! [`Spans::build`] walks JSON text that already parsed (so it only has to find token
//! boundaries) and records, for every pointer, the byte range of its key and of its value.
//! [`Spans::locate`] turns a finding's pointer into the range to mark, falling back to the
//! nearest ancestor when the pointer names something absent (a missing property).
//! [`TextIndex`] converts byte offsets into what a browser editor counts: UTF-16 code units,
//! 1-based lines and columns.

use std::collections::HashMap;
use std::ops::Range;

/// Deeper than any document `serde_json` parses (its limit is 128).
const MAX_DEPTH: usize = 512;

/// One value of the document.
#[derive(Debug, Clone)]
struct Node {
    /// The member's key, quotes included (`None` for array items and the root).
    key: Option<Range<usize>>,
    /// The value, from its first to past its last byte.
    value: Range<usize>,
    /// Whether the value is an object or an array.
    container: bool,
    /// For an object: its `id` member (else its `type` member), key through value, which names
    /// the object better than its opening brace.
    label: Option<Range<usize>>,
    /// The value's first line (all of it when it fits on one).
    head: Range<usize>,
}

/// Every pointer of one JSON text with its byte ranges.
#[derive(Debug, Default)]
pub(crate) struct Spans {
    nodes: HashMap<String, Node>,
}

impl Spans {
    /// The spans of the JSON text `text[start..]`; empty when it is not JSON after all.
    pub(crate) fn build(text: &str, start: usize) -> Self {
        let mut walker = Walker {
            text,
            bytes: text.as_bytes(),
            at: start,
            nodes: HashMap::new(),
        };
        if walker.value(String::new(), None, 0).is_none() {
            return Self::default();
        }
        Self {
            nodes: walker.nodes,
        }
    }

    /// The pointer that is present in the text (`pointer` itself or its nearest ancestor) and
    /// the byte range to mark for it; `None` when not even the root was found.
    pub(crate) fn locate<'p>(&self, pointer: &'p str) -> Option<(&'p str, Range<usize>)> {
        let mut at = pointer;
        loop {
            if let Some(node) = self.nodes.get(at) {
                return Some((at, mark(node)));
            }
            at = &at[..at.rfind('/')?];
        }
    }
}

/// The range marked for a node: a member with a scalar value from its key to its value, a
/// member holding an object or array by its key, an array item or the root by its label or,
/// lacking one, by its first line.
fn mark(node: &Node) -> Range<usize> {
    match (&node.key, node.container, &node.label) {
        (Some(key), false, _) => key.start..node.value.end,
        (Some(key), true, _) => key.clone(),
        (None, true, Some(label)) => label.clone(),
        (None, true, None) => node.head.clone(),
        (None, false, _) => node.value.clone(),
    }
}

struct Walker<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
    nodes: HashMap<String, Node>,
}

impl Walker<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    /// A string token starting at `"`; its range, quotes included.
    fn string(&mut self) -> Option<Range<usize>> {
        let start = self.at;
        if self.peek()? != b'"' {
            return None;
        }
        self.at += 1;
        loop {
            match self.peek()? {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    return Some(start..self.at);
                }
                _ => self.at += 1,
            }
        }
    }

    /// The value at the cursor, recorded under `pointer` with its children; `None` when the text
    /// is not JSON.
    fn value(&mut self, pointer: String, key: Option<Range<usize>>, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_whitespace();
        let start = self.at;
        let mut label = None;
        let container = match self.peek()? {
            b'{' => {
                self.at += 1;
                let mut type_member = None;
                self.members(|walker, token, key_range| {
                    let member = pointer_join(&pointer, &token);
                    walker.value(member, Some(key_range.clone()), depth + 1)?;
                    let whole = key_range.start..walker.at;
                    match token.as_str() {
                        "id" if label.is_none() => label = Some(whole),
                        "type" if type_member.is_none() => type_member = Some(whole),
                        _ => {}
                    }
                    Some(())
                })?;
                label = label.or(type_member);
                true
            }
            b'[' => {
                self.at += 1;
                let mut index = 0_usize;
                loop {
                    self.skip_whitespace();
                    match self.peek()? {
                        b']' => {
                            self.at += 1;
                            break;
                        }
                        b',' => self.at += 1,
                        _ => {
                            self.value(format!("{pointer}/{index}"), None, depth + 1)?;
                            index += 1;
                        }
                    }
                }
                true
            }
            b'"' => {
                self.string()?;
                false
            }
            _ => {
                while self.peek().is_some_and(|b| {
                    !matches!(b, b',' | b']' | b'}' | b' ' | b'\n' | b'\r' | b'\t')
                }) {
                    self.at += 1;
                }
                if self.at == start {
                    return None;
                }
                false
            }
        };
        let first_line = self.bytes[start..self.at]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(self.at, |n| start + n);
        let node = Node {
            key,
            value: start..self.at,
            container,
            label,
            head: start..first_line.max(start + 1),
        };
        self.nodes.insert(pointer, node);
        Some(())
    }

    /// The members of an object whose `{` was consumed: `each(walker, key, key range)` reads the
    /// value after the colon.
    fn members<F>(&mut self, mut each: F) -> Option<()>
    where
        F: FnMut(&mut Self, String, Range<usize>) -> Option<()>,
    {
        loop {
            self.skip_whitespace();
            match self.peek()? {
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                b',' => self.at += 1,
                _ => {
                    let key = self.string()?;
                    let token: String = serde_json::from_str(self.text.get(key.clone())?).ok()?;
                    self.skip_whitespace();
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.at += 1;
                    each(self, token, key)?;
                }
            }
        }
    }
}

/// `base` followed by `/token`, with `~` and `/` escaped (RFC 6901), as the validator builds
/// its pointers.
fn pointer_join(base: &str, token: &str) -> String {
    let mut out = String::with_capacity(base.len() + token.len() + 1);
    out.push_str(base);
    out.push('/');
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}

/// A place in the text as a browser editor counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Position {
    /// UTF-16 code units from the start of the text.
    pub(crate) offset: usize,
    /// 1-based line.
    pub(crate) line: usize,
    /// 1-based column, in UTF-16 code units.
    pub(crate) column: usize,
}

/// Converts byte offsets of one text into [`Position`]s.
#[derive(Debug)]
pub(crate) struct TextIndex<'t> {
    text: &'t str,
    /// Byte offset of each line's start.
    lines: Vec<usize>,
    /// UTF-16 offset of each line's start.
    lines_utf16: Vec<usize>,
}

impl<'t> TextIndex<'t> {
    /// The index of `text`.
    pub(crate) fn new(text: &'t str) -> Self {
        let mut lines = vec![0];
        let mut lines_utf16 = vec![0];
        let mut utf16 = 0;
        for (at, c) in text.char_indices() {
            utf16 += c.len_utf16();
            if c == '\n' {
                lines.push(at + 1);
                lines_utf16.push(utf16);
            }
        }
        Self {
            text,
            lines,
            lines_utf16,
        }
    }

    /// `byte` moved back to the start of the character it falls in, and to the text's end at most.
    pub(crate) fn floor(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        byte
    }

    /// The byte just after the character starting at `byte` (`byte` itself at the end).
    pub(crate) fn next(&self, byte: usize) -> usize {
        let byte = self.floor(byte);
        self.text[byte..]
            .chars()
            .next()
            .map_or(byte, |c| byte + c.len_utf8())
    }

    /// The byte where the character before `byte` starts (0 at the start).
    pub(crate) fn previous(&self, byte: usize) -> usize {
        let byte = self.floor(byte);
        self.text[..byte]
            .chars()
            .next_back()
            .map_or(0, |c| byte - c.len_utf8())
    }

    /// The byte offset of 1-based `line` and 1-based byte `column` (as `serde_json` reports a
    /// syntax error; column 0 is the line's start), within the text.
    pub(crate) fn byte_at(&self, line: usize, column: usize) -> usize {
        let start = self
            .lines
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        self.floor(start + column.saturating_sub(1))
    }

    /// The position of byte offset `byte`.
    pub(crate) fn position(&self, byte: usize) -> Position {
        let byte = self.floor(byte);
        let line = self.lines.partition_point(|&start| start <= byte).max(1);
        let start = self.lines[line - 1];
        let column = self.text[start..byte].encode_utf16().count();
        Position {
            offset: self.lines_utf16[line - 1] + column,
            line,
            column: column + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Spans, TextIndex};

    fn marked<'t>(text: &'t str, spans: &Spans, pointer: &str) -> (String, &'t str) {
        let (at, range) = spans.locate(pointer).unwrap();
        (at.to_owned(), &text[range])
    }

    #[test]
    fn pointers_map_to_keys_values_and_labels() {
        let text = r#"{"version": "7.3", "screens": [ {"type": "x", "id": "A", "a/b~": [1, {"n": null}]} ], "e": {}}"#;
        let spans = Spans::build(text, 0);
        assert_eq!(marked(text, &spans, "/version").1, r#""version": "7.3""#);
        assert_eq!(marked(text, &spans, "/screens").1, r#""screens""#);
        assert_eq!(marked(text, &spans, "/screens/0").1, r#""id": "A""#);
        assert_eq!(marked(text, &spans, "/screens/0/a~1b~0").1, r#""a/b~""#);
        assert_eq!(marked(text, &spans, "/screens/0/a~1b~0/0").1, "1");
        assert_eq!(
            marked(text, &spans, "/screens/0/a~1b~0/1").1,
            r#"{"n": null}"#
        );
        assert_eq!(
            marked(text, &spans, "/screens/0/a~1b~0/1/n").1,
            r#""n": null"#
        );
        assert_eq!(marked(text, &spans, "/e").1, r#""e""#);
        // absent: the nearest ancestor that exists
        let (at, mark) = marked(text, &spans, "/screens/0/layout/children/3");
        assert_eq!((at.as_str(), mark), ("/screens/0", r#""id": "A""#));
        // the root by its label, else its first line
        assert_eq!(marked(text, &spans, "").1, text);
        let lines = "{\n  \"version\": \"7.3\"\n}";
        assert_eq!(marked(lines, &Spans::build(lines, 0), "").1, "{");
        let typed = r#"[{"type": "T"}]"#;
        assert_eq!(
            marked(typed, &Spans::build(typed, 0), "/0").1,
            r#""type": "T""#
        );
    }

    #[test]
    fn escaped_keys_and_strings_keep_their_boundaries() {
        let text = "{\"k\\\"ey\": \"v\\\\\", \"z\": \"\\u00e9\"}";
        let spans = Spans::build(text, 0);
        assert_eq!(marked(text, &spans, "/k\"ey").1, "\"k\\\"ey\": \"v\\\\\"");
        assert_eq!(marked(text, &spans, "/z").1, "\"z\": \"\\u00e9\"");
    }

    #[test]
    fn text_that_is_not_json_has_no_spans() {
        for bad in ["", "{", "{\"a\" 1}", "[1,"] {
            assert!(Spans::build(bad, 0).locate("").is_none(), "{bad:?}");
        }
    }

    #[test]
    fn positions_count_utf16_units() {
        let text = "a\u{e9}\n\u{1f600}x\ny";
        let index = TextIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(index.position(x).offset, 5);
        assert_eq!((index.position(x).line, index.position(x).column), (2, 3));
        assert_eq!(index.position(text.len()).line, 3);
        assert_eq!(index.byte_at(2, 5), x);
        assert_eq!(index.byte_at(3, 0), text.len() - 1);
        assert_eq!(index.next(x - 4), x);
        assert_eq!(index.previous(x), x - 4);
        assert_eq!(index.floor(x - 1), x - 4);
    }
}
