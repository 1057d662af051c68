//! Everything needed to write a flow: `use waflow_json::prelude::*;`.
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! let flow = FlowJson::new(FlowVersion::V7_3);
//! assert!(flow.screens.is_empty());
//! ```

pub use crate::expr::{Expr, Op};
pub use crate::model::action::{
    Action, ActionPayload, Complete, DataExchange, Navigate, Next, NextType, OpenUrl, UpdateData,
};
pub use crate::model::components::*;
pub use crate::model::data::{DataSchema, DataType, Items, ScreenData};
pub use crate::model::dynamic::{DateRange, Dynamic, OneOrRange, Text};
pub use crate::model::flow::FlowJson;
pub use crate::model::screen::{Layout, Screen};
pub use crate::parse::ParseError;
pub use crate::refs::{Ref, RefScope};
pub use crate::routes;
pub use crate::typed::{DataModel, DataSource, FormData, ScreenId};
pub use crate::validate::{Finding, InvalidFlow, Severity};
pub use crate::version::{DataApiVersion, FlowVersion};
