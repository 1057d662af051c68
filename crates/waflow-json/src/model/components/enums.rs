//! Closed value sets of component properties (each with an `Other` escape hatch) and small
//! property shapes shared by several components.
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! assert_eq!(InputType::Password.as_str(), "password");
//! assert_eq!(InputType::from_wire("url"), InputType::Other("url".into()));
//! ```

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::wire_enum::wire_enum;

wire_enum! {
    /// TextBody/TextCaption `font-weight`.
    FontWeight {
        /// `bold`
        Bold = "bold",
        /// `italic`
        Italic = "italic",
        /// `bold_italic`
        BoldItalic = "bold_italic",
        /// `normal`
        Normal = "normal",
    }
}

wire_enum! {
    /// TextInput `input-type`.
    InputType {
        /// `text`
        Text = "text",
        /// `number`
        Number = "number",
        /// `email`
        Email = "email",
        /// `password`
        Password = "password",
        /// `passcode`
        Passcode = "passcode",
        /// `phone`
        Phone = "phone",
    }
}

wire_enum! {
    /// TextInput/TextArea `label-variant` (7.0+).
    LabelVariant {
        /// `large`
        Large = "large",
    }
}

wire_enum! {
    /// `media-size` of choice components and NavigationList.
    MediaSize {
        /// `regular`
        Regular = "regular",
        /// `large`
        Large = "large",
    }
}

wire_enum! {
    /// CalendarPicker `mode`.
    CalendarMode {
        /// `single`
        Single = "single",
        /// `range`
        Range = "range",
    }
}

wire_enum! {
    /// Image/ImageCarousel `scale-type`.
    ScaleType {
        /// `cover`
        Cover = "cover",
        /// `contain`
        Contain = "contain",
    }
}

wire_enum! {
    /// PhotoPicker `photo-source`.
    PhotoSource {
        /// `camera_gallery` (default)
        CameraGallery = "camera_gallery",
        /// `camera`
        Camera = "camera",
        /// `gallery`
        Gallery = "gallery",
    }
}

wire_enum! {
    /// The layout `type`; Meta defines only `SingleColumnLayout`.
    LayoutType {
        /// `SingleColumnLayout`
        SingleColumn = "SingleColumnLayout",
    }
}

/// A picker's `error-message`: one text, or texts per uploaded media id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum PickerError {
    /// One message (may be a `${...}` reference).
    One(String),
    /// Messages per media id.
    PerMedia(IndexMap<String, String>),
}

impl From<&str> for PickerError {
    fn from(value: &str) -> Self {
        Self::One(value.to_owned())
    }
}

impl From<String> for PickerError {
    fn from(value: String) -> Self {
        Self::One(value)
    }
}
