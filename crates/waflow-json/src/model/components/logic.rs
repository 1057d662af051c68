//! Conditional rendering (4.0+): If and Switch.
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! let adult = If::new(Expr::from(Ref::form("age")).gt(17), [TextBody::new("Welcome").into()])
//!     .otherwise([TextBody::new("Sorry").into()]);
//! let json = serde_json::to_value(Component::from(adult)).unwrap();
//! assert_eq!(json["condition"], "(${form.age} > 17)");
//! assert_eq!(json["else"][0]["text"], "Sorry");
//! ```

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::Component;

/// Renders `then` or `else` depending on a boolean condition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct If {
    /// A bare expression (no backticks) with at least one dynamic operand.
    pub condition: String,
    /// Components when the condition holds (at least one).
    pub then: Vec<Component>,
    /// Components otherwise.
    #[serde(rename = "else", default, skip_serializing_if = "Option::is_none")]
    pub otherwise: Option<Vec<Component>>,
}

impl If {
    /// `If` with a condition (an [`crate::Expr`], a [`crate::Ref`] or a raw string) and its `then` branch.
    pub fn new<I>(condition: impl Into<Condition>, then: I) -> Self
    where
        I: IntoIterator<Item = Component>,
    {
        Self {
            condition: condition.into().0,
            then: then.into_iter().collect(),
            otherwise: None,
        }
    }

    /// Sets the `else` branch.
    pub fn otherwise<I>(mut self, components: I) -> Self
    where
        I: IntoIterator<Item = Component>,
    {
        self.otherwise = Some(components.into_iter().collect());
        self
    }
}

/// The text of an `If.condition`, made from an expression, a reference or a raw string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition(pub String);

impl From<crate::Expr> for Condition {
    fn from(value: crate::Expr) -> Self {
        Self(value.to_condition())
    }
}

impl From<crate::Ref> for Condition {
    fn from(value: crate::Ref) -> Self {
        Self(value.to_string())
    }
}

impl From<&str> for Condition {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl From<String> for Condition {
    fn from(value: String) -> Self {
        Self(value)
    }
}

/// Renders the components of the case whose key equals `value`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct Switch {
    /// A `${...}` reference whose value selects the case.
    pub value: String,
    /// Case key → components.
    pub cases: IndexMap<String, Vec<Component>>,
}

impl Switch {
    /// A `Switch` on `value` without cases.
    pub fn new(value: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            cases: IndexMap::new(),
        }
    }

    /// Adds a case.
    pub fn case<I>(mut self, key: impl Into<String>, components: I) -> Self
    where
        I: IntoIterator<Item = Component>,
    {
        self.cases
            .insert(key.into(), components.into_iter().collect());
        self
    }
}
