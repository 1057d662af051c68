//! A screen's `data` as a `#[derive(serde::Serialize, DataModel)]` struct, when the derive
//! writes exactly the input's schema: each field's schema must be the one `DataSchema::infer`
//! gives for its `__example__` (what the derive declares), and the example must have a Rust type
//! (no `null`, arrays whose items share one type).

use std::fmt::Write as _;

use indexmap::IndexMap;
use serde_json::Value;

use super::names::{self, Names};
use super::{lit, raw};
use crate::model::data::{DataSchema, ScreenData};

/// The Rust type of a value.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum RustType {
    Str,
    Bool,
    I64,
    U64,
    F64,
    Vec(Box<Self>),
    Struct(StructType),
}

/// A generated struct: its name and fields in order.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct StructType {
    pub(super) name: String,
    pub(super) fields: Vec<Field>,
}

/// One field: its JSON key, Rust name and type.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Field {
    pub(super) key: String,
    pub(super) ident: String,
    pub(super) ty: RustType,
}

/// A screen's typed data: the struct, and the source of it and the structs it uses.
#[derive(Debug, Clone)]
pub(super) struct TypedData {
    pub(super) ty: StructType,
    pub(super) source: String,
    pub(super) fields: Vec<ScreenData>,
}

impl TypedData {
    /// The field behind `key`.
    pub(super) fn field(&self, key: &str) -> Option<&Field> {
        self.ty.fields.iter().find(|f| f.key == key)
    }
}

/// The shape of an example before its structs are named.
#[derive(Debug, Clone, PartialEq)]
enum Shape {
    Str,
    Bool,
    I64,
    U64,
    F64,
    /// `None`: an empty array.
    Vec(Option<Box<Self>>),
    Object(Vec<(String, Self)>),
}

/// `screen`'s data as a struct named after `pascal`, or why it stays untyped.
pub(super) fn typed_data(
    screen: &str,
    pascal: &str,
    data: &IndexMap<String, DataSchema>,
    types: &mut Names,
) -> Result<TypedData, String> {
    let mut shapes = Vec::new();
    for (key, schema) in data {
        let Some(example) = &schema.example else {
            return Err(format!("`{key}` has no `__example__`"));
        };
        if schema.description.is_some() {
            return Err(format!(
                "`{key}` has a description, which `#[derive(DataModel)]` does not write"
            ));
        }
        if ScreenData::new(key.clone(), example.clone()).schema() != schema {
            if schema.items.is_some() {
                return Err(format!(
                    "the `items` schema of `{key}` is not the one `#[derive(DataModel)]` infers \
                     from its `__example__` (from the first item; `string` for an empty array)"
                ));
            }
            return Err(format!(
                "the schema of `{key}` is not the one `#[derive(DataModel)]` infers from its \
                 `__example__`"
            ));
        }
        let shape = shape(example).ok_or_else(|| {
            format!(
                "the `__example__` of `{key}` has no single Rust type (a `null`, or array items \
                 of different types)"
            )
        })?;
        shapes.push((key.clone(), shape));
    }
    let mut defs = Vec::new();
    let name = types.claim(&format!("{pascal}Data"), &["Refs"]);
    let ty = struct_type(name, &shapes, types, &mut defs);
    let mut source = format!(
        "/// The data of the screen `{screen}`.\n#[derive(serde::Serialize, DataModel)]\npub struct {} {{\n",
        ty.name
    );
    let mut fields = Vec::new();
    for (field, (key, schema)) in ty.fields.iter().zip(data) {
        let example = schema.example.clone().unwrap_or(Value::Null);
        let code = value_expr(&example, &field.ty, true).unwrap_or_default();
        rename(&mut source, field);
        let _ = writeln!(source, "    #[flow(example = {code})]");
        let _ = writeln!(source, "    pub {}: {},", field.ident, type_name(&field.ty));
        fields.push(ScreenData::new(key.clone(), example));
    }
    source.push_str("}\n");
    for def in defs {
        source.push('\n');
        source.push_str(&def);
    }
    Ok(TypedData { ty, source, fields })
}

fn rename(source: &mut String, field: &Field) {
    if field.ident != field.key {
        let _ = writeln!(source, "    #[serde(rename = {})]", lit(&field.key));
    }
}

fn shape(value: &Value) -> Option<Shape> {
    Some(match value {
        Value::Null => return None,
        Value::String(_) => Shape::Str,
        Value::Bool(_) => Shape::Bool,
        Value::Number(n) if n.is_i64() => Shape::I64,
        Value::Number(n) if n.is_u64() => Shape::U64,
        Value::Number(_) => Shape::F64,
        Value::Array(items) => {
            let mut item: Option<Shape> = None;
            for value in items {
                let next = shape(value)?;
                item = Some(match item {
                    None => next,
                    Some(seen) => unify(seen, next)?,
                });
            }
            Shape::Vec(item.map(Box::new))
        }
        Value::Object(map) => Shape::Object(
            map.iter()
                .map(|(k, v)| Some((k.clone(), shape(v)?)))
                .collect::<Option<_>>()?,
        ),
    })
}

/// One shape for both, if they can share a Rust type.
fn unify(a: Shape, b: Shape) -> Option<Shape> {
    match (a, b) {
        (Shape::Vec(None), Shape::Vec(other)) | (Shape::Vec(other), Shape::Vec(None)) => {
            Some(Shape::Vec(other))
        }
        (Shape::Vec(Some(a)), Shape::Vec(Some(b))) => {
            Some(Shape::Vec(Some(Box::new(unify(*a, *b)?))))
        }
        (Shape::Object(a), Shape::Object(b)) => {
            if a.len() != b.len() {
                return None;
            }
            let mut fields = Vec::new();
            for ((ka, a), (kb, b)) in a.into_iter().zip(b) {
                if ka != kb {
                    return None;
                }
                fields.push((ka, unify(a, b)?));
            }
            Some(Shape::Object(fields))
        }
        (a, b) if a == b => Some(a),
        _ => None,
    }
}

fn struct_type(
    name: String,
    shapes: &[(String, Shape)],
    types: &mut Names,
    defs: &mut Vec<String>,
) -> StructType {
    let mut idents = Names::values();
    let fields = shapes
        .iter()
        .map(|(key, shape)| Field {
            key: key.clone(),
            ident: idents.claim(&names::field(key), &[]),
            ty: rust_type(
                shape,
                &format!("{name}{}", names::pascal(key, "Field")),
                types,
                defs,
            ),
        })
        .collect();
    StructType { name, fields }
}

fn rust_type(shape: &Shape, base: &str, types: &mut Names, defs: &mut Vec<String>) -> RustType {
    match shape {
        Shape::Str => RustType::Str,
        Shape::Bool => RustType::Bool,
        Shape::I64 => RustType::I64,
        Shape::U64 => RustType::U64,
        Shape::F64 => RustType::F64,
        Shape::Vec(None) => RustType::Vec(Box::new(RustType::Str)),
        Shape::Vec(Some(item)) => RustType::Vec(Box::new(rust_type(
            item,
            &format!("{base}Item"),
            types,
            defs,
        ))),
        Shape::Object(fields) => {
            let name = types.claim(base, &[]);
            let ty = struct_type(name, fields, types, defs);
            let mut def = format!(
                "/// A value of the data model (`{}`).\n#[derive(serde::Serialize)]\npub struct {} {{\n",
                ty.name, ty.name
            );
            for field in &ty.fields {
                rename(&mut def, field);
                let _ = writeln!(def, "    pub {}: {},", field.ident, type_name(&field.ty));
            }
            def.push_str("}\n");
            defs.push(def);
            RustType::Struct(ty)
        }
    }
}

/// The Rust spelling of a type.
pub(super) fn type_name(ty: &RustType) -> String {
    match ty {
        RustType::Str => "String".to_owned(),
        RustType::Bool => "bool".to_owned(),
        RustType::I64 => "i64".to_owned(),
        RustType::U64 => "u64".to_owned(),
        RustType::F64 => "f64".to_owned(),
        RustType::Vec(item) => format!("Vec<{}>", type_name(item)),
        RustType::Struct(s) => s.name.clone(),
    }
}

/// A Rust expression of type `ty` that serialises to exactly `value`, if there is one. `top`:
/// a string may stay a `&str` literal (the derive's examples convert with `Into`).
pub(super) fn value_expr(value: &Value, ty: &RustType, top: bool) -> Option<String> {
    Some(match (ty, value) {
        (RustType::Str, Value::String(s)) if top => lit(s),
        (RustType::Str, Value::String(s)) if s.is_empty() => "String::new()".to_owned(),
        (RustType::Str, Value::String(s)) => format!("{}.to_owned()", lit(s)),
        (RustType::Bool, Value::Bool(b)) => b.to_string(),
        (RustType::I64, Value::Number(n)) if n.is_i64() => format!("{}_i64", n.as_i64()?),
        (RustType::U64, Value::Number(n)) if n.is_u64() && !n.is_i64() => {
            format!("{}_u64", n.as_u64()?)
        }
        (RustType::F64, Value::Number(n)) if n.is_f64() => float(n.as_f64()?),
        (RustType::Vec(_), Value::Array(items)) if items.is_empty() => "Vec::new()".to_owned(),
        (RustType::Vec(item), Value::Array(items)) => {
            let items: Option<Vec<String>> =
                items.iter().map(|v| value_expr(v, item, false)).collect();
            format!("vec![{}]", items?.join(", "))
        }
        (RustType::Struct(s), Value::Object(map)) => {
            if map.len() != s.fields.len() || !map.keys().zip(&s.fields).all(|(k, f)| *k == f.key) {
                return None;
            }
            let fields: Option<Vec<String>> = s
                .fields
                .iter()
                .zip(map.values())
                .map(|(f, v)| Some(format!("{}: {}", f.ident, value_expr(v, &f.ty, false)?)))
                .collect();
            let fields = fields?;
            if fields.is_empty() {
                format!("{} {{}}", s.name)
            } else {
                format!("{} {{ {} }}", s.name, fields.join(", "))
            }
        }
        _ => return None,
    })
}

/// An `f64` literal that reads back as `f`.
fn float(f: f64) -> String {
    let text = format!("{f:?}");
    if text.contains(['.', 'e']) {
        format!("{text}_f64")
    } else {
        format!("{text}.0_f64")
    }
}

/// The untyped `.data([...])` field: `ScreenData::new(key, example)` when that infers the
/// declared schema, else the schema's JSON.
pub(super) fn untyped_field(key: &str, schema: &DataSchema) -> (String, ScreenData, bool) {
    if let Some(example) = &schema.example
        && let Some(example_code) = scalar(example)
    {
        let inferred = ScreenData::new(key, example.clone());
        if inferred.schema() == schema {
            return (
                format!("ScreenData::new({}, {example_code})", lit(key)),
                inferred,
                false,
            );
        }
    }
    (
        format!(
            "ScreenData::with_schema({}, schema({}))",
            lit(key),
            raw(&super::json_text(schema))
        ),
        ScreenData::with_schema(key, schema.clone()),
        true,
    )
}

/// A Rust literal for a scalar JSON value.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(lit(text)),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Number(n) if n.is_i64() => n.as_i64().map(|n| format!("{n}_i64")),
        _ => None,
    }
}
