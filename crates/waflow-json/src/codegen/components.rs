//! The builder calls of components and actions, each checked against the value it must build.

use std::fmt::Write as _;

use serde_json::Value;

use super::data::{RustType, value_expr};
use super::writer::Writer;
use super::{CodegenError, json_text, lit, raw};
use crate::model::action::{ActionPayload, Next, NextType};
use crate::model::components::{
    EmbeddedLink, Footer, Form, TextBody, TextCaption, TextHeading, TextInput, TextSubheading,
};
use crate::model::dynamic::Dynamic;
use crate::{Action, Component};

impl Writer {
    /// The builder call for a component, or its JSON through `component(…)`.
    pub(super) fn component_code(
        &mut self,
        component: &Component,
        at: &str,
        depth: usize,
    ) -> Result<(String, Component), CodegenError> {
        let (items, helpers) = (self.items.len(), self.helpers);
        if let Some(found) = self.typed_component(component, at, depth)?
            && found.1 == *component
        {
            return Ok(found);
        }
        // Structs written for calls that are not used.
        self.items.truncate(items);
        self.helpers = helpers;
        self.helpers.component = true;
        Ok((
            format!("component({})", raw(&json_text(component))),
            component.clone(),
        ))
    }

    fn typed_component(
        &mut self,
        component: &Component,
        at: &str,
        depth: usize,
    ) -> Result<Option<(String, Component)>, CodegenError> {
        let text =
            |this: &Self, kind: &str, text: &str| format!("{kind}::new({})", this.text(text));
        Ok(Some(match component {
            Component::TextHeading(c) => (
                text(self, "TextHeading", &c.text),
                TextHeading::new(c.text.clone()).into(),
            ),
            Component::TextSubheading(c) => (
                text(self, "TextSubheading", &c.text),
                TextSubheading::new(c.text.clone()).into(),
            ),
            Component::TextBody(c) => match serde_json::to_value(&c.text) {
                Ok(Value::String(s)) => (text(self, "TextBody", &s), TextBody::new(s).into()),
                _ => return Ok(None),
            },
            Component::TextCaption(c) => match serde_json::to_value(&c.text) {
                Ok(Value::String(s)) => (text(self, "TextCaption", &s), TextCaption::new(s).into()),
                _ => return Ok(None),
            },
            Component::Footer(c) => (
                format!(
                    "Footer::new({}, {})",
                    self.text(&c.label),
                    self.action_code(&c.on_click_action)
                ),
                Footer::new(c.label.clone(), c.on_click_action.clone()).into(),
            ),
            Component::EmbeddedLink(c) => (
                format!(
                    "EmbeddedLink::new({}, {})",
                    self.text(&c.text),
                    self.action_code(&c.on_click_action)
                ),
                EmbeddedLink::new(c.text.clone(), c.on_click_action.clone()).into(),
            ),
            Component::TextInput(c) => self.text_input(c),
            Component::Form(form) => match self.form_code(form, at, depth)? {
                Some((code, typed)) if typed == *component => (code, typed),
                _ => return Ok(None),
            },
            _ => return Ok(None),
        }))
    }

    fn form_code(
        &mut self,
        form: &Form,
        at: &str,
        depth: usize,
    ) -> Result<Option<(String, Component)>, CodegenError> {
        // Literal maps of strings become `.init_values([...])` / `.error_messages([...])`.
        let string_map = |map: &Option<Dynamic<ActionPayload>>| match map {
            None => Some(None),
            Some(Dynamic::Value(map)) if !map.is_empty() => string_entries(map).map(Some),
            Some(Dynamic::Value(_) | Dynamic::Ref(_)) => None,
        };
        let (Some(init), Some(errors)) = (
            string_map(&form.init_values),
            string_map(&form.error_messages),
        ) else {
            return Ok(None);
        };
        let pad = format!("\n{}", "    ".repeat(depth));
        let outer = self.form.replace((self.current_pascal(), form.clone()));
        let mut children = Vec::new();
        let mut typed_children = Vec::new();
        for (index, child) in form.children.iter().enumerate() {
            let found = self.component_code(child, &format!("{at}/children/{index}"), depth + 1);
            let (code, child) = match found {
                Ok(found) => found,
                Err(e) => {
                    self.form = outer;
                    return Err(e);
                }
            };
            children.push(code);
            typed_children.push(child);
        }
        self.form = outer;
        let mut typed = Form::new(form.name.clone());
        let mut code = format!("Form::new({})", lit(&form.name));
        if let Some(entries) = init {
            let _ = write!(code, "{pad}.init_values({})", self.pairs_code(&entries));
            typed = typed.init_values(entries);
        }
        if let Some(entries) = errors {
            let _ = write!(code, "{pad}.error_messages({})", self.pairs_code(&entries));
            typed = typed.error_messages(entries);
        }
        let typed = typed_children.into_iter().fold(typed, Form::child);
        for child in children {
            let _ = write!(code, "{pad}.child({child})");
        }
        // `children` hoists `init-value`s into the Form: then the JSON form is exact.
        Ok(Some((code, Component::from(typed))))
    }

    /// The builder call for an action when it builds exactly `action`, else the action's JSON
    /// through `action(…)`.
    fn action_code(&mut self, action: &Action) -> String {
        if let Some((code, typed)) = self.typed_action(action)
            && typed == *action
        {
            return code;
        }
        self.helpers.action = true;
        format!("action({})", raw(&json_text(action)))
    }

    fn typed_action(&mut self, action: &Action) -> Option<(String, Action)> {
        let (base, built): (String, Action) = match action {
            Action::Navigate(a) => {
                let Next { kind, name } = &a.next;
                if *kind != NextType::Screen {
                    return None;
                }
                let Some(payload) = &a.payload else {
                    return Some((
                        format!("Action::navigate({})", self.screen_id(name)),
                        Action::navigate(name.clone()).into(),
                    ));
                };
                if let Some(code) = self.navigate_to(name, payload) {
                    let built = Action::navigate(name.clone()).payload(payload.clone());
                    return Some((code, built.into()));
                }
                (
                    format!("Action::navigate({})", self.screen_id(name)),
                    Action::navigate(name.clone()).into(),
                )
            }
            Action::DataExchange(_) => (
                "Action::data_exchange()".to_owned(),
                Action::data_exchange().into(),
            ),
            Action::Complete(_) => ("Action::complete()".to_owned(), Action::complete().into()),
            Action::UpdateData(_) => (
                "Action::update_data()".to_owned(),
                Action::update_data().into(),
            ),
            Action::OpenUrl(a) => {
                return Some((
                    format!("Action::open_url({})", lit(&a.url)),
                    Action::open_url(a.url.clone()).into(),
                ));
            }
        };
        let payload = action.payload()?;
        if let Some(code) = self.form_payload(payload) {
            return Some((
                format!("{base}.payload({code})"),
                with_payload(built, payload),
            ));
        }
        let entries = string_entries(payload)?;
        if entries.is_empty() {
            // `Action::navigate(…)` has no payload; the others start with an empty one.
            return (!matches!(action, Action::Navigate(_))).then_some((base, built));
        }
        let code = format!("{base}.payload({})", self.pairs_code(&entries));
        Some((code, with_payload(built, payload)))
    }

    /// `CONST.id()` for a screen of the flow, else the id's literal.
    fn screen_id(&self, id: &str) -> String {
        if self.screens.contains_key(id) {
            format!("{}.id()", self.screen_ref(id))
        } else {
            lit(id)
        }
    }

    /// `Action::navigate_to(CONST, &Data { … })` when the payload is exactly the target's typed
    /// data, in its order.
    fn navigate_to(&self, target: &str, payload: &ActionPayload) -> Option<String> {
        let data = self.typed(target)?;
        let fields = &data.ty.fields;
        if payload.len() != fields.len() || !payload.keys().zip(fields).all(|(k, f)| *k == f.key) {
            return None;
        }
        let mut values = Vec::new();
        for (field, value) in fields.iter().zip(payload.values()) {
            let reference = value
                .as_str()
                .filter(|_| field.ty == RustType::Str)
                .and_then(|text| self.data_ref(text));
            let code = match reference {
                Some(reference) => format!("{reference}.into()"),
                None => value_expr(value, &field.ty, false)?,
            };
            values.push(format!("{}: {code}", field.ident));
        }
        Some(format!(
            "Action::navigate_to({}, &{} {{ {} }})",
            self.screen_ref(target),
            data.ty.name,
            values.join(", ")
        ))
    }

    /// `[("k", "v"), …]`, with `CONST.refs().field` for the values when all of them are the
    /// screen's data references.
    fn pairs_code(&self, entries: &[(String, String)]) -> String {
        let refs: Option<Vec<String>> = entries.iter().map(|(_, v)| self.data_ref(v)).collect();
        let pairs: Vec<String> = match refs {
            Some(refs) => entries
                .iter()
                .zip(refs)
                .map(|((k, _), r)| format!("({}, {r})", lit(k)))
                .collect(),
            None => entries
                .iter()
                .map(|(k, v)| format!("({}, {})", lit(k), lit(v)))
                .collect(),
        };
        format!("[{}]", pairs.join(", "))
    }

    /// `TextInput::new(name, label)` with its common literal properties.
    fn text_input(&self, c: &TextInput) -> (String, Component) {
        let mut code = format!("TextInput::new({}, {})", lit(&c.name), self.text(&c.label));
        let mut typed = TextInput::new(c.name.clone(), c.label.clone());
        if let Some(kind) = c.input_type.as_ref().filter(|kind| kind.is_known()) {
            let wire = kind.as_str();
            let variant: String = wire
                .chars()
                .take(1)
                .flat_map(char::to_uppercase)
                .chain(wire.chars().skip(1))
                .collect();
            let _ = write!(code, ".input_type(InputType::{variant})");
            typed = typed.input_type(kind.clone());
        }
        match c.required {
            Some(Dynamic::Value(true)) => {
                code.push_str(".required()");
                typed = typed.required();
            }
            Some(Dynamic::Value(false)) => {
                code.push_str(".required_if(false)");
                typed = typed.required_if(false);
            }
            _ => {}
        }
        if let Some(Dynamic::Value(n)) = c.min_chars {
            let _ = write!(code, ".min_chars({n}_u32)");
            typed = typed.min_chars(n);
        }
        if let Some(Dynamic::Value(n)) = c.max_chars {
            let _ = write!(code, ".max_chars({n}_u32)");
            typed = typed.max_chars(n);
        }
        if let Some(text) = &c.pattern {
            let _ = write!(code, ".pattern({})", lit(text));
            typed = typed.pattern(text.clone());
        }
        if let Some(text) = &c.helper_text {
            let _ = write!(code, ".helper_text({})", self.text(text));
            typed = typed.helper_text(text.clone());
        }
        (code, typed.into())
    }
}

/// `built` with `payload` added (what `.payload(…)` builds from the same entries).
fn with_payload(built: Action, payload: &ActionPayload) -> Action {
    let entries = payload.clone();
    match built {
        Action::Navigate(a) => a.payload(entries).into(),
        Action::DataExchange(a) => a.payload(entries).into(),
        Action::Complete(a) => a.payload(entries).into(),
        Action::UpdateData(a) => a.payload(entries).into(),
        other @ Action::OpenUrl(_) => other,
    }
}

/// The entries of a payload of strings only.
fn string_entries(payload: &ActionPayload) -> Option<Vec<(String, String)>> {
    payload
        .iter()
        .map(|(key, value)| Some((key.clone(), value.as_str()?.to_owned())))
        .collect()
}
