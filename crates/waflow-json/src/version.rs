//! Flow JSON and Data API versions.
//!
//! ```
//! use waflow_json::{DataApiVersion, FlowVersion};
//!
//! assert!(FlowVersion::V6_0 > FlowVersion::V5_1);
//! assert_eq!(FlowVersion::LATEST.as_str(), "7.3");
//! assert_eq!("9.9".parse::<FlowVersion>().ok(), Some(FlowVersion::Other("9.9".into())));
//! assert_eq!(DataApiVersion::V4_0.as_str(), "4.0");
//! ```

use std::cmp::Ordering;

use crate::wire_enum::wire_enum;

wire_enum! {
    /// The Flow JSON `version` of a document. Versions are ordered by (major, minor); an unknown
    /// version is kept in [`FlowVersion::Other`] so the document round-trips.
    FlowVersion {
        /// 2.1, the first public version.
        V2_1 = "2.1",
        /// 3.0: `data_channel_uri` removed.
        V3_0 = "3.0",
        /// 3.1.
        V3_1 = "3.1",
        /// 4.0: If, Switch, pickers, global refs, optional Form.
        V4_0 = "4.0",
        /// 5.0: images and colours in data sources, `YYYY-MM-DD` dates.
        V5_0 = "5.0",
        /// 5.1: RichText, markdown, `sensitive`.
        V5_1 = "5.1",
        /// 6.0: nested expressions, `update_data`, `open_url`.
        V6_0 = "6.0",
        /// 6.1: CalendarPicker.
        V6_1 = "6.1",
        /// 6.2: NavigationList, TextInput `pattern`.
        V6_2 = "6.2",
        /// 6.3: ChipsSelector.
        V6_3 = "6.3",
        /// 7.0: `label-variant`.
        V7_0 = "7.0",
        /// 7.1: ImageCarousel.
        V7_1 = "7.1",
        /// 7.2.
        V7_2 = "7.2",
        /// 7.3, the newest published version.
        V7_3 = "7.3",
    }
}

wire_enum! {
    /// The `data_api_version` of a flow that talks to an endpoint.
    DataApiVersion {
        /// 3.0.
        V3_0 = "3.0",
        /// 4.0: adds `flow_token_signature`.
        V4_0 = "4.0",
    }
}

impl FlowVersion {
    /// The newest version this crate knows.
    pub const LATEST: Self = Self::V7_3;

    /// `(major, minor)` when the version has that shape.
    pub fn major_minor(&self) -> Option<(u32, u32)> {
        let (major, minor) = self.as_str().split_once('.')?;
        Some((major.parse().ok()?, minor.parse().ok()?))
    }
}

impl PartialOrd for FlowVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FlowVersion {
    /// Numeric `(major, minor)` order; versions without that shape sort after all others, by text.
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.major_minor(), other.major_minor()) {
            (Some(a), Some(b)) => a.cmp(&b).then_with(|| self.as_str().cmp(other.as_str())),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => self.as_str().cmp(other.as_str()),
        }
    }
}
