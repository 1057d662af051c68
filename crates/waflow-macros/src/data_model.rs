//! `#[derive(DataModel)]`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{Data, DeriveInput, Fields, FieldsNamed};

use crate::attrs::{Allowed, ItemAttrs, rename_all};
use crate::case::rename;

pub(crate) fn named_fields<'a>(
    input: &'a DeriveInput,
    derive: &str,
) -> syn::Result<&'a FieldsNamed> {
    match &input.data {
        Data::Struct(s) => match &s.fields {
            Fields::Named(named) => Ok(named),
            _ => Err(syn::Error::new_spanned(
                &input.ident,
                format!("#[derive({derive})] needs a struct with named fields"),
            )),
        },
        _ => Err(syn::Error::new_spanned(
            &input.ident,
            format!("#[derive({derive})] needs a struct with named fields"),
        )),
    }
}

pub(crate) fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let fields = named_fields(input, "DataModel")?;
    let name = &input.ident;
    let vis = &input.vis;
    let refs_name = format_ident!("{name}Refs");
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let rule = rename_all(&input.attrs)?;

    let mut schema = Vec::new();
    let mut ref_fields = Vec::new();
    let mut ref_values = Vec::new();
    for field in &fields.named {
        let attrs = ItemAttrs::parse(&field.attrs, Allowed::DataField)?;
        if attrs.skip {
            continue;
        }
        let Some(ident) = &field.ident else { continue };
        let key = match (attrs.rename_ser, &rule) {
            (Some(key), _) => key,
            (None, Some(rule)) => rename(rule, &ident.unraw_string()).ok_or_else(|| {
                syn::Error::new_spanned(ident, format!("unknown serde rename_all rule `{rule}`"))
            })?,
            (None, None) => ident.unraw_string(),
        };
        let ty = &field.ty;
        let Some(example) = attrs.example else {
            return Err(syn::Error::new_spanned(
                ident,
                format!(
                    "data-model field `{key}` needs an example: #[flow(example = …)] \
                     (Meta requires `__example__` on every top-level field)"
                ),
            ));
        };
        schema.push(quote! {
            ::waflow_json::ScreenData::new(
                #key,
                ::waflow_json::typed::example_value::<#ty>(::core::convert::Into::into(#example)),
            )
        });
        let doc = format!("`${{data.{key}}}`");
        ref_fields.push(quote! { #[doc = #doc] pub #ident: ::waflow_json::Ref });
        ref_values.push(quote! { #ident: ::waflow_json::Ref::data(#key) });
    }
    let refs_doc = format!("Typed `${{data.…}}` references to the fields of [`{name}`].");
    Ok(quote! {
        #[doc = #refs_doc]
        #[derive(Debug, Clone, PartialEq, Eq)]
        #vis struct #refs_name {
            #(#ref_fields,)*
        }

        impl #impl_generics ::waflow_json::typed::DataModel for #name #ty_generics #where_clause {
            type Refs = #refs_name;

            fn data_model() -> ::std::vec::Vec<::waflow_json::ScreenData> {
                ::std::vec![#(#schema),*]
            }

            fn refs() -> #refs_name {
                #refs_name { #(#ref_values,)* }
            }
        }
    })
}

/// An identifier without its `r#`.
pub(crate) trait UnrawString {
    fn unraw_string(&self) -> String;
}

impl UnrawString for syn::Ident {
    fn unraw_string(&self) -> String {
        let s = self.to_string();
        s.strip_prefix("r#").map(str::to_owned).unwrap_or(s)
    }
}
