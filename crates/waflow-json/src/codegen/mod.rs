//! Rust from Flow JSON: the source of a module that builds the same flow with the typed builder
//! (what `waflow import` prints), so a flow designed in Meta's Builder becomes code.
//!
//! The module declares the flow the typed way ([`crate::typed`]):
//!
//! - one `pub const NAME: ScreenId<NameData> = ScreenId::new("NAME");` per screen (`ScreenId`
//!   for a screen without data), named in `SCREAMING_CASE` (ids that are no Rust name, or that
//!   would give a name twice, get a sanitised or numbered one);
//! - for each screen with data, a `#[derive(serde::Serialize, DataModel)]` struct whose derived
//!   schema is the input's `data`, with nested `#[derive(serde::Serialize)]` structs for objects;
//!   a screen whose data the derive cannot write exactly (a schema that is not the one its
//!   `__example__` implies, a `null` example, a description, …) keeps the untyped
//!   `.data([...])` form, with a comment saying why;
//! - `Screen::new(CONST)`, the routing model through `routes!`, `CONST.refs().field` for the
//!   screen's `${data.…}` references, `Action::navigate_to(CONST, &Data { … })` where that gives
//!   the payload exactly, and a `#[derive(serde::Deserialize, FormData)]` struct for a Form's
//!   Footer payload made of its inputs.
//!
//! Each builder call is checked while it is written: the generator builds the same value the
//! emitted code builds and refuses ([`CodegenError`]) when it would differ from the input. Texts,
//! Footer, EmbeddedLink, Form, TextInput and actions with string payloads become builder calls;
//! any other component or action is emitted from its JSON text through a small helper, still
//! typed as [`Component`] / [`Action`].
//!
//! ```
//! use waflow_json::{FlowJson, codegen::rust_module};
//!
//! let flow = FlowJson::from_json_str(r#"{"version": "7.3", "screens": [{"id": "HELLO",
//!   "terminal": true, "data": {"name": {"type": "string", "__example__": "Ada"}},
//!   "layout": {"type": "SingleColumnLayout", "children": [
//!   {"type": "TextHeading", "text": "${data.name}"}]}}]}"#).unwrap();
//! let rust = rust_module(&flow, "hello.json").unwrap();
//! assert!(rust.contains(r#"pub const HELLO: ScreenId<HelloData> = ScreenId::new("HELLO");"#));
//! assert!(rust.contains("#[derive(serde::Serialize, DataModel)]\npub struct HelloData {"));
//! assert!(rust.contains(r#"#[flow(example = "Ada")]"#));
//! assert!(rust.contains("TextHeading::new(HELLO.refs().name)"));
//! assert!(rust.contains("pub fn flow() -> FlowJson"));
//! ```

mod components;
mod data;
mod forms;
mod names;
mod writer;

use std::fmt::Write as _;

use crate::FlowJson;
#[cfg(doc)]
use crate::{Action, Component};

/// Why a flow could not be turned into Rust.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CodegenError {
    /// The emitted builder calls would build something else than the input at this place.
    #[error("the generated code would differ from the input at {0}")]
    Differs(String),
}

/// The source of a Rust module with `pub fn flow() -> FlowJson` building `flow`, and the typed
/// screen declarations it uses; `origin` names the input in the module's doc comment.
pub fn rust_module(flow: &FlowJson, origin: &str) -> Result<String, CodegenError> {
    let mut writer = writer::Writer::new(flow);
    let mut body = String::new();
    let mut built = FlowJson::new(flow.version.clone());
    let _ = write!(
        body,
        "\n/// The flow of `{origin}`.\npub fn flow() -> FlowJson {{\n    FlowJson::new({})",
        version_expr(
            flow.version.as_str(),
            "FlowVersion",
            flow.version.is_known()
        )
    );
    if let Some(api) = &flow.data_api_version {
        built = built.data_api_version(api.clone());
        let _ = write!(
            body,
            "\n        .data_api_version({})",
            version_expr(api.as_str(), "DataApiVersion", api.is_known())
        );
    }
    if let Some(uri) = &flow.data_channel_uri {
        built = built.data_channel_uri(uri.clone());
        let _ = write!(body, "\n        .data_channel_uri({})", lit(uri));
    }
    if let Some(model) = &flow.routing_model {
        built.routing_model = Some(model.clone());
        if model.is_empty() {
            body.push_str("\n        .routing(Vec::<(&str, &[&str])>::new())");
        } else {
            body.push_str("\n        .routing(routes! {");
            for (from, to) in model {
                let to: Vec<String> = to.iter().map(|s| writer.screen_ref(s)).collect();
                let _ = write!(
                    body,
                    "\n            {} => [{}],",
                    writer.screen_ref(from),
                    to.join(", ")
                );
            }
            body.push_str("\n        })");
        }
    }
    body.push_str("\n        .screens([");
    for (index, screen) in flow.screens.iter().enumerate() {
        let at = format!("/screens/{index}");
        let (code, typed) = writer.screen_code(screen, &at)?;
        if typed != *screen {
            return Err(CodegenError::Differs(at));
        }
        built = built.screen(typed);
        let _ = write!(body, "\n            {code},");
    }
    body.push_str("\n        ])\n}\n");
    if built != *flow {
        return Err(CodegenError::Differs(String::new()));
    }

    let mut out = String::new();
    let _ = writeln!(
        out,
        "//! Generated by `waflow import` from `{origin}`: the flow built with waflow's typed builder."
    );
    out.push('\n');
    let helpers = writer.helpers();
    if !helpers.is_empty() {
        out.push_str("#![allow(clippy::expect_used)]\n\n");
    }
    out.push_str("use waflow_json::prelude::*;\n");
    out.push_str(&writer.declarations());
    out.push_str(&body);
    out.push_str(&helpers);
    Ok(out)
}

fn version_expr(wire: &str, kind: &str, known: bool) -> String {
    if known {
        format!("{kind}::V{}", wire.replace('.', "_"))
    } else {
        format!("{kind}::Other({}.into())", lit(wire))
    }
}

/// A Rust string literal.
fn lit(text: &str) -> String {
    format!("{text:?}")
}

/// A raw string literal holding `text`, with enough `#` that it cannot end early.
fn raw(text: &str) -> String {
    let mut hashes = String::from("#");
    while text.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{text}\"{hashes}")
}

fn json_text<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}
