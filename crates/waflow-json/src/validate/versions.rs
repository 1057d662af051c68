//! Flow JSON and Data API versions: which exist, which are frozen, top-level keys gated by version.

use super::{context::Doc, report::Report, rule::Rule};

/// A Flow JSON version, `major.minor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) struct Version {
    major: u8,
    minor: u8,
}

impl Version {
    /// `major.minor`.
    pub(super) const fn new(major: u8, minor: u8) -> Self {
        Self { major, minor }
    }

    /// The versions taken for an unknown or missing version: the latest.
    pub(super) const LATEST: Self = Self::new(7, 3);

    /// Parses `"7.3"`; `None` for anything that is not a version Meta defines.
    pub(super) fn parse(text: &str) -> Option<Self> {
        let (major, minor) = text.split_once('.')?;
        let version = Self::new(major.parse().ok()?, minor.parse().ok()?);
        KNOWN.contains(&version).then_some(version)
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// Every Flow JSON version Meta defines (changelog, late 2025).
const KNOWN: [Version; 14] = [
    Version::new(2, 1),
    Version::new(3, 0),
    Version::new(3, 1),
    Version::new(4, 0),
    Version::new(5, 0),
    Version::new(5, 1),
    Version::new(6, 0),
    Version::new(6, 1),
    Version::new(6, 2),
    Version::new(6, 3),
    Version::new(7, 0),
    Version::new(7, 1),
    Version::new(7, 2),
    Version::new(7, 3),
];

/// Frozen: no longer publishable, still sendable (2.1–4.0 since 2025-04-08, 5.0 since 2025-09-10).
const FROZEN: [Version; 5] = [
    Version::new(2, 1),
    Version::new(3, 0),
    Version::new(3, 1),
    Version::new(4, 0),
    Version::new(5, 0),
];

/// Data API versions.
const DATA_API: [&str; 2] = ["3.0", "4.0"];

/// Checks `version`, `data_api_version`, `data_channel_uri` and `routing_model` presence.
pub(super) fn check(doc: &Doc<'_>, report: &mut Report) {
    match doc.root.get("version") {
        None => report.error(
            Rule::MissingFlowJsonVersion,
            "",
            "Flow JSON version is not specified.",
        ),
        Some(serde_json::Value::String(text)) => match Version::parse(text) {
            None => report.error(
                Rule::InvalidFlowJsonVersion,
                "/version",
                format!("No schema found for the given version {text}."),
            ),
            Some(version) if FROZEN.contains(&version) => report.warning(
                Rule::FrozenFlowJsonVersion,
                "/version",
                format!(
                    "Flow JSON version {version} is frozen: Meta no longer publishes flows in it, \
                     only sends existing ones; move to {} to publish.",
                    Version::LATEST
                ),
            ),
            Some(_) => {}
        },
        Some(other) => report.error(
            Rule::InvalidPropertyType,
            "/version",
            format!(
                "Expected property 'version' to be of type 'string' but found '{}'.",
                super::value_type::name(other)
            ),
        ),
    }
    if let Some(api) = doc.root.get("data_api_version") {
        let ok = api.as_str().is_some_and(|text| DATA_API.contains(&text));
        if !ok {
            report.error(
                Rule::InvalidDataApiVersion,
                "/data_api_version",
                format!(
                    "Invalid value found for property 'data_api_version'. Expected one of: [{}].",
                    DATA_API.join(", ")
                ),
            );
        } else if api.as_str() == Some("4.0") && doc.version < Version::new(7, 3) {
            report.error(
                Rule::InvalidDataApiVersion,
                "/data_api_version",
                format!(
                    "Property 'data_api_version' \"4.0\" needs Flow JSON version 7.3; this flow \
                     uses {}, which takes only \"3.0\".",
                    doc.version
                ),
            );
        }
        if !doc.root.contains_key("routing_model") {
            report.error(
                Rule::MissingRequiredProperty,
                "",
                "The property 'routing_model' is required for property 'data_api_version'.",
            );
        }
    }
    if doc.root.contains_key("data_channel_uri") && doc.version >= Version::new(3, 0) {
        report.error(
            Rule::InvalidPropertyKey,
            "/data_channel_uri",
            "Property 'data_channel_uri' is no longer supported in Flow JSON as of version '3.0'; \
             set the endpoint_uri of the flow through the API instead.",
        );
    }
    for key in doc.root.keys() {
        if !TOP_LEVEL_KEYS.contains(&key.as_str()) {
            report.error(
                Rule::InvalidPropertyKey,
                super::pointer::join("", key),
                format!("Property '{key}' is not allowed at the top level of Flow JSON."),
            );
        }
    }
}

/// The keys a Flow JSON document may have.
const TOP_LEVEL_KEYS: [&str; 5] = [
    "version",
    "screens",
    "routing_model",
    "data_api_version",
    "data_channel_uri",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_known_versions_only() {
        assert_eq!(Version::parse("7.3"), Some(Version::new(7, 3)));
        assert_eq!(Version::parse("3.0"), Some(Version::new(3, 0)));
        assert_eq!(Version::parse("7.4"), None);
        assert_eq!(Version::parse("seven"), None);
        assert!(Version::new(6, 3) < Version::new(7, 0));
    }
}
