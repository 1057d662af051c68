//! The generator's state: each screen's const and typed data, the structs written so far, and
//! which helpers the module needs; and the code of a screen.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::data::{self, TypedData};
use super::names::{self, Names};
use super::{CodegenError, lit};
use crate::FlowJson;
use crate::model::components::Form;
use crate::model::screen::Screen;

/// What is declared for one screen.
#[derive(Debug, Clone)]
pub(super) struct ScreenPlan {
    /// The const's name.
    pub(super) konst: String,
    /// The screen's typed data; `Err` says why the data stays untyped, `Ok(None)`: no data.
    pub(super) data: Result<Option<TypedData>, String>,
}

/// Which helper functions the generated code calls.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Helpers {
    pub(super) component: bool,
    pub(super) action: bool,
    pub(super) schema: bool,
}

/// The generator for one flow.
#[derive(Debug)]
pub(super) struct Writer {
    ids: Vec<String>,
    pub(super) screens: HashMap<String, ScreenPlan>,
    pub(super) types: Names,
    /// Structs written while the screens are (forms' payloads).
    pub(super) items: Vec<String>,
    pub(super) helpers: Helpers,
    /// The screen being written.
    pub(super) current: String,
    /// The Form being written (with the screen's PascalCase name and its own).
    pub(super) form: Option<(String, Form)>,
    pascal: HashMap<String, String>,
}

impl Writer {
    /// Plans the consts and data structs of `flow`'s screens.
    pub(super) fn new(flow: &FlowJson) -> Self {
        let mut consts = Names::values();
        let mut types = Names::types();
        let mut screens = HashMap::new();
        let mut pascal = HashMap::new();
        let mut ids = Vec::new();
        for screen in &flow.screens {
            if screens.contains_key(&screen.id) {
                continue;
            }
            let konst = consts.claim(&names::screaming(&screen.id), &[]);
            let name = names::pascal(&screen.id, "Screen");
            let data = match &screen.data {
                Some(data) if !data.is_empty() => {
                    data::typed_data(&screen.id, &name, data, &mut types).map(Some)
                }
                _ => Ok(None),
            };
            pascal.insert(screen.id.clone(), name);
            ids.push(screen.id.clone());
            screens.insert(screen.id.clone(), ScreenPlan { konst, data });
        }
        Self {
            ids,
            screens,
            types,
            items: Vec::new(),
            helpers: Helpers::default(),
            current: String::new(),
            form: None,
            pascal,
        }
    }

    /// The screen's const, or its id as a string for a screen the flow does not have.
    pub(super) fn screen_ref(&self, id: &str) -> String {
        self.screens
            .get(id)
            .map_or_else(|| lit(id), |plan| plan.konst.clone())
    }

    /// The typed data of a screen.
    pub(super) fn typed(&self, id: &str) -> Option<&TypedData> {
        self.screens.get(id)?.data.as_ref().ok()?.as_ref()
    }

    /// The PascalCase base of the current screen's type names.
    pub(super) fn current_pascal(&self) -> String {
        self.pascal
            .get(&self.current)
            .cloned()
            .unwrap_or_else(|| "Screen".to_owned())
    }

    /// `CONST.refs().field` for `${data.key}` of the current screen's typed data.
    pub(super) fn data_ref(&self, text: &str) -> Option<String> {
        let key = text.strip_prefix("${data.")?.strip_suffix('}')?;
        let field = self.typed(&self.current)?.field(key)?;
        Some(format!(
            "{}.refs().{}",
            self.screen_ref(&self.current),
            field.ident
        ))
    }

    /// A string argument that accepts a `Ref`: the typed reference, else the literal.
    pub(super) fn text(&self, text: &str) -> String {
        self.data_ref(text).unwrap_or_else(|| lit(text))
    }

    /// The consts and structs, in screen order.
    pub(super) fn declarations(&self) -> String {
        let mut out = String::new();
        for id in &self.ids {
            let Some(plan) = self.screens.get(id) else {
                continue;
            };
            let ty = match &plan.data {
                Ok(Some(data)) => format!("ScreenId<{}>", data.ty.name),
                _ => "ScreenId".to_owned(),
            };
            let _ = write!(
                out,
                "\n/// The screen `{id}`.\npub const {}: {ty} = ScreenId::new({});\n",
                plan.konst,
                lit(id)
            );
        }
        for id in &self.ids {
            if let Some(data) = self.typed(id) {
                out.push('\n');
                out.push_str(&data.source);
            }
        }
        for item in &self.items {
            out.push('\n');
            out.push_str(item);
        }
        out
    }

    /// The helper functions the code calls.
    pub(super) fn helpers(&self) -> String {
        let mut out = String::new();
        if self.helpers.component {
            out.push_str(
                "\n/// A component written as its Flow JSON (no typed builder call for it yet).\n\
                 fn component(json: &str) -> Component {\n    \
                 serde_json::from_str(json).expect(\"waflow import wrote this component's JSON\")\n}\n",
            );
        }
        if self.helpers.action {
            out.push_str(
                "\n/// An action written as its Flow JSON.\n\
                 fn action(json: &str) -> Action {\n    \
                 serde_json::from_str(json).expect(\"waflow import wrote this action's JSON\")\n}\n",
            );
        }
        if self.helpers.schema {
            out.push_str(
                "\n/// A data-model schema written as its Flow JSON.\n\
                 fn schema(json: &str) -> DataSchema {\n    \
                 serde_json::from_str(json).expect(\"waflow import wrote this schema's JSON\")\n}\n",
            );
        }
        out
    }

    /// The builder calls of a screen, and the screen they build.
    pub(super) fn screen_code(
        &mut self,
        screen: &Screen,
        at: &str,
    ) -> Result<(String, Screen), CodegenError> {
        self.current.clone_from(&screen.id);
        let pad = "\n                ";
        let konst = self.screen_ref(&screen.id);
        let mut code = format!("Screen::new({konst})");
        let mut typed = Screen::new(screen.id.clone());
        if let Some(data) = self.typed(&screen.id) {
            typed = typed.data(data.fields.clone());
        }
        if let Some(title) = &screen.title {
            typed = typed.title(title.clone());
            let _ = write!(code, "{pad}.title({})", lit(title));
        }
        if let Some(terminal) = screen.terminal {
            typed = typed.terminal(terminal);
            let _ = write!(code, "{pad}.terminal({terminal})");
        }
        if let Some(success) = screen.success {
            typed = typed.success(success);
            let _ = write!(code, "{pad}.success({success})");
        }
        if let Some(refresh) = screen.refresh_on_back {
            typed = typed.refresh_on_back(refresh);
            let _ = write!(code, "{pad}.refresh_on_back({refresh})");
        }
        if let Some(sensitive) = &screen.sensitive {
            typed = typed.sensitive(sensitive.clone());
            let names: Vec<String> = sensitive.iter().map(|s| lit(s)).collect();
            let _ = write!(code, "{pad}.sensitive([{}])", names.join(", "));
        }
        let untyped = self
            .screens
            .get(&screen.id)
            .and_then(|plan| plan.data.as_ref().err().cloned());
        if let (Some(data), Some(why)) = (&screen.data, untyped) {
            let _ = write!(
                code,
                "{pad}// The data stays untyped: {why}.{pad}.data([{pad}    "
            );
            let mut fields = Vec::new();
            let mut typed_fields = Vec::new();
            for (key, schema) in data {
                let (field_code, field, uses_schema) = data::untyped_field(key, schema);
                self.helpers.schema |= uses_schema;
                fields.push(field_code);
                typed_fields.push(field);
            }
            typed = typed.data(typed_fields);
            let _ = write!(code, "{},{pad}])", fields.join(&format!(",{pad}    ")));
        } else if screen
            .data
            .as_ref()
            .is_some_and(indexmap::IndexMap::is_empty)
        {
            typed.data = screen.data.clone();
            let _ = write!(code, "{pad}.data([])");
        }
        typed.layout.kind = screen.layout.kind.clone();
        for (index, child) in screen.layout.children.iter().enumerate() {
            let (child_code, child_typed) =
                self.component_code(child, &format!("{at}/layout/children/{index}"), 5)?;
            let _ = write!(code, "{pad}.child({child_code})");
            typed = typed.child(child_typed);
        }
        Ok((code, typed))
    }
}
