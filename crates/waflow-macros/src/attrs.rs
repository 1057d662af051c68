//! The `#[flow(…)]` attributes, and the parts of `#[serde(…)]` that decide wire names.

use proc_macro2::TokenStream;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Expr, LitStr, Token};

/// What `#[flow(…)]` and `#[serde(…)]` say about one field or variant.
#[derive(Default)]
pub(crate) struct ItemAttrs {
    /// `#[flow(example = …)]`
    pub(crate) example: Option<Expr>,
    /// `#[flow(data)]`
    pub(crate) data: bool,
    /// `#[flow(value = …)]`
    pub(crate) value: Option<Expr>,
    /// `#[flow(title = …)]`
    pub(crate) title: Option<Expr>,
    /// `#[flow(description = …)]`
    pub(crate) description: Option<Expr>,
    /// `#[serde(rename = "…")]` (or its `serialize` half)
    pub(crate) rename_ser: Option<String>,
    /// `#[serde(rename = "…")]` (or its `deserialize` half)
    pub(crate) rename_de: Option<String>,
    /// `#[serde(skip)]`, `skip_serializing` or `skip_deserializing`
    pub(crate) skip: bool,
}

/// Which `#[flow(…)]` keys an item accepts.
#[derive(Clone, Copy)]
pub(crate) enum Allowed {
    /// A data-model field: `example`.
    DataField,
    /// A form field: `data`, `value`.
    FormField,
    /// A choice: `title`, `description`.
    Choice,
}

impl ItemAttrs {
    pub(crate) fn parse(attrs: &[Attribute], allowed: Allowed) -> syn::Result<Self> {
        let mut out = Self::default();
        for attr in attrs {
            if attr.path().is_ident("flow") {
                attr.parse_nested_meta(|meta| out.flow_key(&meta, allowed))?;
            } else if attr.path().is_ident("serde") {
                attr.parse_nested_meta(|meta| {
                    if meta.path.is_ident("rename") {
                        out.serde_rename(&meta)
                    } else {
                        if meta.path.is_ident("skip")
                            || meta.path.is_ident("skip_serializing")
                            || meta.path.is_ident("skip_deserializing")
                        {
                            out.skip = true;
                        }
                        skip_value(&meta)
                    }
                })?;
            }
        }
        Ok(out)
    }

    fn flow_key(&mut self, meta: &ParseNestedMeta<'_>, allowed: Allowed) -> syn::Result<()> {
        let key = meta
            .path
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        match (allowed, key.as_str()) {
            (Allowed::DataField, "example") => self.example = Some(meta.value()?.parse()?),
            (Allowed::FormField, "data") => self.data = true,
            (Allowed::FormField, "value") => self.value = Some(meta.value()?.parse()?),
            (Allowed::Choice, "title") => self.title = Some(meta.value()?.parse()?),
            (Allowed::Choice, "description") => self.description = Some(meta.value()?.parse()?),
            _ => {
                let expected = match allowed {
                    Allowed::DataField => "`example = …`",
                    Allowed::FormField => "`data` or `value = …`",
                    Allowed::Choice => "`title = …` or `description = …`",
                };
                return Err(meta.error(format!("unknown flow attribute; expected {expected}")));
            }
        }
        Ok(())
    }

    fn serde_rename(&mut self, meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
        if meta.input.peek(Token![=]) {
            let name: LitStr = meta.value()?.parse()?;
            self.rename_ser = Some(name.value());
            self.rename_de = Some(name.value());
            return Ok(());
        }
        meta.parse_nested_meta(|half| {
            let name: LitStr = half.value()?.parse()?;
            if half.path.is_ident("serialize") {
                self.rename_ser = Some(name.value());
            } else if half.path.is_ident("deserialize") {
                self.rename_de = Some(name.value());
            }
            Ok(())
        })
    }
}

/// The container's `#[serde(rename_all = "…")]`, if any.
pub(crate) fn rename_all(attrs: &[Attribute]) -> syn::Result<Option<String>> {
    let mut rule = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename_all") && meta.input.peek(Token![=]) {
                let value: LitStr = meta.value()?.parse()?;
                rule = Some(value.value());
                Ok(())
            } else {
                skip_value(&meta)
            }
        })?;
    }
    Ok(rule)
}

/// Consumes a serde key's `= value` or `(…)` that we do not read.
fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in meta.input);
        content.parse::<TokenStream>()?;
    }
    Ok(())
}
