//! Answers for flows without an endpoint: a JSON object from a file, looked up per request.

use serde_json::{Map, Value, json};

use super::error::PlaygroundError;

/// Canned data-exchange responses, keyed `"ACTION:SCREEN"`, `"SCREEN"` or `"ACTION"`
/// (tried in that order). Each value is a decrypted response such as
/// `{"screen": "LOGIN", "data": {...}}`. `ping` is answered without an entry. A request with no
/// matching entry is handed to the page, which shows an editor to type the answer in. An entry
/// with a `"__status"` number simulates that HTTP status, e.g.
/// `{"__status": 427, "error_msg": "This flow has expired"}`.
///
/// ```
/// use serde_json::json;
/// use waflow::playground::CannedResponses;
///
/// let canned = CannedResponses::from_json(json!({
///     "INIT": {"screen": "START", "data": {}},
///     "data_exchange:LOGIN": {"screen": "LOGIN_SUCCESS", "data": {}},
/// }))?;
/// assert_eq!(canned.lookup("data_exchange", Some("LOGIN")).unwrap()["screen"], "LOGIN_SUCCESS");
/// assert!(canned.lookup("BACK", Some("LOGIN")).is_none());
/// # Ok::<(), waflow::playground::PlaygroundError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CannedResponses {
    answers: Map<String, Value>,
}

impl CannedResponses {
    /// No answers: every request goes to the editor in the page.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads the answers from a JSON object.
    ///
    /// # Errors
    /// [`PlaygroundError::BadRequest`] when `value` is not an object of objects.
    pub fn from_json(value: Value) -> Result<Self, PlaygroundError> {
        let Value::Object(answers) = value else {
            return Err(PlaygroundError::BadRequest(
                "the responses file must hold a JSON object".into(),
            ));
        };
        if let Some((key, _)) = answers.iter().find(|(_, v)| !v.is_object()) {
            return Err(PlaygroundError::BadRequest(format!(
                "the response for `{key}` must be a JSON object"
            )));
        }
        Ok(Self { answers })
    }

    /// Adds (or replaces) one answer.
    #[must_use]
    pub fn answer(mut self, key: impl Into<String>, response: Value) -> Self {
        self.answers.insert(key.into(), response);
        self
    }

    /// The answer for a request, if there is one.
    pub fn lookup(&self, action: &str, screen: Option<&str>) -> Option<Value> {
        if action == "ping" {
            return Some(json!({ "data": { "status": "active" } }));
        }
        if let Some(screen) = screen {
            if let Some(v) = self.answers.get(&format!("{action}:{screen}")) {
                return Some(v.clone());
            }
            if action == "data_exchange"
                && let Some(v) = self.answers.get(screen)
            {
                return Some(v.clone());
            }
        }
        self.answers.get(action).cloned()
    }
}
