//! Parsing Flow JSON text or values into the typed model, with errors that name the JSON Pointer
//! (RFC 6901) of the offending element.
//!
//! ```
//! use waflow_json::FlowJson;
//!
//! let text = r#"{"version":"7.3","screens":[{"id":"A","layout":{"type":"SingleColumnLayout",
//!   "children":[{"type":"TextHeading","text":"Hi","colour":"red"}]}}]}"#;
//! let err = FlowJson::from_json_str(text).unwrap_err();
//! assert_eq!(err.pointer(), "/screens/0/layout/children/0/colour");
//! assert!(err.to_string().contains("colour"));
//! ```

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// Separates a nested pointer from the message inside a serde error raised by a tagged component
/// or action, so the full pointer survives the re-parse of the inner object.
const MARK: char = '\u{1}';

/// Why a document could not be read into the model.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The text is not JSON.
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Syntax {
        /// What the JSON parser said.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The JSON does not fit Flow JSON: unknown property or component, wrong type, missing field.
    #[error("{message} at `{pointer}`")]
    Invalid {
        /// JSON Pointer of the offending element (empty = the whole document).
        pointer: String,
        /// What is wrong.
        message: String,
        /// 1-based line where the parser stopped, when the input was text.
        line: Option<usize>,
        /// 1-based column where the parser stopped, when the input was text.
        column: Option<usize>,
    },
}

impl ParseError {
    /// JSON Pointer (RFC 6901) of the offending element; empty for a syntax error or the root.
    pub fn pointer(&self) -> &str {
        match self {
            Self::Syntax { .. } => "",
            Self::Invalid { pointer, .. } => pointer,
        }
    }

    /// 1-based line, when the input was text.
    pub fn line(&self) -> Option<usize> {
        match self {
            Self::Syntax { line, .. } => Some(*line),
            Self::Invalid { line, .. } => *line,
        }
    }

    /// 1-based column, when the input was text.
    pub fn column(&self) -> Option<usize> {
        match self {
            Self::Syntax { column, .. } => Some(*column),
            Self::Invalid { column, .. } => *column,
        }
    }

    /// What is wrong, without the position.
    pub fn message(&self) -> &str {
        match self {
            Self::Syntax { message, .. } | Self::Invalid { message, .. } => message,
        }
    }
}

/// Parses text with pointer tracking.
pub(crate) fn from_str<T>(text: &str) -> Result<T, ParseError>
where
    T: DeserializeOwned,
{
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let inner = e.inner();
        if inner.is_syntax() || inner.is_eof() || inner.is_io() {
            return syntax(inner);
        }
        let (pointer, message) = full_pointer(e.path(), &strip_position(inner));
        let known = inner.line() > 0;
        ParseError::Invalid {
            pointer,
            message,
            line: known.then_some(inner.line()),
            column: known.then_some(inner.column()),
        }
    })?;
    de.end().map_err(|e| syntax(&e))?;
    Ok(value)
}

fn syntax(error: &serde_json::Error) -> ParseError {
    ParseError::Syntax {
        message: strip_position(error),
        line: error.line(),
        column: error.column(),
    }
}

/// Parses a value with pointer tracking.
pub(crate) fn from_value<T>(value: Value) -> Result<T, ParseError>
where
    T: DeserializeOwned,
{
    serde_path_to_error::deserialize(value).map_err(|e| {
        let (pointer, message) = full_pointer(e.path(), &e.inner().to_string());
        ParseError::Invalid {
            pointer,
            message,
            line: None,
            column: None,
        }
    })
}

/// Deserialises the body of a tagged object (component or action) whose tag was already removed,
/// carrying the inner pointer out through the error message.
pub(crate) fn from_tagged_body<T, E>(body: Map<String, Value>) -> Result<T, E>
where
    T: DeserializeOwned,
    E: serde::de::Error,
{
    serde_path_to_error::deserialize(Value::Object(body)).map_err(|e| {
        let (pointer, message) = full_pointer(e.path(), &e.inner().to_string());
        E::custom(format!("{MARK}{pointer}{MARK}{message}"))
    })
}

/// An error at `pointer` below the object being deserialised, e.g. `"/type"`.
pub(crate) fn error_at<E>(pointer: &str, message: &str) -> E
where
    E: serde::de::Error,
{
    E::custom(format!("{MARK}{pointer}{MARK}{message}"))
}

/// Joins a serde path with the nested pointer a tagged object may carry in its message.
fn full_pointer(path: &serde_path_to_error::Path, message: &str) -> (String, String) {
    let mut pointer = path_to_pointer(path);
    if let Some(after) = message.strip_prefix(MARK)
        && let Some((nested, rest)) = after.split_once(MARK)
    {
        // A tagged object below already built the complete pointer under it.
        pointer.push_str(nested);
        return (pointer, rest.to_owned());
    }
    (pointer, message.to_owned())
}

/// Converts a serde path to an RFC 6901 pointer.
fn path_to_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => {
                out.push('/');
                out.push_str(&index.to_string());
            }
            Segment::Map { key } => {
                out.push('/');
                out.push_str(&escape(key));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    out
}

/// RFC 6901 escaping: `~` → `~0`, `/` → `~1`.
pub(crate) fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// serde_json appends " at line L column C" to data errors read from text; keep the bare message.
fn strip_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    text.strip_suffix(&suffix).unwrap_or(&text).to_owned()
}
