//! The typed model of a Flow JSON document: flow, screens, data model, components, actions and
//! dynamic values. Builders are methods on the same types.
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! let doc = r#"{"version":"3.0","screens":[{"id":"A","terminal":true,"layout":{
//!   "type":"SingleColumnLayout","children":[{"type":"Footer","label":"OK",
//!   "on-click-action":{"name":"complete","payload":{}}}]}}]}"#;
//! let flow = FlowJson::from_json_str(doc).unwrap();
//! assert_eq!(flow.version, FlowVersion::V3_0);
//! assert!(matches!(flow.screens[0].layout.children[0], Component::Footer(_)));
//! ```

pub mod action;
pub mod components;
pub mod data;
pub mod dynamic;
pub mod flow;
pub mod screen;
