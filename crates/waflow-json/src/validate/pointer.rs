//! JSON Pointer (RFC 6901) building.

use std::fmt::Write as _;

/// `base` followed by `/token`, with `~` and `/` escaped.
pub(super) fn join(base: &str, token: &str) -> String {
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

/// `base` followed by `/index`.
pub(super) fn index(base: &str, index: usize) -> String {
    let mut out = String::with_capacity(base.len() + 4);
    out.push_str(base);
    // Writing to a String cannot fail.
    let _ = write!(out, "/{index}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_tilde_and_slash() {
        assert_eq!(join("/a", "b/c~d"), "/a/b~1c~0d");
        assert_eq!(index("/screens", 3), "/screens/3");
    }
}
