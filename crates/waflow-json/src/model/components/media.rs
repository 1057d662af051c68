//! Images and media uploads: Image, ImageCarousel (7.1+), PhotoPicker and DocumentPicker (4.0+).
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! let photo = PhotoPicker::new("photo", "Your photo").max_uploaded_photos(1);
//! assert_eq!(photo.r().to_string(), "${form.photo}");
//! ```

use super::enums::PhotoSource;
use super::enums::PickerError;
use super::enums::ScaleType;
use crate::model::dynamic::Dynamic;
use crate::refs::Ref;
use serde::{Deserialize, Serialize};

/// A base64 image.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct Image {
    /// Base64 JPEG/PNG, or a `${data.x}` reference.
    pub src: String,
    /// Width.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<Dynamic<u32>>,
    /// Height.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<Dynamic<u32>>,
    /// `cover` or `contain` (default).
    #[serde(
        rename = "scale-type",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scale_type: Option<ScaleType>,
    /// Aspect ratio (default 1).
    #[serde(
        rename = "aspect-ratio",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub aspect_ratio: Option<Dynamic<serde_json::Number>>,
    /// Alternative text.
    #[serde(rename = "alt-text", default, skip_serializing_if = "Option::is_none")]
    pub alt_text: Option<String>,
    /// Shows or hides the component (literal or `${...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<Dynamic<bool>>,
}

impl Image {
    /// A new `Image` with its required properties.
    pub fn new(src: impl Into<String>) -> Self {
        Self {
            src: src.into(),
            width: None,
            height: None,
            scale_type: None,
            aspect_ratio: None,
            alt_text: None,
            visible: None,
        }
    }

    /// Sets `width`: width.
    pub fn width(mut self, value: impl Into<Dynamic<u32>>) -> Self {
        self.width = Some(value.into());
        self
    }

    /// Sets `height`: height.
    pub fn height(mut self, value: impl Into<Dynamic<u32>>) -> Self {
        self.height = Some(value.into());
        self
    }

    /// Sets `scale-type`: `cover` or `contain` (default).
    pub fn scale_type(mut self, value: impl Into<ScaleType>) -> Self {
        self.scale_type = Some(value.into());
        self
    }

    /// Sets `aspect-ratio`: aspect ratio (default 1).
    pub fn aspect_ratio(mut self, value: impl Into<Dynamic<serde_json::Number>>) -> Self {
        self.aspect_ratio = Some(value.into());
        self
    }

    /// Sets `alt-text`: alternative text.
    pub fn alt_text(mut self, value: impl Into<String>) -> Self {
        self.alt_text = Some(value.into());
        self
    }

    /// Sets `visible`: shows or hides the component (literal or `${...}`).
    pub fn visible(mut self, value: impl Into<Dynamic<bool>>) -> Self {
        self.visible = Some(value.into());
        self
    }
}

/// Up to three swipeable images (7.1+).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct ImageCarousel {
    /// The images (1 to 3).
    pub images: Dynamic<Vec<CarouselImage>>,
    /// `4:3` (default) or `16:9`.
    #[serde(
        rename = "aspect-ratio",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub aspect_ratio: Option<String>,
    /// `contain` (default) or `cover`.
    #[serde(
        rename = "scale-type",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scale_type: Option<ScaleType>,
    /// Shows or hides the component (literal or `${...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<Dynamic<bool>>,
}

impl ImageCarousel {
    /// A new `ImageCarousel` with its required properties.
    pub fn new(images: impl IntoIterator<Item = CarouselImage>) -> Self {
        Self {
            images: Dynamic::Value(images.into_iter().collect()),
            aspect_ratio: None,
            scale_type: None,
            visible: None,
        }
    }

    /// Sets `aspect-ratio`: `4:3` (default) or `16:9`.
    pub fn aspect_ratio(mut self, value: impl Into<String>) -> Self {
        self.aspect_ratio = Some(value.into());
        self
    }

    /// Sets `scale-type`: `contain` (default) or `cover`.
    pub fn scale_type(mut self, value: impl Into<ScaleType>) -> Self {
        self.scale_type = Some(value.into());
        self
    }

    /// Sets `visible`: shows or hides the component (literal or `${...}`).
    pub fn visible(mut self, value: impl Into<Dynamic<bool>>) -> Self {
        self.visible = Some(value.into());
        self
    }
}

/// Upload photos from the camera or gallery (4.0+).
///
/// **Your endpoint receives** (only from a top-level `${form.name}` payload entry) an array of
/// `{"file_name", "media_id", "cdn_url", "encryption_metadata": {"encryption_key", "hmac_key",
/// "iv", "plaintext_hash", "encrypted_hash"}}`: download `cdn_url` and decrypt it with
/// `waflow::crypto::media::decrypt_media`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct PhotoPicker {
    /// The field name: key of `${form.name}` and of the submitted value.
    pub name: String,
    /// The label.
    pub label: String,
    /// Description text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where photos come from.
    #[serde(
        rename = "photo-source",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub photo_source: Option<PhotoSource>,
    /// Per-file limit in KiB (1..=25600).
    #[serde(
        rename = "max-file-size-kb",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_file_size_kb: Option<Dynamic<u32>>,
    /// Minimum photos (0..=30).
    #[serde(
        rename = "min-uploaded-photos",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub min_uploaded_photos: Option<Dynamic<u32>>,
    /// Maximum photos (1..=30).
    #[serde(
        rename = "max-uploaded-photos",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_uploaded_photos: Option<Dynamic<u32>>,
    /// Whether the user can interact with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<Dynamic<bool>>,
    /// Shows or hides the component (literal or `${...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<Dynamic<bool>>,
    /// Error text, or per-media-id errors.
    #[serde(
        rename = "error-message",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub error_message: Option<PickerError>,
}

impl PhotoPicker {
    /// A new `PhotoPicker` with its required properties.
    pub fn new(name: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            label: label.into(),
            description: None,
            photo_source: None,
            max_file_size_kb: None,
            min_uploaded_photos: None,
            max_uploaded_photos: None,
            enabled: None,
            visible: None,
            error_message: None,
        }
    }

    /// Sets `description`: description text.
    pub fn description(mut self, value: impl Into<String>) -> Self {
        self.description = Some(value.into());
        self
    }

    /// Sets `photo-source`: where photos come from.
    pub fn photo_source(mut self, value: impl Into<PhotoSource>) -> Self {
        self.photo_source = Some(value.into());
        self
    }

    /// Sets `max-file-size-kb`: per-file limit in KiB (1..=25600).
    pub fn max_file_size_kb(mut self, value: impl Into<Dynamic<u32>>) -> Self {
        self.max_file_size_kb = Some(value.into());
        self
    }

    /// Sets `min-uploaded-photos`: minimum photos (0..=30).
    pub fn min_uploaded_photos(mut self, value: impl Into<Dynamic<u32>>) -> Self {
        self.min_uploaded_photos = Some(value.into());
        self
    }

    /// Sets `max-uploaded-photos`: maximum photos (1..=30).
    pub fn max_uploaded_photos(mut self, value: impl Into<Dynamic<u32>>) -> Self {
        self.max_uploaded_photos = Some(value.into());
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

    /// Sets `error-message`: error text, or per-media-id errors.
    pub fn error_message(mut self, value: impl Into<PickerError>) -> Self {
        self.error_message = Some(value.into());
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

/// Upload documents (4.0+).
///
/// **Your endpoint receives** the same array of uploaded files as [`PhotoPicker`] delivers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct DocumentPicker {
    /// The field name: key of `${form.name}` and of the submitted value.
    pub name: String,
    /// The label.
    pub label: String,
    /// Description text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Per-file limit in KiB (1..=25600).
    #[serde(
        rename = "max-file-size-kb",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_file_size_kb: Option<Dynamic<u32>>,
    /// Minimum documents (0..=30).
    #[serde(
        rename = "min-uploaded-documents",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub min_uploaded_documents: Option<Dynamic<u32>>,
    /// Maximum documents (1..=30).
    #[serde(
        rename = "max-uploaded-documents",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_uploaded_documents: Option<Dynamic<u32>>,
    /// Accepted MIME types.
    #[serde(
        rename = "allowed-mime-types",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed_mime_types: Option<Dynamic<Vec<String>>>,
    /// Whether the user can interact with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<Dynamic<bool>>,
    /// Shows or hides the component (literal or `${...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<Dynamic<bool>>,
    /// Error text, or per-media-id errors.
    #[serde(
        rename = "error-message",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub error_message: Option<PickerError>,
}

impl DocumentPicker {
    /// A new `DocumentPicker` with its required properties.
    pub fn new(name: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            label: label.into(),
            description: None,
            max_file_size_kb: None,
            min_uploaded_documents: None,
            max_uploaded_documents: None,
            allowed_mime_types: None,
            enabled: None,
            visible: None,
            error_message: None,
        }
    }

    /// Sets `description`: description text.
    pub fn description(mut self, value: impl Into<String>) -> Self {
        self.description = Some(value.into());
        self
    }

    /// Sets `max-file-size-kb`: per-file limit in KiB (1..=25600).
    pub fn max_file_size_kb(mut self, value: impl Into<Dynamic<u32>>) -> Self {
        self.max_file_size_kb = Some(value.into());
        self
    }

    /// Sets `min-uploaded-documents`: minimum documents (0..=30).
    pub fn min_uploaded_documents(mut self, value: impl Into<Dynamic<u32>>) -> Self {
        self.min_uploaded_documents = Some(value.into());
        self
    }

    /// Sets `max-uploaded-documents`: maximum documents (1..=30).
    pub fn max_uploaded_documents(mut self, value: impl Into<Dynamic<u32>>) -> Self {
        self.max_uploaded_documents = Some(value.into());
        self
    }

    /// Sets `allowed-mime-types`: accepted MIME types.
    pub fn allowed_mime_types(mut self, value: impl Into<Dynamic<Vec<String>>>) -> Self {
        self.allowed_mime_types = Some(value.into());
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

    /// Sets `error-message`: error text, or per-media-id errors.
    pub fn error_message(mut self, value: impl Into<PickerError>) -> Self {
        self.error_message = Some(value.into());
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
/// One image of an ImageCarousel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct CarouselImage {
    /// Base64 image.
    pub src: String,
    /// Alternative text.
    #[serde(rename = "alt-text")]
    pub alt_text: String,
}

impl CarouselImage {
    /// A new `CarouselImage` with its required properties.
    pub fn new(src: impl Into<String>, alt_text: impl Into<String>) -> Self {
        Self {
            src: src.into(),
            alt_text: alt_text.into(),
        }
    }
}
