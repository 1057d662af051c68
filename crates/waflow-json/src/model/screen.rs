//! A screen: id, title, flags, data model and layout.
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! let name = ScreenData::new("name", "John");
//! let screen = Screen::new("HELLO")
//!     .title("Hello")
//!     .terminal(true)
//!     .data([name.clone()])
//!     .child(TextHeading::new(name.r()))
//!     .child(Footer::new("Done", Action::complete()));
//! let json = serde_json::to_value(&screen).unwrap();
//! assert_eq!(json["data"]["name"]["type"], "string");
//! assert_eq!(json["layout"]["children"][0]["text"], "${data.name}");
//! ```

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::components::{Component, LayoutType};
use super::data::{DataSchema, ScreenData};
use crate::typed::ScreenName;

/// One screen of a flow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct Screen {
    /// Unique id (letters and `_`); `SUCCESS` is reserved.
    pub id: String,
    /// Top-bar title (may use global refs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Whether the flow can end here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terminal: Option<bool>,
    /// Whether ending here is a success (terminal screens only; default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// Whether BACK on this screen asks the endpoint for fresh data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_on_back: Option<bool>,
    /// Field names masked in the completion summary (5.1+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitive: Option<Vec<String>>,
    /// The screen's data model: key → schema with `__example__`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<IndexMap<String, DataSchema>>,
    /// The layout.
    pub layout: Layout,
}

/// The layout of a screen; Meta defines only `SingleColumnLayout`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct Layout {
    /// `SingleColumnLayout`.
    #[serde(rename = "type")]
    pub kind: LayoutType,
    /// The components, top to bottom.
    pub children: Vec<Component>,
}

impl Layout {
    /// An empty single-column layout.
    pub fn single_column() -> Self {
        Self {
            kind: LayoutType::SingleColumn,
            children: Vec::new(),
        }
    }
}

impl Screen {
    /// An empty screen: `Screen::new("ID")`, or `Screen::new(ID)` with a
    /// [`ScreenId<D>`](crate::ScreenId), which also declares `data` from `D`.
    pub fn new(id: impl ScreenName) -> Self {
        let (id, data) = id.into_screen_parts();
        let screen = Self {
            id,
            title: None,
            terminal: None,
            success: None,
            refresh_on_back: None,
            sensitive: None,
            data: None,
            layout: Layout::single_column(),
        };
        if data.is_empty() {
            screen
        } else {
            screen.data(data)
        }
    }

    /// Sets the title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets `terminal`.
    pub fn terminal(mut self, terminal: bool) -> Self {
        self.terminal = Some(terminal);
        self
    }

    /// Sets `success`.
    pub fn success(mut self, success: bool) -> Self {
        self.success = Some(success);
        self
    }

    /// Sets `refresh_on_back`.
    pub fn refresh_on_back(mut self, refresh: bool) -> Self {
        self.refresh_on_back = Some(refresh);
        self
    }

    /// Sets the names of sensitive fields.
    pub fn sensitive<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.sensitive = Some(names.into_iter().map(Into::into).collect());
        self
    }

    /// Adds data-model fields.
    pub fn data<I>(mut self, fields: I) -> Self
    where
        I: IntoIterator<Item = ScreenData>,
    {
        self.data
            .get_or_insert_with(IndexMap::new)
            .extend(fields.into_iter().map(ScreenData::into_parts));
        self
    }

    /// Appends a component to the layout.
    pub fn child(mut self, component: impl Into<Component>) -> Self {
        self.layout.children.push(component.into());
        self
    }

    /// Appends several components.
    pub fn children<I, C>(mut self, components: I) -> Self
    where
        I: IntoIterator<Item = C>,
        C: Into<Component>,
    {
        self.layout
            .children
            .extend(components.into_iter().map(Into::into));
        self
    }
}
