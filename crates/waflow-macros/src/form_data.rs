//! `#[derive(FormData)]`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::DeriveInput;

use crate::attrs::{Allowed, ItemAttrs, rename_all};
use crate::case::rename;
use crate::data_model::{UnrawString as _, named_fields};

pub(crate) fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let fields = named_fields(input, "FormData")?;
    let name = &input.ident;
    let vis = &input.vis;
    let names_name = format_ident!("{name}Names");
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let rule = rename_all(&input.attrs)?;

    let mut keys = Vec::new();
    let mut name_fields = Vec::new();
    let mut name_values = Vec::new();
    let mut payload = Vec::new();
    for field in &fields.named {
        let attrs = ItemAttrs::parse(&field.attrs, Allowed::FormField)?;
        if attrs.skip {
            continue;
        }
        let Some(ident) = &field.ident else { continue };
        let key = match (attrs.rename_de, &rule) {
            (Some(key), _) => key,
            (None, Some(rule)) => rename(rule, &ident.unraw_string()).ok_or_else(|| {
                syn::Error::new_spanned(ident, format!("unknown serde rename_all rule `{rule}`"))
            })?,
            (None, None) => ident.unraw_string(),
        };
        keys.push(key.clone());
        let value = match (&attrs.value, attrs.data) {
            (Some(_), true) => {
                return Err(syn::Error::new_spanned(
                    ident,
                    "a form field takes either #[flow(data)] or #[flow(value = …)], not both",
                ));
            }
            (Some(value), false) => quote! { ::waflow_json::typed::Value::from(#value) },
            (None, true) => {
                quote! { ::waflow_json::typed::Value::from(::waflow_json::Ref::data(#key)) }
            }
            (None, false) => {
                let doc = format!("The input `{key}` (`${{form.{key}}}`).");
                name_fields.push(quote! { #[doc = #doc] pub #ident: &'static str });
                name_values.push(quote! { #ident: #key });
                quote! { ::waflow_json::typed::Value::from(::waflow_json::Ref::form(#key)) }
            }
        };
        payload.push(quote! { (#key, #value) });
    }
    let names_doc = format!("The names of the form inputs behind [`{name}`]'s fields.");
    Ok(quote! {
        #[doc = #names_doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #vis struct #names_name {
            #(#name_fields,)*
        }

        impl #impl_generics ::waflow_json::typed::FormData for #name #ty_generics #where_clause {
            const FIELDS: &'static [&'static str] = &[#(#keys),*];
            type Names = #names_name;

            fn names() -> #names_name {
                #names_name { #(#name_values,)* }
            }

            fn payload() -> ::std::vec::Vec<(&'static str, ::waflow_json::typed::Value)> {
                ::std::vec![#(#payload),*]
            }
        }
    })
}
