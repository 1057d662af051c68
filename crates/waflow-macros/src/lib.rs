//! Derive macros behind `waflow_json`'s typed screens. Use them through `waflow_json`
//! (`use waflow_json::prelude::*;` brings the derives and their traits); the generated code
//! names `::waflow_json`, so the crate must be a direct dependency.
//!
//! - `#[derive(DataModel)]` on a screen's data struct: its `data` schema with examples, and
//!   typed `${data.…}` references.
//! - `#[derive(FormData)]` on a form's payload struct: the payload of its `data_exchange`
//!   Footer and the names of its inputs.
//! - `#[derive(DataSource)]` on an enum of choices: the `data-source` items of a selection
//!   component, with the same ids serde reads back.
//!
//! The examples live in `waflow_json::typed`, where they compile against the real traits.

mod attrs;
mod case;
mod data_model;
mod data_source;
mod form_data;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Implements `waflow_json::typed::DataModel` for a struct with named fields: one data-model
/// field per struct field (its name, or serde's `rename`), typed by its
/// `#[flow(example = …)]` (an expression of the field's type, required on every field), and a
/// `{Name}Refs` struct of `${data.field}` references returned by `refs()`.
#[proc_macro_derive(DataModel, attributes(flow))]
pub fn derive_data_model(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    data_model::expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Implements `waflow_json::typed::FormData` for a struct with named fields: `FIELDS`, a
/// `{Name}Names` struct of the input names (returned by `names()`), and `payload()`, the
/// Footer's `data_exchange` payload: `${form.field}` for each field, `${data.field}` with
/// `#[flow(data)]`, a fixed value with `#[flow(value = …)]`.
#[proc_macro_derive(FormData, attributes(flow))]
pub fn derive_form_data(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    form_data::expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Implements `waflow_json::typed::DataSource` for an enum of unit variants: each variant with
/// `#[flow(title = "…")]` becomes a `data-source` item whose id is the variant's serde name
/// (honouring `rename_all` and `rename`); variants without a title (such as a
/// `#[serde(other)]` catch-all) are not offered.
#[proc_macro_derive(DataSource, attributes(flow))]
pub fn derive_data_source(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    data_source::expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
