//! Values that are either a literal or a `${...}` / backtick expression string.
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! let required: Dynamic<bool> = true.into();
//! assert_eq!(serde_json::to_string(&required).unwrap(), "true");
//! let visible: Dynamic<bool> = ScreenData::new("show", true).r().into();
//! assert_eq!(serde_json::to_string(&visible).unwrap(), r#""${data.show}""#);
//! ```

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, IntoDeserializer, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::expr::Expr;
use crate::refs::Ref;

/// A literal `T` or a dynamic string (`${data.x}`, `${form.x}`, `` `expr` ``) evaluated on the
/// device. Any JSON string is read as [`Dynamic::Ref`]; the validator checks its syntax.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(untagged)]
#[schemars(rename = "Dynamic_{T}")]
pub enum Dynamic<T> {
    /// A literal value.
    Value(T),
    /// A dynamic reference or expression, as written.
    Ref(String),
}

impl<T> Dynamic<T> {
    /// The literal, if this is one.
    pub fn as_value(&self) -> Option<&T> {
        match self {
            Self::Value(value) => Some(value),
            Self::Ref(_) => None,
        }
    }

    /// The dynamic string, if this is one.
    pub fn as_ref_str(&self) -> Option<&str> {
        match self {
            Self::Value(_) => None,
            Self::Ref(text) => Some(text),
        }
    }
}

impl<T> From<Ref> for Dynamic<T> {
    fn from(value: Ref) -> Self {
        Self::Ref(value.to_string())
    }
}

impl<T> From<Expr> for Dynamic<T> {
    fn from(value: Expr) -> Self {
        Self::Ref(value.to_nested())
    }
}

macro_rules! dynamic_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Dynamic<$t> {
            fn from(value: $t) -> Self {
                Self::Value(value)
            }
        }
    )*};
}
dynamic_from!(bool, u32, serde_json::Number);

impl<S> From<Vec<S>> for Dynamic<Vec<String>>
where
    S: Into<String>,
{
    fn from(value: Vec<S>) -> Self {
        Self::Value(value.into_iter().map(Into::into).collect())
    }
}

impl<'de, T> Deserialize<'de> for Dynamic<T>
where
    T: Deserialize<'de>,
{
    /// Strings become [`Dynamic::Ref`]; everything else is handed to `T` without buffering, so
    /// errors inside keep their exact JSON Pointer.
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: Deserializer<'de>,
    {
        deserializer.deserialize_any(DynamicVisitor(PhantomData))
    }
}

struct DynamicVisitor<T>(PhantomData<T>);

impl<'de, T> Visitor<'de> for DynamicVisitor<T>
where
    T: Deserialize<'de>,
{
    type Value = Dynamic<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a literal value or a dynamic `${...}` string")
    }

    fn visit_str<E>(self, value: &str) -> Result<Self::Value, E>
    where
        E: de::Error,
    {
        Ok(Dynamic::Ref(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Self::Value, E>
    where
        E: de::Error,
    {
        Ok(Dynamic::Ref(value))
    }

    fn visit_bool<E>(self, value: bool) -> Result<Self::Value, E>
    where
        E: de::Error,
    {
        T::deserialize(value.into_deserializer()).map(Dynamic::Value)
    }

    fn visit_u64<E>(self, value: u64) -> Result<Self::Value, E>
    where
        E: de::Error,
    {
        T::deserialize(value.into_deserializer()).map(Dynamic::Value)
    }

    fn visit_i64<E>(self, value: i64) -> Result<Self::Value, E>
    where
        E: de::Error,
    {
        T::deserialize(value.into_deserializer()).map(Dynamic::Value)
    }

    fn visit_f64<E>(self, value: f64) -> Result<Self::Value, E>
    where
        E: de::Error,
    {
        T::deserialize(value.into_deserializer()).map(Dynamic::Value)
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E>
    where
        E: de::Error,
    {
        T::deserialize(().into_deserializer()).map(Dynamic::Value)
    }

    fn visit_seq<A>(self, seq: A) -> Result<Self::Value, A::Error>
    where
        A: de::SeqAccess<'de>,
    {
        T::deserialize(SeqAccessDeserializer::new(seq)).map(Dynamic::Value)
    }

    fn visit_map<A>(self, map: A) -> Result<Self::Value, A::Error>
    where
        A: de::MapAccess<'de>,
    {
        T::deserialize(MapAccessDeserializer::new(map)).map(Dynamic::Value)
    }
}

/// Text that is one string or, from 5.1 (TextBody, TextCaption, RichText), an array of lines.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum Text {
    /// One string (may itself be a `${...}` reference).
    One(String),
    /// Several lines, joined by the client.
    Lines(Vec<String>),
}

impl From<&str> for Text {
    fn from(value: &str) -> Self {
        Self::One(value.to_owned())
    }
}

impl From<String> for Text {
    fn from(value: String) -> Self {
        Self::One(value)
    }
}

impl From<Ref> for Text {
    fn from(value: Ref) -> Self {
        Self::One(value.to_string())
    }
}

impl From<Expr> for Text {
    fn from(value: Expr) -> Self {
        Self::One(value.to_nested())
    }
}

impl From<Vec<String>> for Text {
    fn from(value: Vec<String>) -> Self {
        Self::Lines(value)
    }
}

impl<const N: usize> From<[&str; N]> for Text {
    fn from(value: [&str; N]) -> Self {
        Self::Lines(value.iter().map(|line| (*line).to_owned()).collect())
    }
}

/// A CalendarPicker property: one value in `single` mode, a start/end pair in `range` mode.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
#[schemars(rename = "OneOrRange_{T}")]
pub enum OneOrRange<T> {
    /// `single` mode, or one value for both ends.
    One(T),
    /// `range` mode: `{"start-date": ..., "end-date": ...}`.
    Range(DateRange<T>),
}

/// The two ends of a CalendarPicker range.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "DateRange_{T}")]
pub struct DateRange<T> {
    /// The start-date value.
    #[serde(rename = "start-date", skip_serializing_if = "Option::is_none")]
    pub start_date: Option<T>,
    /// The end-date value.
    #[serde(rename = "end-date", skip_serializing_if = "Option::is_none")]
    pub end_date: Option<T>,
}

impl<T> From<T> for OneOrRange<T> {
    fn from(value: T) -> Self {
        Self::One(value)
    }
}

impl From<&str> for OneOrRange<String> {
    fn from(value: &str) -> Self {
        Self::One(value.to_owned())
    }
}

impl From<Ref> for OneOrRange<String> {
    fn from(value: Ref) -> Self {
        Self::One(value.to_string())
    }
}

impl From<bool> for OneOrRange<Dynamic<bool>> {
    fn from(value: bool) -> Self {
        Self::One(Dynamic::Value(value))
    }
}

impl<T> OneOrRange<T> {
    /// A range-mode value with both ends.
    pub fn range(start: impl Into<T>, end: impl Into<T>) -> Self {
        Self::Range(DateRange {
            start_date: Some(start.into()),
            end_date: Some(end.into()),
        })
    }
}
