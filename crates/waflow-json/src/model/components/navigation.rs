//! NavigationList (6.2+): a list of tappable items.
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! let list = NavigationList::new("offers", vec![NavigationItem::new("a", "Offer A")]);
//! assert_eq!(serde_json::to_value(&list).unwrap()["list-items"][0]["main-content"]["title"], "Offer A");
//! ```

use super::enums::MediaSize;
use crate::model::action::Action;
use crate::model::dynamic::Dynamic;
use crate::refs::Ref;
use serde::{Deserialize, Serialize};

/// A list of items, each able to navigate or exchange data (6.2+).
///
/// It has no `visible`: Meta's NavigationList schema rejects one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct NavigationList {
    /// The field name: key of `${form.name}` and of the submitted value.
    pub name: String,
    /// The items (1 to 20), or a `${data.x}` reference.
    #[serde(rename = "list-items")]
    pub list_items: Dynamic<Vec<NavigationItem>>,
    /// The label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Description text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Size of the start images.
    #[serde(
        rename = "media-size",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub media_size: Option<MediaSize>,
    /// Action for every item (`navigate`, `data_exchange`); else per item.
    #[serde(
        rename = "on-click-action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_click_action: Option<Action>,
}

impl NavigationList {
    /// A new `NavigationList` with its required properties.
    pub fn new(
        name: impl Into<String>,
        list_items: impl IntoIterator<Item = NavigationItem>,
    ) -> Self {
        Self {
            name: name.into(),
            list_items: Dynamic::Value(list_items.into_iter().collect()),
            label: None,
            description: None,
            media_size: None,
            on_click_action: None,
        }
    }

    /// Sets `label`: the label.
    pub fn label(mut self, value: impl Into<String>) -> Self {
        self.label = Some(value.into());
        self
    }

    /// Sets `description`: description text.
    pub fn description(mut self, value: impl Into<String>) -> Self {
        self.description = Some(value.into());
        self
    }

    /// Sets `media-size`: size of the start images.
    pub fn media_size(mut self, value: impl Into<MediaSize>) -> Self {
        self.media_size = Some(value.into());
        self
    }

    /// Sets `on-click-action`: action for every item (`navigate`, `data_exchange`); else per item.
    pub fn on_click_action(mut self, value: impl Into<Action>) -> Self {
        self.on_click_action = Some(value.into());
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
/// One item of a NavigationList.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct NavigationItem {
    /// The item id.
    pub id: String,
    /// The main text.
    #[serde(rename = "main-content")]
    pub main_content: MainContent,
    /// Leading image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NavigationStart>,
    /// Trailing texts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NavigationEnd>,
    /// Badge text (one per list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub badge: Option<String>,
    /// Up to three tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// Whether the item can be tapped (Meta's item schema has it; waflow's own rules do not
    /// check it further).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Action for this item.
    #[serde(
        rename = "on-click-action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_click_action: Option<Action>,
}

impl NavigationItem {
    /// A new `NavigationItem` with its required properties.
    pub fn new(id: impl Into<String>, main_content: impl Into<MainContent>) -> Self {
        Self {
            id: id.into(),
            main_content: main_content.into(),
            start: None,
            end: None,
            badge: None,
            tags: None,
            enabled: None,
            on_click_action: None,
        }
    }

    /// Sets `enabled`: whether the item can be tapped.
    pub fn enabled(mut self, value: bool) -> Self {
        self.enabled = Some(value);
        self
    }

    /// Sets `start`: leading image.
    pub fn start(mut self, value: impl Into<NavigationStart>) -> Self {
        self.start = Some(value.into());
        self
    }

    /// Sets `end`: trailing texts.
    pub fn end(mut self, value: impl Into<NavigationEnd>) -> Self {
        self.end = Some(value.into());
        self
    }

    /// Sets `badge`: badge text (one per list).
    pub fn badge(mut self, value: impl Into<String>) -> Self {
        self.badge = Some(value.into());
        self
    }

    /// Sets `tags`: up to three tags.
    pub fn tags(mut self, value: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.tags = Some(value.into_iter().map(Into::into).collect());
        self
    }

    /// Sets `on-click-action`: action for this item.
    pub fn on_click_action(mut self, value: impl Into<Action>) -> Self {
        self.on_click_action = Some(value.into());
        self
    }
}

/// The main text of a NavigationList item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct MainContent {
    /// Title.
    pub title: String,
    /// Description text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Secondary text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<String>,
}

impl MainContent {
    /// A new `MainContent` with its required properties.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            description: None,
            metadata: None,
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
}

/// The leading image of a NavigationList item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct NavigationStart {
    /// Base64 image.
    pub image: String,
    /// Alternative text.
    #[serde(rename = "alt-text", default, skip_serializing_if = "Option::is_none")]
    pub alt_text: Option<String>,
}

impl NavigationStart {
    /// A new `NavigationStart` with its required properties.
    pub fn new(image: impl Into<String>) -> Self {
        Self {
            image: image.into(),
            alt_text: None,
        }
    }

    /// Sets `alt-text`: alternative text.
    pub fn alt_text(mut self, value: impl Into<String>) -> Self {
        self.alt_text = Some(value.into());
        self
    }
}

/// The trailing texts of a NavigationList item.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct NavigationEnd {
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Secondary text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<String>,
}

impl NavigationEnd {
    /// A new `NavigationEnd` with its required properties.
    pub fn new() -> Self {
        Self {
            title: None,
            description: None,
            metadata: None,
        }
    }

    /// Sets `title`: title.
    pub fn title(mut self, value: impl Into<String>) -> Self {
        self.title = Some(value.into());
        self
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
}

impl From<&str> for MainContent {
    fn from(title: &str) -> Self {
        Self::new(title)
    }
}

impl From<String> for MainContent {
    fn from(title: String) -> Self {
        Self::new(title)
    }
}
