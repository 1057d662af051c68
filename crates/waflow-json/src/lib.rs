//! The Flow JSON language of WhatsApp Flows: a typed model of every screen, component, action and
//! dynamic value, a builder with typed references, lossless serde and an offline validator that
//! mirrors Meta's upload-time rules. No I/O, no async.
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! let email = ScreenData::new("email_initial_value", "john.doe@gmail.com");
//! let email_input = TextInput::new("email", "Email Address")
//!     .input_type(InputType::Email)
//!     .required()
//!     .init_value(email.r());
//! let login = Screen::new("LOGIN")
//!     .title("Login")
//!     .terminal(true)
//!     .data([email])
//!     .child(
//!         Form::new("form")
//!             .child(email_input.clone())
//!             .child(Footer::new(
//!                 "Done",
//!                 Action::data_exchange().payload([("email", email_input.r())]),
//!             )),
//!     );
//! let flow = FlowJson::new(FlowVersion::V3_0)
//!     .data_api_version(DataApiVersion::V3_0)
//!     .routing([("LOGIN", &[] as &[&str])])
//!     .screens([login]);
//!
//! let json = flow.to_value();
//! assert_eq!(json["screens"][0]["layout"]["children"][0]["init-values"]["email"],
//!            "${data.email_initial_value}");
//! assert_eq!(FlowJson::from_value(json).unwrap(), flow);
//! ```

pub mod codegen;
pub mod expr;
pub mod model;
pub mod parse;
pub mod prelude;
pub mod refs;
pub mod schema;
pub mod typed;
pub mod validate;
pub mod version;
mod wire_enum;

pub use expr::Expr;
pub use model::action::Action;
pub use model::components::{Component, Form};
pub use model::data::ScreenData;
pub use model::flow::FlowJson;
pub use model::screen::Screen;
pub use parse::ParseError;
pub use refs::Ref;
pub use schema::json_schema;
pub use typed::{DataModel, DataSource, FormData, ScreenId};
pub use validate::{Finding, Severity};
pub use version::{DataApiVersion, FlowVersion};
