//! Date components: DatePicker and CalendarPicker (6.1+).
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! let date = DatePicker::new("date", "Date").min_date("2024-01-01");
//! assert_eq!(serde_json::to_value(&date).unwrap()["min-date"], "2024-01-01");
//! let stay = CalendarPicker::new("stay", "Stay").mode(CalendarMode::Range);
//! assert_eq!(serde_json::to_value(&stay).unwrap()["mode"], "range");
//! ```

use super::enums::CalendarMode;
use crate::model::action::Action;
use crate::model::dynamic::Dynamic;
use crate::model::dynamic::OneOrRange;
use crate::refs::Ref;
use serde::{Deserialize, Serialize};

/// A date field.
///
/// **Your endpoint receives** the date as a `"YYYY-MM-DD"` string from Flow JSON 5.0 on; before
/// 5.0 the epoch milliseconds of that day (Meta documents time-zone caveats for it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct DatePicker {
    /// The field name: key of `${form.name}` and of the submitted value.
    pub name: String,
    /// The label.
    pub label: String,
    /// Earliest date (`YYYY-MM-DD` from 5.0, ms timestamp before).
    #[serde(rename = "min-date", default, skip_serializing_if = "Option::is_none")]
    pub min_date: Option<String>,
    /// Latest date.
    #[serde(rename = "max-date", default, skip_serializing_if = "Option::is_none")]
    pub max_date: Option<String>,
    /// Dates that cannot be picked.
    #[serde(
        rename = "unavailable-dates",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub unavailable_dates: Option<Dynamic<Vec<String>>>,
    /// Help shown under the field.
    #[serde(
        rename = "helper-text",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub helper_text: Option<String>,
    /// Whether the user can interact with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<Dynamic<bool>>,
    /// Whether a value is required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<Dynamic<bool>>,
    /// Shows or hides the component (literal or `${...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<Dynamic<bool>>,
    /// Initial value (4.0+, outside a Form; inside one use the Form's `init-values`).
    #[serde(
        rename = "init-value",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub init_value: Option<String>,
    /// Error shown under the field (4.0+, outside a Form).
    #[serde(
        rename = "error-message",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub error_message: Option<String>,
    /// Action when a date is picked (`data_exchange`).
    #[serde(
        rename = "on-select-action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_select_action: Option<Action>,
}

impl DatePicker {
    /// A new `DatePicker` with its required properties.
    pub fn new(name: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            label: label.into(),
            min_date: None,
            max_date: None,
            unavailable_dates: None,
            helper_text: None,
            enabled: None,
            required: None,
            visible: None,
            init_value: None,
            error_message: None,
            on_select_action: None,
        }
    }

    /// Sets `min-date`: earliest date (`YYYY-MM-DD` from 5.0, ms timestamp before).
    pub fn min_date(mut self, value: impl Into<String>) -> Self {
        self.min_date = Some(value.into());
        self
    }

    /// Sets `max-date`: latest date.
    pub fn max_date(mut self, value: impl Into<String>) -> Self {
        self.max_date = Some(value.into());
        self
    }

    /// Sets `unavailable-dates`: dates that cannot be picked.
    pub fn unavailable_dates(mut self, value: impl Into<Dynamic<Vec<String>>>) -> Self {
        self.unavailable_dates = Some(value.into());
        self
    }

    /// Sets `helper-text`: help shown under the field.
    pub fn helper_text(mut self, value: impl Into<String>) -> Self {
        self.helper_text = Some(value.into());
        self
    }

    /// Sets `enabled`: whether the user can interact with it.
    pub fn enabled(mut self, value: impl Into<Dynamic<bool>>) -> Self {
        self.enabled = Some(value.into());
        self
    }

    /// Marks the field as required.
    pub fn required(mut self) -> Self {
        self.required = Some(Dynamic::Value(true));
        self
    }

    /// Sets `required` to a literal or a `${...}` reference.
    pub fn required_if(mut self, value: impl Into<Dynamic<bool>>) -> Self {
        self.required = Some(value.into());
        self
    }

    /// Sets `visible`: shows or hides the component (literal or `${...}`).
    pub fn visible(mut self, value: impl Into<Dynamic<bool>>) -> Self {
        self.visible = Some(value.into());
        self
    }

    /// Sets `init-value`: initial value (4.0+, outside a Form; inside one use the Form's `init-values`).
    pub fn init_value(mut self, value: impl Into<String>) -> Self {
        self.init_value = Some(value.into());
        self
    }

    /// Sets `error-message`: error shown under the field (4.0+, outside a Form).
    pub fn error_message(mut self, value: impl Into<String>) -> Self {
        self.error_message = Some(value.into());
        self
    }

    /// Sets `on-select-action`: action when a date is picked (`data_exchange`).
    pub fn on_select_action(mut self, value: impl Into<Action>) -> Self {
        self.on_select_action = Some(value.into());
        self
    }

    /// `${form.name}`: a typed reference to this input's value.
    pub fn r(&self) -> Ref {
        Ref::form(self.name.clone())
    }

    /// Alias of [`Self::r`].
    pub fn reference(&self) -> Ref {
        self.r()
    }
}

/// A calendar, single date or range (6.1+).
///
/// **Your endpoint receives** a `"YYYY-MM-DD"` string in `single` mode and, in `range` mode, an
/// object `{"start-date": "YYYY-MM-DD", "end-date": "YYYY-MM-DD"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct CalendarPicker {
    /// The field name: key of `${form.name}` and of the submitted value.
    pub name: String,
    /// The label, or start/end labels in range mode.
    pub label: OneOrRange<String>,
    /// Title (range mode).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `single` (default) or `range`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<CalendarMode>,
    /// Earliest date.
    #[serde(rename = "min-date", default, skip_serializing_if = "Option::is_none")]
    pub min_date: Option<String>,
    /// Latest date.
    #[serde(rename = "max-date", default, skip_serializing_if = "Option::is_none")]
    pub max_date: Option<String>,
    /// Dates that cannot be picked.
    #[serde(
        rename = "unavailable-dates",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub unavailable_dates: Option<Dynamic<Vec<String>>>,
    /// Weekdays that can be picked (`Mon`..`Sun`).
    #[serde(
        rename = "include-days",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub include_days: Option<Dynamic<Vec<String>>>,
    /// Minimum range length (range mode).
    #[serde(rename = "min-days", default, skip_serializing_if = "Option::is_none")]
    pub min_days: Option<Dynamic<u32>>,
    /// Maximum range length (range mode).
    #[serde(rename = "max-days", default, skip_serializing_if = "Option::is_none")]
    pub max_days: Option<Dynamic<u32>>,
    /// Help text, or start/end help in range mode.
    #[serde(
        rename = "helper-text",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub helper_text: Option<OneOrRange<String>>,
    /// Required, or start/end required in range mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<OneOrRange<Dynamic<bool>>>,
    /// Whether the user can interact with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<Dynamic<bool>>,
    /// Shows or hides the component (literal or `${...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<Dynamic<bool>>,
    /// Initial date, or start/end dates in range mode.
    #[serde(
        rename = "init-value",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub init_value: Option<OneOrRange<String>>,
    /// Error, or start/end errors in range mode.
    #[serde(
        rename = "error-message",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub error_message: Option<OneOrRange<String>>,
    /// Action when a date is picked (`data_exchange`).
    #[serde(
        rename = "on-select-action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_select_action: Option<Action>,
}

impl CalendarPicker {
    /// A new `CalendarPicker` with its required properties.
    pub fn new(name: impl Into<String>, label: impl Into<OneOrRange<String>>) -> Self {
        Self {
            name: name.into(),
            label: label.into(),
            title: None,
            description: None,
            mode: None,
            min_date: None,
            max_date: None,
            unavailable_dates: None,
            include_days: None,
            min_days: None,
            max_days: None,
            helper_text: None,
            required: None,
            enabled: None,
            visible: None,
            init_value: None,
            error_message: None,
            on_select_action: None,
        }
    }

    /// Sets `title`: title (range mode).
    pub fn title(mut self, value: impl Into<String>) -> Self {
        self.title = Some(value.into());
        self
    }

    /// Sets `description`: description text.
    pub fn description(mut self, value: impl Into<String>) -> Self {
        self.description = Some(value.into());
        self
    }

    /// Sets `mode`: `single` (default) or `range`.
    pub fn mode(mut self, value: impl Into<CalendarMode>) -> Self {
        self.mode = Some(value.into());
        self
    }

    /// Sets `min-date`: earliest date.
    pub fn min_date(mut self, value: impl Into<String>) -> Self {
        self.min_date = Some(value.into());
        self
    }

    /// Sets `max-date`: latest date.
    pub fn max_date(mut self, value: impl Into<String>) -> Self {
        self.max_date = Some(value.into());
        self
    }

    /// Sets `unavailable-dates`: dates that cannot be picked.
    pub fn unavailable_dates(mut self, value: impl Into<Dynamic<Vec<String>>>) -> Self {
        self.unavailable_dates = Some(value.into());
        self
    }

    /// Sets `include-days`: weekdays that can be picked (`Mon`..`Sun`).
    pub fn include_days(mut self, value: impl Into<Dynamic<Vec<String>>>) -> Self {
        self.include_days = Some(value.into());
        self
    }

    /// Sets `min-days`: minimum range length (range mode).
    pub fn min_days(mut self, value: impl Into<Dynamic<u32>>) -> Self {
        self.min_days = Some(value.into());
        self
    }

    /// Sets `max-days`: maximum range length (range mode).
    pub fn max_days(mut self, value: impl Into<Dynamic<u32>>) -> Self {
        self.max_days = Some(value.into());
        self
    }

    /// Sets `helper-text`: help text, or start/end help in range mode.
    pub fn helper_text(mut self, value: impl Into<OneOrRange<String>>) -> Self {
        self.helper_text = Some(value.into());
        self
    }

    /// Sets `required`: required, or start/end required in range mode.
    pub fn required(mut self, value: impl Into<OneOrRange<Dynamic<bool>>>) -> Self {
        self.required = Some(value.into());
        self
    }

    /// Sets `enabled`: whether the user can interact with it.
    pub fn enabled(mut self, value: impl Into<Dynamic<bool>>) -> Self {
        self.enabled = Some(value.into());
        self
    }

    /// Sets `visible`: shows or hides the component (literal or `${...}`).
    pub fn visible(mut self, value: impl Into<Dynamic<bool>>) -> Self {
        self.visible = Some(value.into());
        self
    }

    /// Sets `init-value`: initial date, or start/end dates in range mode.
    pub fn init_value(mut self, value: impl Into<OneOrRange<String>>) -> Self {
        self.init_value = Some(value.into());
        self
    }

    /// Sets `error-message`: error, or start/end errors in range mode.
    pub fn error_message(mut self, value: impl Into<OneOrRange<String>>) -> Self {
        self.error_message = Some(value.into());
        self
    }

    /// Sets `on-select-action`: action when a date is picked (`data_exchange`).
    pub fn on_select_action(mut self, value: impl Into<Action>) -> Self {
        self.on_select_action = Some(value.into());
        self
    }

    /// `${form.name}`: a typed reference to this input's value.
    pub fn r(&self) -> Ref {
        Ref::form(self.name.clone())
    }

    /// Alias of [`Self::r`].
    pub fn reference(&self) -> Ref {
        self.r()
    }
}
