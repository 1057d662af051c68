//! `#[derive(DataSource)]`.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Fields};

use crate::attrs::{Allowed, ItemAttrs, rename_all};
use crate::case::rename;

pub(crate) fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new_spanned(
            &input.ident,
            "#[derive(DataSource)] needs an enum of unit variants",
        ));
    };
    let name = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let rule = rename_all(&input.attrs)?;
    let mut items = Vec::new();
    let mut ids = Vec::new();
    for variant in &data.variants {
        if !matches!(variant.fields, Fields::Unit) {
            return Err(syn::Error::new_spanned(
                variant,
                "#[derive(DataSource)] choices are unit variants",
            ));
        }
        let attrs = ItemAttrs::parse(&variant.attrs, Allowed::Choice)?;
        let ident = &variant.ident;
        let id = match (&attrs.rename_de, &rule) {
            (Some(id), _) => id.clone(),
            (None, Some(rule)) => rename(rule, &ident.to_string()).ok_or_else(|| {
                syn::Error::new_spanned(ident, format!("unknown serde rename_all rule `{rule}`"))
            })?,
            (None, None) => ident.to_string(),
        };
        ids.push(quote! { Self::#ident => #id });
        let Some(title) = &attrs.title else { continue };
        let description = attrs
            .description
            .as_ref()
            .map(|d| quote! { .description(#d) });
        items
            .push(quote! { ::waflow_json::prelude::DataSourceItem::new(#id, #title) #description });
    }
    if items.is_empty() {
        return Err(syn::Error::new_spanned(
            name,
            "#[derive(DataSource)] needs at least one variant with #[flow(title = \"…\")]",
        ));
    }
    Ok(quote! {
        impl #impl_generics ::waflow_json::typed::DataSource for #name #ty_generics #where_clause {
            fn data_source() -> ::std::vec::Vec<::waflow_json::prelude::DataSourceItem> {
                ::std::vec![#(#items),*]
            }

            fn id(&self) -> &'static str {
                match self { #(#ids,)* }
            }
        }
    })
}
