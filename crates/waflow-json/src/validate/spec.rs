//! The component table: which components exist since which version, their properties (each with the
//! version that introduced it) and which are required. Source: Meta's Components reference and
//! FLOWS_SPEC.md §2. A unit test (`spec_agreement.rs`) checks the properties and required ones
//! against the model's structs.

use super::versions::Version;

/// Base version of Flow JSON.
const B: Version = Version::new(2, 1);
const V4_0: Version = Version::new(4, 0);
const V5_0: Version = Version::new(5, 0);
const V5_1: Version = Version::new(5, 1);
const V6_0: Version = Version::new(6, 0);
const V6_1: Version = Version::new(6, 1);
const V6_2: Version = Version::new(6, 2);
const V6_3: Version = Version::new(6, 3);
const V7_0: Version = Version::new(7, 0);
const V7_1: Version = Version::new(7, 1);

/// One component type.
#[derive(Debug)]
pub(super) struct ComponentSpec {
    /// Wire name (`type`).
    pub(super) kind: &'static str,
    /// First Flow JSON version that has it.
    pub(super) since: Version,
    /// Properties other than `type`, with the version that introduced each.
    pub(super) properties: &'static [(&'static str, Version)],
    /// Required properties.
    pub(super) required: &'static [&'static str],
}

impl ComponentSpec {
    /// The version that introduced `property`, `None` when the component has no such property.
    pub(super) fn property_since(&self, property: &str) -> Option<Version> {
        self.properties
            .iter()
            .find(|(name, _)| *name == property)
            .map(|(_, since)| *since)
    }
}

/// The spec of component `kind`.
pub(super) fn component(kind: &str) -> Option<&'static ComponentSpec> {
    COMPONENTS.iter().find(|spec| spec.kind == kind)
}

const TEXT: &[(&str, Version)] = &[("text", B), ("visible", B)];
const BODY: &[(&str, Version)] = &[
    ("text", B),
    ("visible", B),
    ("font-weight", B),
    ("strikethrough", B),
    ("markdown", V5_1),
];

/// Every component Meta defines.
pub(super) const COMPONENTS: &[ComponentSpec] = &[
    ComponentSpec {
        kind: "TextHeading",
        since: B,
        properties: TEXT,
        required: &["text"],
    },
    ComponentSpec {
        kind: "TextSubheading",
        since: B,
        properties: TEXT,
        required: &["text"],
    },
    ComponentSpec {
        kind: "TextBody",
        since: B,
        properties: BODY,
        required: &["text"],
    },
    ComponentSpec {
        kind: "TextCaption",
        since: B,
        properties: BODY,
        required: &["text"],
    },
    ComponentSpec {
        kind: "RichText",
        since: V5_1,
        properties: &[("text", V5_1), ("visible", V5_1)],
        required: &["text"],
    },
    ComponentSpec {
        kind: "TextInput",
        since: B,
        properties: &[
            ("name", B),
            ("label", B),
            ("input-type", B),
            ("pattern", V6_2),
            ("required", B),
            ("min-chars", B),
            ("max-chars", B),
            ("helper-text", B),
            ("enabled", B),
            ("visible", B),
            ("init-value", V4_0),
            ("error-message", V4_0),
            ("label-variant", V7_0),
        ],
        required: &["name", "label"],
    },
    ComponentSpec {
        kind: "TextArea",
        since: B,
        properties: &[
            ("name", B),
            ("label", B),
            ("required", B),
            ("max-length", B),
            ("helper-text", B),
            ("enabled", B),
            ("visible", B),
            ("init-value", V4_0),
            ("error-message", V4_0),
            ("label-variant", V7_0),
        ],
        required: &["name", "label"],
    },
    ComponentSpec {
        kind: "CheckboxGroup",
        since: B,
        properties: &[
            ("name", B),
            ("data-source", B),
            ("label", B),
            ("description", V4_0),
            ("min-selected-items", B),
            ("max-selected-items", B),
            ("required", B),
            ("enabled", B),
            ("visible", B),
            ("init-value", V4_0),
            ("error-message", V4_0),
            ("media-size", V5_0),
            ("on-select-action", B),
            ("on-unselect-action", V6_0),
        ],
        required: &["name", "data-source"],
    },
    ComponentSpec {
        kind: "RadioButtonsGroup",
        since: B,
        properties: &[
            ("name", B),
            ("data-source", B),
            ("label", B),
            ("description", V4_0),
            ("required", B),
            ("enabled", B),
            ("visible", B),
            ("init-value", V4_0),
            ("error-message", V4_0),
            ("media-size", V5_0),
            ("on-select-action", B),
            ("on-unselect-action", V6_0),
        ],
        required: &["name", "data-source"],
    },
    ComponentSpec {
        kind: "Dropdown",
        since: B,
        properties: &[
            ("name", B),
            ("label", B),
            ("data-source", B),
            ("required", B),
            ("enabled", B),
            ("visible", B),
            ("init-value", V4_0),
            ("error-message", V4_0),
            ("on-select-action", B),
            ("on-unselect-action", V6_0),
        ],
        required: &["name", "label", "data-source"],
    },
    ComponentSpec {
        kind: "ChipsSelector",
        since: V6_3,
        properties: &[
            ("name", V6_3),
            ("label", V6_3),
            ("data-source", V6_3),
            ("description", V6_3),
            ("min-selected-items", V6_3),
            ("max-selected-items", V6_3),
            ("required", V6_3),
            ("enabled", V6_3),
            ("visible", V6_3),
            ("init-value", V6_3),
            ("error-message", V6_3),
            ("on-select-action", V7_1),
            ("on-unselect-action", V7_1),
        ],
        required: &["name", "label", "data-source"],
    },
    ComponentSpec {
        kind: "DatePicker",
        since: B,
        properties: &[
            ("name", B),
            ("label", B),
            ("min-date", B),
            ("max-date", B),
            ("unavailable-dates", B),
            ("helper-text", B),
            ("enabled", B),
            ("required", B),
            ("visible", B),
            ("init-value", V4_0),
            ("error-message", V4_0),
            ("on-select-action", B),
        ],
        required: &["name", "label"],
    },
    ComponentSpec {
        kind: "CalendarPicker",
        since: V6_1,
        properties: &[
            ("name", V6_1),
            ("label", V6_1),
            ("title", V6_1),
            ("description", V6_1),
            ("mode", V6_1),
            ("min-date", V6_1),
            ("max-date", V6_1),
            ("unavailable-dates", V6_1),
            ("include-days", V6_1),
            ("min-days", V6_1),
            ("max-days", V6_1),
            ("helper-text", V6_1),
            ("required", V6_1),
            ("enabled", V6_1),
            ("visible", V6_1),
            ("init-value", V6_1),
            ("error-message", V6_1),
            ("on-select-action", V6_1),
        ],
        required: &["name", "label"],
    },
    ComponentSpec {
        kind: "OptIn",
        since: B,
        properties: &[
            ("name", B),
            ("label", B),
            ("required", B),
            ("visible", B),
            ("init-value", V4_0),
            ("on-click-action", B),
            ("on-select-action", V6_0),
            ("on-unselect-action", V6_0),
        ],
        required: &["name", "label"],
    },
    ComponentSpec {
        kind: "EmbeddedLink",
        since: B,
        properties: &[("text", B), ("on-click-action", B), ("visible", B)],
        required: &["text", "on-click-action"],
    },
    ComponentSpec {
        kind: "Footer",
        since: B,
        properties: &[
            ("label", B),
            ("on-click-action", B),
            ("left-caption", B),
            ("center-caption", B),
            ("right-caption", B),
            ("enabled", B),
        ],
        required: &["label", "on-click-action"],
    },
    ComponentSpec {
        kind: "Image",
        since: B,
        properties: &[
            ("src", B),
            ("width", B),
            ("height", B),
            ("scale-type", B),
            ("aspect-ratio", B),
            ("alt-text", B),
            ("visible", B),
        ],
        required: &["src"],
    },
    ComponentSpec {
        kind: "ImageCarousel",
        since: V7_1,
        properties: &[
            ("images", V7_1),
            ("aspect-ratio", V7_1),
            ("scale-type", V7_1),
            ("visible", V7_1),
        ],
        required: &["images"],
    },
    ComponentSpec {
        kind: "PhotoPicker",
        since: V4_0,
        properties: &[
            ("name", V4_0),
            ("label", V4_0),
            ("description", V4_0),
            ("photo-source", V4_0),
            ("max-file-size-kb", V4_0),
            ("min-uploaded-photos", V4_0),
            ("max-uploaded-photos", V4_0),
            ("enabled", V4_0),
            ("visible", V4_0),
            ("error-message", V4_0),
        ],
        required: &["name", "label"],
    },
    ComponentSpec {
        kind: "DocumentPicker",
        since: V4_0,
        properties: &[
            ("name", V4_0),
            ("label", V4_0),
            ("description", V4_0),
            ("max-file-size-kb", V4_0),
            ("min-uploaded-documents", V4_0),
            ("max-uploaded-documents", V4_0),
            ("allowed-mime-types", V4_0),
            ("enabled", V4_0),
            ("visible", V4_0),
            ("error-message", V4_0),
        ],
        required: &["name", "label"],
    },
    ComponentSpec {
        kind: "NavigationList",
        since: V6_2,
        properties: &[
            ("name", V6_2),
            ("list-items", V6_2),
            ("label", V6_2),
            ("description", V6_2),
            ("media-size", V6_2),
            ("on-click-action", V6_2),
        ],
        required: &["name", "list-items"],
    },
    ComponentSpec {
        kind: "If",
        since: V4_0,
        properties: &[("condition", V4_0), ("then", V4_0), ("else", V4_0)],
        required: &["condition", "then"],
    },
    ComponentSpec {
        kind: "Switch",
        since: V4_0,
        properties: &[("value", V4_0), ("cases", V4_0)],
        required: &["value", "cases"],
    },
    ComponentSpec {
        kind: "Form",
        since: B,
        properties: &[
            ("name", B),
            ("children", B),
            ("init-values", B),
            ("error-messages", B),
        ],
        required: &["name", "children"],
    },
];

/// Components allowed inside If/Switch branches, with the version that allowed each.
pub(super) const BRANCH_COMPONENTS: &[(&str, Version)] = &[
    ("TextHeading", V4_0),
    ("TextSubheading", V4_0),
    ("TextBody", V4_0),
    ("TextCaption", V4_0),
    ("CheckboxGroup", V4_0),
    ("DatePicker", V4_0),
    ("Dropdown", V4_0),
    ("EmbeddedLink", V4_0),
    ("Footer", V4_0),
    ("Image", V4_0),
    ("OptIn", V4_0),
    ("RadioButtonsGroup", V4_0),
    ("Switch", V4_0),
    ("TextArea", V4_0),
    ("TextInput", V4_0),
    ("If", V4_0),
    ("ChipsSelector", V7_1),
];

/// Allowed values of enumerated properties.
pub(super) const ENUMS: &[(&str, &[&str])] = &[
    (
        "input-type",
        &["text", "number", "email", "password", "passcode", "phone"],
    ),
    ("font-weight", &["bold", "italic", "bold_italic", "normal"]),
    ("scale-type", &["cover", "contain"]),
    ("media-size", &["regular", "large"]),
    ("photo-source", &["camera_gallery", "camera", "gallery"]),
    ("mode", &["single", "range"]),
    ("label-variant", &["large"]),
];

#[cfg(test)]
#[path = "spec_agreement.rs"]
mod agreement;
