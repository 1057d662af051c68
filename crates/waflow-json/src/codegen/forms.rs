//! A Form's Footer payload as a `#[derive(serde::Deserialize, FormData)]` struct: the struct the
//! endpoint reads the payload into, whose `payload()` builds the Footer's.

use std::fmt::Write as _;

use serde_json::Value;

use super::data::{RustType, type_name};
use super::lit;
use super::names::{self, Names};
use super::writer::Writer;
use crate::model::action::ActionPayload;
use crate::model::components::Form;

/// What fills one payload key.
enum Entry {
    /// `${form.key}`: the input of that name, read as this type.
    Input(String),
    /// `${data.key}`: the screen's data, read as this type.
    Data(String),
    /// A fixed string.
    Fixed(String),
}

impl Writer {
    /// `Name::payload()` of a new `FormData` struct, when `payload` belongs to an action inside
    /// a Form and holds that Form's inputs (`${form.key}` under their own key), with perhaps the
    /// screen's data under its own key (`${data.key}`) and fixed strings.
    pub(super) fn form_payload(&mut self, payload: &ActionPayload) -> Option<String> {
        let (screen, form) = self.form.as_ref()?;
        let mut entries = Vec::new();
        for (key, value) in payload {
            let text = value.as_str()?;
            let entry = if text == format!("${{form.{key}}}") {
                Entry::Input(input_type(form, key))
            } else if text == format!("${{data.{key}}}") {
                let ty = self
                    .typed(&self.current)
                    .and_then(|data| data.field(key))
                    .map(|field| &field.ty);
                Entry::Data(match ty {
                    Some(ty @ (RustType::Str | RustType::Bool | RustType::I64 | RustType::U64)) => {
                        type_name(ty)
                    }
                    Some(RustType::F64) => "f64".to_owned(),
                    _ => "serde_json::Value".to_owned(),
                })
            } else if !text.contains("${") {
                Entry::Fixed(text.to_owned())
            } else {
                return None;
            };
            entries.push((key.clone(), entry));
        }
        if !entries.iter().any(|(_, e)| matches!(e, Entry::Input(_))) {
            return None;
        }
        let base = format!("{screen}{}", names::pascal(&form.name, "Form"));
        let form_name = form.name.clone();
        let name = self.types.claim(&base, &["Names"]);
        let mut source = format!(
            "/// What the Footer of the form `{form_name}` on `{}` sends.\n\
             #[derive(serde::Deserialize, FormData)]\npub struct {name} {{\n",
            self.current
        );
        let mut idents = Names::values();
        for (key, entry) in entries {
            let ident = idents.claim(&names::field(&key), &[]);
            if ident != key {
                let _ = writeln!(source, "    #[serde(rename = {})]", lit(&key));
            }
            let ty = match entry {
                Entry::Input(ty) => ty,
                Entry::Data(ty) => {
                    source.push_str("    #[flow(data)]\n");
                    ty
                }
                Entry::Fixed(text) => {
                    let _ = writeln!(source, "    #[flow(value = {})]", lit(&text));
                    "String".to_owned()
                }
            };
            let _ = writeln!(source, "    pub {ident}: {ty},");
        }
        source.push_str("}\n");
        self.items.push(source);
        Some(format!("{name}::payload()"))
    }
}

/// The Rust type an input's value is read as: found by its name among the Form's components.
fn input_type(form: &Form, name: &str) -> String {
    let children = serde_json::to_value(&form.children).unwrap_or(Value::Null);
    let kind = find_named(&children, name)
        .and_then(|c| c.get("type"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    match kind {
        "TextInput" | "TextArea" | "DatePicker" | "Dropdown" | "RadioButtonsGroup" => "String",
        "OptIn" => "bool",
        "CheckboxGroup" | "ChipsSelector" => "Vec<String>",
        _ => "serde_json::Value",
    }
    .to_owned()
}

fn find_named<'a>(value: &'a Value, name: &str) -> Option<&'a Value> {
    match value {
        Value::Object(map) => {
            if map.get("name").and_then(Value::as_str) == Some(name) && map.contains_key("type") {
                return Some(value);
            }
            map.values().find_map(|v| find_named(v, name))
        }
        Value::Array(items) => items.iter().find_map(|v| find_named(v, name)),
        _ => None,
    }
}
