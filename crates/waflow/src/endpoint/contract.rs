//! The flow an endpoint serves, as a contract: which screens exist, which may follow which
//! (the routing model), what data each screen declares, and which screens send `data_exchange`
//! with which payload keys. [`FlowEndpoint::flow`](super::FlowEndpoint::flow) takes it; the
//! endpoint then refuses to build when its handlers and the flow disagree, and checks every
//! response against it ([`ResponsePolicy`]).
//!
//! ```
//! use serde_json::json;
//! use waflow::endpoint::FlowContract;
//!
//! let flow = json!({"version": "7.3", "data_api_version": "3.0",
//!     "routing_model": {"ASK": ["DONE"], "DONE": []},
//!     "screens": [
//!         {"id": "ASK", "layout": {"type": "SingleColumnLayout", "children": [{"type": "Footer",
//!             "label": "Next", "on-click-action": {"name": "data_exchange", "payload": {"name": "${form.name}"}}}]}},
//!         {"id": "DONE", "terminal": true, "data": {"greeting": {"type": "string", "__example__": "Hi"}},
//!          "layout": {"type": "SingleColumnLayout", "children": []}}]});
//! let contract = FlowContract::from_flow(&flow)?;
//! assert!(contract.has_screen("DONE"));
//! assert_eq!(contract.exchange_payload_keys("ASK").map(|k| k.len()), Some(1));
//! # Ok::<(), waflow::endpoint::FlowMismatch>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use super::{FlowAction, FlowRequest, FlowResponse};

/// One screen as the endpoint sees it.
#[derive(Debug, Clone, Default, PartialEq)]
struct ScreenContract {
    /// Declared data keys and their JSON-schema fragments.
    data: Map<String, Value>,
    /// The keys of every `data_exchange` payload on the screen; `None` when the screen sends no
    /// `data_exchange`.
    exchange_keys: Option<BTreeSet<String>>,
}

/// What the endpoint knows of its flow; built from the Flow JSON.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FlowContract {
    screens: BTreeMap<String, ScreenContract>,
    routing: Option<BTreeMap<String, BTreeSet<String>>>,
}

/// The handlers and the flow disagree, or the flow cannot be read; every problem, one per line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the endpoint does not match its flow:\n{}", .0.join("\n"))]
pub struct FlowMismatch(pub Vec<String>);

/// One rule a response broke. `rule` is the client's error name where WhatsApp has one
/// (`invalid-screen-transition`, `payload-schema-error`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The rule.
    pub rule: &'static str,
    /// What broke it.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.rule, self.message)
    }
}

/// What the endpoint does with a response that breaks its flow's contract. `FlowClient` tests
/// over `for_service` see every violation whatever the policy (the exchange fails naming the
/// rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum ResponsePolicy {
    /// Log a WARN line per violation and count it ([`FlowEndpoint::contract_violations`](super::FlowEndpoint::contract_violations)),
    /// then send the response anyway (the default).
    #[default]
    LogAndCount,
    /// Log, count and answer 500 instead.
    Refuse,
}

/// Screen ids the client may answer with besides the flow's own.
const CLOSE_SCREEN: &str = "SUCCESS";

impl FlowContract {
    /// Reads a Flow JSON document (a `serde_json::Value`, a `waflow_json::FlowJson`, anything
    /// that serialises to Flow JSON).
    ///
    /// # Errors
    /// It does not serialise, or has no `screens` array of objects with an `id`.
    pub fn from_flow(flow: &impl Serialize) -> Result<Self, FlowMismatch> {
        let flow = serde_json::to_value(flow)
            .map_err(|e| FlowMismatch(vec![format!("the flow does not serialise: {e}")]))?;
        let Some(screens) = flow.get("screens").and_then(Value::as_array) else {
            return Err(FlowMismatch(vec!["the flow has no `screens` array".into()]));
        };
        let mut contract = Self::default();
        for (i, screen) in screens.iter().enumerate() {
            let Some(id) = screen.get("id").and_then(Value::as_str) else {
                return Err(FlowMismatch(vec![format!("screen {i} has no `id`")]));
            };
            let data = screen
                .get("data")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            let mut keys = None;
            collect_exchange_keys(screen.get("layout").unwrap_or(&Value::Null), &mut keys);
            contract.screens.insert(
                id.to_owned(),
                ScreenContract {
                    data,
                    exchange_keys: keys,
                },
            );
        }
        contract.routing = flow
            .get("routing_model")
            .and_then(Value::as_object)
            .map(|routes| {
                routes
                    .iter()
                    .map(|(from, to)| {
                        let to = to
                            .as_array()
                            .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned))
                            .into_iter()
                            .flatten()
                            .collect();
                        (from.clone(), to)
                    })
                    .collect()
            });
        Ok(contract)
    }

    /// Whether the flow has a screen `id`.
    pub fn has_screen(&self, id: &str) -> bool {
        self.screens.contains_key(id)
    }

    /// The screen ids, sorted.
    pub fn screen_ids(&self) -> impl Iterator<Item = &str> {
        self.screens.keys().map(String::as_str)
    }

    /// The keys every `data_exchange` payload of `screen` sends together, or `None` when the
    /// screen sends no `data_exchange`.
    pub fn exchange_payload_keys(&self, screen: &str) -> Option<&BTreeSet<String>> {
        self.screens.get(screen)?.exchange_keys.as_ref()
    }

    /// Screens that send `data_exchange`.
    pub(crate) fn exchange_screens(&self) -> impl Iterator<Item = &str> {
        self.screens
            .iter()
            .filter(|(_, s)| s.exchange_keys.is_some())
            .map(|(id, _)| id.as_str())
    }

    fn known_screens(&self) -> String {
        self.screens.keys().cloned().collect::<Vec<_>>().join(", ")
    }

    /// Problems of one route: its screen must exist; its payload fields must be sent.
    pub(crate) fn check_route(
        &self,
        action: FlowAction,
        screen: Option<&str>,
        payload_fields: Option<&[&str]>,
        problems: &mut Vec<String>,
    ) {
        let Some(screen) = screen else { return };
        let Some(contract) = self.screens.get(screen) else {
            problems.push(format!(
                "a {action:?} handler is registered for screen `{screen}`, which the flow does not \
                 have (screens: {})",
                self.known_screens()
            ));
            return;
        };
        if action != FlowAction::DataExchange {
            return;
        }
        let (Some(fields), Some(sent)) = (payload_fields, &contract.exchange_keys) else {
            return;
        };
        for field in fields {
            if !sent.contains(*field) {
                problems.push(format!(
                    "the data_exchange handler of `{screen}` reads payload field `{field}`, which \
                     no data_exchange payload of that screen sends (it sends: {})",
                    sent.iter().cloned().collect::<Vec<_>>().join(", ")
                ));
            }
        }
    }

    /// Every rule `response` breaks as the answer to `request`.
    pub fn check_response(&self, request: &FlowRequest, response: &FlowResponse) -> Vec<Violation> {
        let mut found = Vec::new();
        let Some(target) = response.screen_name() else {
            return found;
        };
        if target == CLOSE_SCREEN {
            return found;
        }
        let Some(screen) = self.screens.get(target) else {
            found.push(Violation {
                rule: "invalid-screen-transition",
                message: format!(
                    "the response names screen `{target}`, which the flow does not have (screens: {})",
                    self.known_screens()
                ),
            });
            return found;
        };
        if let (Some(routing), Some(from), FlowAction::DataExchange | FlowAction::Back) =
            (&self.routing, request.screen.as_deref(), request.action)
            && from != target
            && !routing.get(from).is_some_and(|to| to.contains(target))
        {
            found.push(Violation {
                rule: "invalid-screen-transition",
                message: format!(
                    "{from} -> {target} is not in the routing model ({from} may go to: {})",
                    routing
                        .get(from)
                        .map(|t| t.iter().cloned().collect::<Vec<_>>().join(", "))
                        .filter(|t| !t.is_empty())
                        .unwrap_or_else(|| "nothing".into())
                ),
            });
        }
        check_data(target, &screen.data, response.data_map(), &mut found);
        found
    }
}

/// The response's data against the screen's data model: every declared key present with its
/// declared type, no undeclared key (`error_message` aside).
fn check_data(
    target: &str,
    declared: &Map<String, Value>,
    sent: &Map<String, Value>,
    found: &mut Vec<Violation>,
) {
    for (key, schema) in declared {
        match sent.get(key) {
            None => found.push(Violation {
                rule: "payload-schema-error",
                message: format!(
                    "the data of `{target}` lacks `{key}`, which its data model declares"
                ),
            }),
            Some(value) => {
                if let Some(expected) = schema.get("type").and_then(Value::as_str)
                    && !has_type(value, expected)
                {
                    found.push(Violation {
                        rule: "payload-schema-error",
                        message: format!(
                            "`{key}` of `{target}` is declared `{expected}` but the response sends {}",
                            type_name(value)
                        ),
                    });
                }
            }
        }
    }
    for key in sent.keys() {
        if key != "error_message" && !declared.contains_key(key) {
            found.push(Violation {
                rule: "payload-schema-error",
                message: format!(
                    "the data of `{target}` sends `{key}`, which its data model does not declare"
                ),
            });
        }
    }
}

fn has_type(value: &Value, expected: &str) -> bool {
    match expected {
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => value.is_i64() || value.is_u64(),
        "boolean" => value.is_boolean(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        _ => true,
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Collects the payload keys of every `data_exchange` action under `node`.
fn collect_exchange_keys(node: &Value, keys: &mut Option<BTreeSet<String>>) {
    match node {
        Value::Object(map) => {
            if map.get("name").and_then(Value::as_str) == Some("data_exchange") {
                let set = keys.get_or_insert_with(BTreeSet::new);
                if let Some(payload) = map.get("payload").and_then(Value::as_object) {
                    set.extend(payload.keys().cloned());
                }
            }
            for value in map.values() {
                collect_exchange_keys(value, keys);
            }
        }
        Value::Array(items) => {
            for item in items {
                collect_exchange_keys(item, keys);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn flow() -> FlowContract {
        FlowContract::from_flow(&json!({"version": "7.3", "routing_model": {"A": ["B"], "B": ["C"], "C": []},
            "screens": [
                {"id": "A", "layout": {"children": [{"type": "Footer", "on-click-action": {"name": "data_exchange", "payload": {"name": "x", "date": "y"}}}]}},
                {"id": "B", "data": {"summary": {"type": "string"}, "count": {"type": "number"}}, "layout": {}},
                {"id": "C", "terminal": true, "layout": {"children": [{"on-click-action": {"name": "complete"}}]}}]}))
        .unwrap()
    }

    fn exchange(screen: &str) -> FlowRequest {
        let mut r = FlowRequest::new(FlowAction::DataExchange);
        r.screen = Some(screen.into());
        r
    }

    #[test]
    fn reads_screens_routes_data_and_exchange_keys() {
        let c = flow();
        assert_eq!(c.screen_ids().collect::<Vec<_>>(), ["A", "B", "C"]);
        assert_eq!(
            c.exchange_payload_keys("A")
                .unwrap()
                .iter()
                .collect::<Vec<_>>(),
            ["date", "name"]
        );
        assert_eq!(c.exchange_payload_keys("C"), None);
        assert_eq!(c.exchange_screens().collect::<Vec<_>>(), ["A"]);
        assert!(FlowContract::from_flow(&json!({"screens": [{}]})).is_err());
        assert!(FlowContract::from_flow(&json!({})).is_err());
    }

    #[test]
    fn a_good_response_passes() {
        let ok = FlowResponse::screen("B")
            .with("summary", "s")
            .with("count", 2)
            .error_message("shown");
        assert_eq!(flow().check_response(&exchange("A"), &ok), []);
        assert_eq!(
            flow().check_response(&exchange("A"), &FlowResponse::close("t")),
            []
        );
        // Staying on the screen is always allowed.
        let again = FlowResponse::screen("A");
        assert_eq!(flow().check_response(&exchange("A"), &again), []);
    }

    #[test]
    fn a_forbidden_transition_is_named() {
        let v = flow().check_response(&exchange("A"), &FlowResponse::screen("C"));
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].rule, "invalid-screen-transition");
        assert!(v[0].message.contains("A -> C"), "{}", v[0]);
        assert!(v[0].message.contains("may go to: B"), "{}", v[0]);
        let v = flow().check_response(&exchange("A"), &FlowResponse::screen("NOPE"));
        assert_eq!(v[0].rule, "invalid-screen-transition");
        // INIT may open any screen.
        let init = FlowRequest::new(FlowAction::Init);
        assert_eq!(flow().check_response(&init, &FlowResponse::screen("C")), []);
    }

    #[test]
    fn data_must_match_the_data_model() {
        let missing = FlowResponse::screen("B").with("count", 1);
        let v = flow().check_response(&exchange("A"), &missing);
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].rule, "payload-schema-error");
        assert!(v[0].message.contains("lacks `summary`"), "{}", v[0]);
        let wrong = FlowResponse::screen("B")
            .with("summary", 1)
            .with("count", 1)
            .with("extra", true);
        let v = flow().check_response(&exchange("A"), &wrong);
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(v[0].message.contains("declared `string`"), "{}", v[0]);
        assert!(v[1].message.contains("sends `extra`"), "{}", v[1]);
    }

    #[test]
    fn routes_are_checked_against_the_flow() {
        let c = flow();
        let mut problems = Vec::new();
        c.check_route(FlowAction::DataExchange, Some("AA"), None, &mut problems);
        c.check_route(
            FlowAction::DataExchange,
            Some("A"),
            Some(&["name", "full_name"]),
            &mut problems,
        );
        c.check_route(
            FlowAction::DataExchange,
            Some("A"),
            Some(&["name"]),
            &mut problems,
        );
        c.check_route(FlowAction::Back, Some("B"), Some(&["zzz"]), &mut problems);
        c.check_route(FlowAction::DataExchange, None, None, &mut problems);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("`AA`") && problems[0].contains("screens: A, B, C"));
        assert!(problems[1].contains("`full_name`") && problems[1].contains("sends: date, name"));
    }

    #[test]
    fn types_are_recognised() {
        for (value, ty) in [
            (json!("s"), "string"),
            (json!(1.5), "number"),
            (json!(1), "integer"),
            (json!(true), "boolean"),
            (json!([]), "array"),
            (json!({}), "object"),
        ] {
            assert!(has_type(&value, ty), "{value} {ty}");
            assert!(!has_type(&Value::Null, ty));
        }
        assert!(!has_type(&json!(1.5), "integer"));
        assert!(has_type(&Value::Null, "whatever"));
    }
}
