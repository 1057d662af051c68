//! Typed screens: a screen's id, its data model, its forms and its choices declared once in Rust
//! and used by both the Flow JSON builder and the endpoint's handlers.
//!
//! - [`ScreenId<D>`]: a screen's id together with its data type `D`. `Screen::new(ID)` fills
//!   the screen's `data` from `D`; the endpoint's `FlowResponse::to(ID, D { … })` can only send
//!   that screen the data it declares.
//! - [`DataModel`] (`#[derive(DataModel)]`): `D`'s `data` schema with examples and its typed
//!   `${data.…}` references.
//! - [`FormData`] (`#[derive(FormData)]`): a form's payload struct; it names the inputs and
//!   builds the Footer's `data_exchange` payload, and the endpoint reads it back with
//!   `Payload<T>`.
//! - [`DataSource`] (`#[derive(DataSource)]`): an enum of choices that builds a selection
//!   component's `data-source` with the ids serde reads back.
//! - [`routes!`](crate::routes): the routing model over typed ids.
//!
//! ```
//! use serde::{Deserialize, Serialize};
//! use waflow_json::prelude::*;
//!
//! #[derive(Serialize, DataModel)]
//! struct GreetingData {
//!     #[flow(example = "Hello Ada")]
//!     greeting: String,
//! }
//!
//! #[derive(Deserialize, DataSource)]
//! #[serde(rename_all = "snake_case")]
//! enum Mood {
//!     #[flow(title = "Great")]
//!     Great,
//!     #[flow(title = "Not so good")]
//!     NotSoGood,
//! }
//!
//! #[derive(Deserialize, FormData)]
//! struct Answer {
//!     mood: Mood,
//! }
//!
//! const ASK: ScreenId = ScreenId::new("ASK");
//! const GREETING: ScreenId<GreetingData> = ScreenId::new("GREETING");
//!
//! let form = Answer::names();
//! let ask = Screen::new(ASK).title("How are you?").child(
//!     Form::new("form")
//!         .child(RadioButtonsGroup::new(form.mood, Mood::data_source()).label("Your mood").required())
//!         .child(Footer::new("Send", Action::data_exchange().payload(Answer::payload()))),
//! );
//! let greeting = Screen::new(GREETING)
//!     .title("Thanks")
//!     .terminal(true)
//!     .child(TextHeading::new(GREETING.refs().greeting))
//!     .child(Footer::new("Done", Action::complete()));
//! let flow = FlowJson::new(FlowVersion::V7_3)
//!     .data_api_version(DataApiVersion::V3_0)
//!     .routing(routes! { ASK => [GREETING], GREETING => [] })
//!     .screens([ask, greeting]);
//!
//! let json = flow.to_value();
//! assert_eq!(json["screens"][1]["data"]["greeting"]["__example__"], "Hello Ada");
//! assert_eq!(json["screens"][0]["layout"]["children"][0]["children"][1]["on-click-action"]["payload"]["mood"], "${form.mood}");
//! assert_eq!(json["screens"][0]["layout"]["children"][0]["children"][0]["data-source"][1]["id"], "not_so_good");
//! let errors: Vec<_> = flow.validate().into_iter().filter(|f| f.severity == Severity::Error).collect();
//! assert!(errors.is_empty(), "{errors:?}");
//! ```

use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

use serde::Serialize;
pub use serde_json::Value;

use crate::model::components::DataSourceItem;
use crate::model::data::ScreenData;

pub use waflow_macros::{DataModel, DataSource, FormData};

/// A screen's id and the type `D` of the data it receives (`()` for a screen without data).
///
/// Declare each screen once, as a `const`; the builder, the routing model, the handler
/// registrations and the responses all name it by this value.
pub struct ScreenId<D = ()> {
    id: &'static str,
    data: PhantomData<fn() -> D>,
}

impl<D> ScreenId<D> {
    /// A screen id (letters and `_`, as Meta requires; `SUCCESS` is reserved).
    pub const fn new(id: &'static str) -> Self {
        Self {
            id,
            data: PhantomData,
        }
    }

    /// The id as written in the Flow JSON.
    pub const fn id(self) -> &'static str {
        self.id
    }

    /// Typed `${data.…}` references to this screen's data.
    pub fn refs(self) -> D::Refs
    where
        D: DataModel,
    {
        D::refs()
    }
}

impl<D> Clone for ScreenId<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D> Copy for ScreenId<D> {}

impl<D> PartialEq for ScreenId<D> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl<D> Eq for ScreenId<D> {}

impl<D> Hash for ScreenId<D> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.id.hash(state);
    }
}

impl<D> fmt::Debug for ScreenId<D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ScreenId({:?})", self.id)
    }
}

impl<D> fmt::Display for ScreenId<D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id)
    }
}

impl<D> AsRef<str> for ScreenId<D> {
    fn as_ref(&self) -> &str {
        self.id
    }
}

impl<D> PartialEq<str> for ScreenId<D> {
    fn eq(&self, other: &str) -> bool {
        self.id == other
    }
}

impl<D> PartialEq<&str> for ScreenId<D> {
    fn eq(&self, other: &&str) -> bool {
        self.id == *other
    }
}

/// What `Screen::new` accepts: a plain id (`"LOGIN"`, a `String`) or a [`ScreenId<D>`], which
/// also declares the screen's `data` from `D`.
pub trait ScreenName {
    /// The id, and the data model to declare (if any).
    fn into_screen_parts(self) -> (String, Vec<ScreenData>);
}

impl ScreenName for &str {
    fn into_screen_parts(self) -> (String, Vec<ScreenData>) {
        (self.to_owned(), Vec::new())
    }
}

impl ScreenName for String {
    fn into_screen_parts(self) -> (String, Vec<ScreenData>) {
        (self, Vec::new())
    }
}

impl ScreenName for &String {
    fn into_screen_parts(self) -> (String, Vec<ScreenData>) {
        (self.clone(), Vec::new())
    }
}

impl<D: DataModel> ScreenName for ScreenId<D> {
    fn into_screen_parts(self) -> (String, Vec<ScreenData>) {
        (self.id.to_owned(), D::data_model())
    }
}

/// A screen's data: its data model (each field with an example) and typed references to its
/// fields. Derive it: `#[derive(Serialize, DataModel)]`, with `#[flow(example = …)]` on each
/// field.
pub trait DataModel {
    /// The struct of `${data.…}` references (`{Name}Refs` when derived).
    type Refs;

    /// The screen's `data` fields, in declaration order.
    fn data_model() -> Vec<ScreenData>;

    /// Typed references to the fields.
    fn refs() -> Self::Refs;
}

/// A screen without data.
impl DataModel for () {
    type Refs = ();

    fn data_model() -> Vec<ScreenData> {
        Vec::new()
    }

    fn refs() {}
}

/// A form's payload: the struct a handler reads with `Payload<T>`, which also names the form's
/// inputs and builds the Footer's payload. Derive it: `#[derive(Deserialize, FormData)]`.
pub trait FormData {
    /// The payload keys, in declaration order.
    const FIELDS: &'static [&'static str];

    /// The struct of input names (`{Name}Names` when derived).
    type Names;

    /// The names of the inputs that fill the payload (`${form.…}` fields).
    fn names() -> Self::Names;

    /// The `data_exchange` payload: each key with its `${form.…}`, `${data.…}` or fixed value.
    fn payload() -> Vec<(&'static str, Value)>;
}

/// An enum of choices: the `data-source` of a `RadioButtonsGroup`, `Dropdown`,
/// `CheckboxGroup` or `ChipsSelector`, with the ids serde reads back into the enum. Derive it:
/// `#[derive(Deserialize, DataSource)]`, with `#[flow(title = "…")]` on each offered variant.
pub trait DataSource {
    /// The items, in declaration order.
    fn data_source() -> Vec<DataSourceItem>;

    /// This choice's id.
    fn id(&self) -> &'static str;

    /// This choice's title as the phone shows it (`None` for a variant the selection does not
    /// offer, e.g. a `#[serde(other)]` fallback).
    fn title(&self) -> Option<String> {
        let id = self.id();
        Self::data_source()
            .into_iter()
            .find(|item| item.id == id)
            .map(|item| item.title)
    }
}

/// An example value as JSON (used by `#[derive(DataModel)]`, which passes an expression of the
/// field's own type, so the example is type-checked against the field).
pub fn example_value<T: Serialize>(example: T) -> Value {
    serde_json::to_value(example).unwrap_or(Value::Null)
}

/// The routing model over screen ids of any data type:
/// `routes! { START => [SIGN_UP, LOGIN], SIGN_UP => [LOGIN], LOGIN => [] }`, for
/// [`FlowJson::routing`](crate::FlowJson::routing).
#[macro_export]
macro_rules! routes {
    ($($from:expr => [$($to:expr),* $(,)?]),* $(,)?) => {
        ::std::vec![$((
            ::std::string::String::from(::core::convert::AsRef::<str>::as_ref(&$from)),
            ::std::vec![$(::std::string::String::from(::core::convert::AsRef::<str>::as_ref(&$to))),*]
                as ::std::vec::Vec<::std::string::String>,
        )),*]
    };
}
