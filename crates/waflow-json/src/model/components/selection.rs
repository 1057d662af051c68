//! Choice components: CheckboxGroup, RadioButtonsGroup, Dropdown, ChipsSelector and their options.
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! let size = Dropdown::new("size", "Size", [DataSourceItem::new("s", "Small"), DataSourceItem::new("l", "Large")])
//!     .required();
//! assert_eq!(serde_json::to_value(&size).unwrap()["data-source"][1]["title"], "Large");
//! ```

use super::enums::MediaSize;
use crate::model::action::Action;
use crate::model::dynamic::Dynamic;
use crate::refs::Ref;
use serde::{Deserialize, Serialize};

/// Pick several options.
///
/// **Your endpoint receives** an array of the chosen items' `id`s (`["a", "c"]`); read it as
/// `Vec<String>` or a `Vec` of a [`DataSource`](crate::typed::DataSource) enum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct CheckboxGroup {
    /// The field name: key of `${form.name}` and of the submitted value.
    pub name: String,
    /// Options: a list, or a `${data.x}` reference.
    #[serde(rename = "data-source")]
    pub data_source: Dynamic<Vec<DataSourceItem>>,
    /// The label (required from 4.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Description text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Minimum selected options.
    #[serde(
        rename = "min-selected-items",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub min_selected_items: Option<Dynamic<u32>>,
    /// Maximum selected options.
    #[serde(
        rename = "max-selected-items",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_selected_items: Option<Dynamic<u32>>,
    /// Whether a value is required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<Dynamic<bool>>,
    /// Whether the user can interact with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<Dynamic<bool>>,
    /// Shows or hides the component (literal or `${...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<Dynamic<bool>>,
    /// Initially selected ids (4.0+, outside a Form).
    #[serde(
        rename = "init-value",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub init_value: Option<Dynamic<Vec<String>>>,
    /// Error shown under the field (4.0+, outside a Form).
    #[serde(
        rename = "error-message",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub error_message: Option<String>,
    /// Image size of the options (5.0+).
    #[serde(
        rename = "media-size",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub media_size: Option<MediaSize>,
    /// Action when an option is selected (`data_exchange`, `update_data` 6.0+).
    #[serde(
        rename = "on-select-action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_select_action: Option<Action>,
    /// Action when an option is unselected (`update_data`, 6.0+).
    #[serde(
        rename = "on-unselect-action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_unselect_action: Option<Action>,
}

impl CheckboxGroup {
    /// Replaces `data-source`: a fixed list, or a `${data.…}` reference for options the
    /// endpoint sends (e.g. `.data_source(SCREEN.refs().options)`). The endpoint receives the
    /// chosen item's `id`s (an array).
    pub fn data_source(mut self, value: impl Into<Dynamic<Vec<DataSourceItem>>>) -> Self {
        self.data_source = value.into();
        self
    }

    /// A new `CheckboxGroup` with its required properties.
    pub fn new(
        name: impl Into<String>,
        data_source: impl IntoIterator<Item = DataSourceItem>,
    ) -> Self {
        Self {
            name: name.into(),
            data_source: Dynamic::Value(data_source.into_iter().collect()),
            label: None,
            description: None,
            min_selected_items: None,
            max_selected_items: None,
            required: None,
            enabled: None,
            visible: None,
            init_value: None,
            error_message: None,
            media_size: None,
            on_select_action: None,
            on_unselect_action: None,
        }
    }

    /// Sets `label`: the label (required from 4.0).
    pub fn label(mut self, value: impl Into<String>) -> Self {
        self.label = Some(value.into());
        self
    }

    /// Sets `description`: description text.
    pub fn description(mut self, value: impl Into<String>) -> Self {
        self.description = Some(value.into());
        self
    }

    /// Sets `min-selected-items`: minimum selected options.
    pub fn min_selected_items(mut self, value: impl Into<Dynamic<u32>>) -> Self {
        self.min_selected_items = Some(value.into());
        self
    }

    /// Sets `max-selected-items`: maximum selected options.
    pub fn max_selected_items(mut self, value: impl Into<Dynamic<u32>>) -> Self {
        self.max_selected_items = Some(value.into());
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

    /// Sets `init-value`: initially selected ids (4.0+, outside a Form).
    pub fn init_value(mut self, value: impl Into<Dynamic<Vec<String>>>) -> Self {
        self.init_value = Some(value.into());
        self
    }

    /// Sets `error-message`: error shown under the field (4.0+, outside a Form).
    pub fn error_message(mut self, value: impl Into<String>) -> Self {
        self.error_message = Some(value.into());
        self
    }

    /// Sets `media-size`: image size of the options (5.0+).
    pub fn media_size(mut self, value: impl Into<MediaSize>) -> Self {
        self.media_size = Some(value.into());
        self
    }

    /// Sets `on-select-action`: action when an option is selected (`data_exchange`, `update_data` 6.0+).
    pub fn on_select_action(mut self, value: impl Into<Action>) -> Self {
        self.on_select_action = Some(value.into());
        self
    }

    /// Sets `on-unselect-action`: action when an option is unselected (`update_data`, 6.0+).
    pub fn on_unselect_action(mut self, value: impl Into<Action>) -> Self {
        self.on_unselect_action = Some(value.into());
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

/// Pick one option.
///
/// **Your endpoint receives** the chosen item's `id` as a string; read it as `String` or as a
/// [`DataSource`](crate::typed::DataSource) enum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct RadioButtonsGroup {
    /// The field name: key of `${form.name}` and of the submitted value.
    pub name: String,
    /// Options: a list, or a `${data.x}` reference.
    #[serde(rename = "data-source")]
    pub data_source: Dynamic<Vec<DataSourceItem>>,
    /// The label (required from 4.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Description text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether a value is required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<Dynamic<bool>>,
    /// Whether the user can interact with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<Dynamic<bool>>,
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
    /// Image size of the options (5.0+).
    #[serde(
        rename = "media-size",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub media_size: Option<MediaSize>,
    /// Action when an option is selected (`data_exchange`, `update_data` 6.0+).
    #[serde(
        rename = "on-select-action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_select_action: Option<Action>,
    /// Action when an option is unselected (`update_data`, 6.0+).
    #[serde(
        rename = "on-unselect-action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_unselect_action: Option<Action>,
}

impl RadioButtonsGroup {
    /// Replaces `data-source`: a fixed list, or a `${data.…}` reference for options the
    /// endpoint sends (e.g. `.data_source(SCREEN.refs().options)`). The endpoint receives the
    /// chosen item's `id` (a string).
    pub fn data_source(mut self, value: impl Into<Dynamic<Vec<DataSourceItem>>>) -> Self {
        self.data_source = value.into();
        self
    }

    /// A new `RadioButtonsGroup` with its required properties.
    pub fn new(
        name: impl Into<String>,
        data_source: impl IntoIterator<Item = DataSourceItem>,
    ) -> Self {
        Self {
            name: name.into(),
            data_source: Dynamic::Value(data_source.into_iter().collect()),
            label: None,
            description: None,
            required: None,
            enabled: None,
            visible: None,
            init_value: None,
            error_message: None,
            media_size: None,
            on_select_action: None,
            on_unselect_action: None,
        }
    }

    /// Sets `label`: the label (required from 4.0).
    pub fn label(mut self, value: impl Into<String>) -> Self {
        self.label = Some(value.into());
        self
    }

    /// Sets `description`: description text.
    pub fn description(mut self, value: impl Into<String>) -> Self {
        self.description = Some(value.into());
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

    /// Sets `media-size`: image size of the options (5.0+).
    pub fn media_size(mut self, value: impl Into<MediaSize>) -> Self {
        self.media_size = Some(value.into());
        self
    }

    /// Sets `on-select-action`: action when an option is selected (`data_exchange`, `update_data` 6.0+).
    pub fn on_select_action(mut self, value: impl Into<Action>) -> Self {
        self.on_select_action = Some(value.into());
        self
    }

    /// Sets `on-unselect-action`: action when an option is unselected (`update_data`, 6.0+).
    pub fn on_unselect_action(mut self, value: impl Into<Action>) -> Self {
        self.on_unselect_action = Some(value.into());
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

/// Pick one option from a list.
///
/// **Your endpoint receives** the chosen item's `id` as a string; read it as `String` or as a
/// [`DataSource`](crate::typed::DataSource) enum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct Dropdown {
    /// The field name: key of `${form.name}` and of the submitted value.
    pub name: String,
    /// The label.
    pub label: String,
    /// Options: a list, or a `${data.x}` reference.
    #[serde(rename = "data-source")]
    pub data_source: Dynamic<Vec<DataSourceItem>>,
    /// Whether a value is required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<Dynamic<bool>>,
    /// Whether the user can interact with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<Dynamic<bool>>,
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
    /// Action when an option is selected (`data_exchange`, `update_data` 6.0+).
    #[serde(
        rename = "on-select-action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_select_action: Option<Action>,
    /// Action when an option is unselected (`update_data`, 6.0+).
    #[serde(
        rename = "on-unselect-action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_unselect_action: Option<Action>,
}

impl Dropdown {
    /// Replaces `data-source`: a fixed list, or a `${data.…}` reference for options the
    /// endpoint sends (e.g. `.data_source(SCREEN.refs().options)`). The endpoint receives the
    /// chosen item's `id` (a string).
    pub fn data_source(mut self, value: impl Into<Dynamic<Vec<DataSourceItem>>>) -> Self {
        self.data_source = value.into();
        self
    }

    /// A new `Dropdown` with its required properties.
    pub fn new(
        name: impl Into<String>,
        label: impl Into<String>,
        data_source: impl IntoIterator<Item = DataSourceItem>,
    ) -> Self {
        Self {
            name: name.into(),
            label: label.into(),
            data_source: Dynamic::Value(data_source.into_iter().collect()),
            required: None,
            enabled: None,
            visible: None,
            init_value: None,
            error_message: None,
            on_select_action: None,
            on_unselect_action: None,
        }
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

    /// Sets `on-select-action`: action when an option is selected (`data_exchange`, `update_data` 6.0+).
    pub fn on_select_action(mut self, value: impl Into<Action>) -> Self {
        self.on_select_action = Some(value.into());
        self
    }

    /// Sets `on-unselect-action`: action when an option is unselected (`update_data`, 6.0+).
    pub fn on_unselect_action(mut self, value: impl Into<Action>) -> Self {
        self.on_unselect_action = Some(value.into());
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

/// Pick several options shown as chips (6.3+).
///
/// **Your endpoint receives** an array of the chosen items' `id`s, like [`CheckboxGroup`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct ChipsSelector {
    /// The field name: key of `${form.name}` and of the submitted value.
    pub name: String,
    /// The label.
    pub label: String,
    /// Options: a list, or a `${data.x}` reference.
    #[serde(rename = "data-source")]
    pub data_source: Dynamic<Vec<DataSourceItem>>,
    /// Description text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Minimum selected options.
    #[serde(
        rename = "min-selected-items",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub min_selected_items: Option<Dynamic<u32>>,
    /// Maximum selected options.
    #[serde(
        rename = "max-selected-items",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_selected_items: Option<Dynamic<u32>>,
    /// Whether a value is required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<Dynamic<bool>>,
    /// Whether the user can interact with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<Dynamic<bool>>,
    /// Shows or hides the component (literal or `${...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<Dynamic<bool>>,
    /// Initially selected ids.
    #[serde(
        rename = "init-value",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub init_value: Option<Dynamic<Vec<String>>>,
    /// Error shown under the field (4.0+, outside a Form).
    #[serde(
        rename = "error-message",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub error_message: Option<String>,
    /// Action when an option is selected (`data_exchange`, `update_data` 6.0+).
    #[serde(
        rename = "on-select-action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_select_action: Option<Action>,
    /// Action when an option is unselected (7.1+).
    #[serde(
        rename = "on-unselect-action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_unselect_action: Option<Action>,
}

impl ChipsSelector {
    /// Replaces `data-source`: a fixed list, or a `${data.…}` reference for options the
    /// endpoint sends (e.g. `.data_source(SCREEN.refs().options)`). The endpoint receives the
    /// chosen item's `id`s (an array).
    pub fn data_source(mut self, value: impl Into<Dynamic<Vec<DataSourceItem>>>) -> Self {
        self.data_source = value.into();
        self
    }

    /// A new `ChipsSelector` with its required properties.
    pub fn new(
        name: impl Into<String>,
        label: impl Into<String>,
        data_source: impl IntoIterator<Item = DataSourceItem>,
    ) -> Self {
        Self {
            name: name.into(),
            label: label.into(),
            data_source: Dynamic::Value(data_source.into_iter().collect()),
            description: None,
            min_selected_items: None,
            max_selected_items: None,
            required: None,
            enabled: None,
            visible: None,
            init_value: None,
            error_message: None,
            on_select_action: None,
            on_unselect_action: None,
        }
    }

    /// Sets `description`: description text.
    pub fn description(mut self, value: impl Into<String>) -> Self {
        self.description = Some(value.into());
        self
    }

    /// Sets `min-selected-items`: minimum selected options.
    pub fn min_selected_items(mut self, value: impl Into<Dynamic<u32>>) -> Self {
        self.min_selected_items = Some(value.into());
        self
    }

    /// Sets `max-selected-items`: maximum selected options.
    pub fn max_selected_items(mut self, value: impl Into<Dynamic<u32>>) -> Self {
        self.max_selected_items = Some(value.into());
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

    /// Sets `init-value`: initially selected ids.
    pub fn init_value(mut self, value: impl Into<Dynamic<Vec<String>>>) -> Self {
        self.init_value = Some(value.into());
        self
    }

    /// Sets `error-message`: error shown under the field (4.0+, outside a Form).
    pub fn error_message(mut self, value: impl Into<String>) -> Self {
        self.error_message = Some(value.into());
        self
    }

    /// Sets `on-select-action`: action when an option is selected (`data_exchange`, `update_data` 6.0+).
    pub fn on_select_action(mut self, value: impl Into<Action>) -> Self {
        self.on_select_action = Some(value.into());
        self
    }

    /// Sets `on-unselect-action`: action when an option is unselected (7.1+).
    pub fn on_unselect_action(mut self, value: impl Into<Action>) -> Self {
        self.on_unselect_action = Some(value.into());
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
/// One option of a choice component.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct DataSourceItem {
    /// The id submitted when selected.
    pub id: String,
    /// The option text.
    pub title: String,
    /// Description text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Secondary text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<String>,
    /// Whether the user can interact with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<Dynamic<bool>>,
    /// Base64 image (5.0+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Image alternative text (5.0+).
    #[serde(rename = "alt-text", default, skip_serializing_if = "Option::is_none")]
    pub alt_text: Option<String>,
    /// `#RRGGBB` colour (5.0+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Action when an option is selected (`data_exchange`, `update_data` 6.0+).
    #[serde(
        rename = "on-select-action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_select_action: Option<Action>,
    /// Action when an option is unselected (`update_data`, 6.0+).
    #[serde(
        rename = "on-unselect-action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_unselect_action: Option<Action>,
}

impl DataSourceItem {
    /// A new `DataSourceItem` with its required properties.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            title: title.into(),
            description: None,
            metadata: None,
            enabled: None,
            image: None,
            alt_text: None,
            color: None,
            on_select_action: None,
            on_unselect_action: None,
        }
    }

    /// Sets `description`: description text.
    pub fn description(mut self, value: impl Into<String>) -> Self {
        self.description = Some(value.into());
        self
    }

    /// Sets `metadata`: secondary text.
    pub fn metadata(mut self, value: impl Into<String>) -> Self {
        self.metadata = Some(value.into());
        self
    }

    /// Sets `enabled`: whether the user can interact with it.
    pub fn enabled(mut self, value: impl Into<Dynamic<bool>>) -> Self {
        self.enabled = Some(value.into());
        self
    }

    /// Sets `image`: base64 image (5.0+).
    pub fn image(mut self, value: impl Into<String>) -> Self {
        self.image = Some(value.into());
        self
    }

    /// Sets `alt-text`: image alternative text (5.0+).
    pub fn alt_text(mut self, value: impl Into<String>) -> Self {
        self.alt_text = Some(value.into());
        self
    }

    /// Sets `color`: `#RRGGBB` colour (5.0+).
    pub fn color(mut self, value: impl Into<String>) -> Self {
        self.color = Some(value.into());
        self
    }

    /// Sets `on-select-action`: action when an option is selected (`data_exchange`, `update_data` 6.0+).
    pub fn on_select_action(mut self, value: impl Into<Action>) -> Self {
        self.on_select_action = Some(value.into());
        self
    }

    /// Sets `on-unselect-action`: action when an option is unselected (`update_data`, 6.0+).
    pub fn on_unselect_action(mut self, value: impl Into<Action>) -> Self {
        self.on_unselect_action = Some(value.into());
        self
    }
}
