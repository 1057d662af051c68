//! Typed references (`${data.x}`, `${form.x}`, `${screen.S.data.x}`) instead of hand-written
//! strings — pywa's `.ref`, obtained from the item being referenced.
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! let email = ScreenData::new("email", "john@example.com");
//! assert_eq!(email.r().to_string(), "${data.email}");
//! let name = TextInput::new("name", "Name");
//! assert_eq!(name.r().to_string(), "${form.name}");
//! assert_eq!(name.r().on_screen("SIGN_UP").to_string(), "${screen.SIGN_UP.form.name}");
//! ```

use std::fmt;

/// Where a reference reads from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum RefScope {
    /// The screen's data model (`${data.x}`).
    Data,
    /// The screen's form inputs, by component `name` (`${form.x}`).
    Form,
}

impl RefScope {
    /// `data` or `form`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Data => "data",
            Self::Form => "form",
        }
    }
}

/// A reference to screen data or a form input; renders as Meta's `${...}` syntax.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Ref {
    screen: Option<String>,
    scope: RefScope,
    path: Vec<String>,
}

impl Ref {
    /// `${data.key}`.
    pub fn data(key: impl Into<String>) -> Self {
        Self {
            screen: None,
            scope: RefScope::Data,
            path: vec![key.into()],
        }
    }

    /// `${form.name}`.
    pub fn form(name: impl Into<String>) -> Self {
        Self {
            screen: None,
            scope: RefScope::Form,
            path: vec![name.into()],
        }
    }

    /// The same reference read from another screen: `${screen.S.data.x}` (Flow JSON 4.0+).
    #[must_use]
    pub fn on_screen(mut self, screen: impl Into<String>) -> Self {
        self.screen = Some(screen.into());
        self
    }

    /// A nested property of an object value: `${data.user.name}`.
    #[must_use]
    pub fn field(mut self, name: impl Into<String>) -> Self {
        self.path.push(name.into());
        self
    }

    /// The screen of a global reference.
    pub fn screen(&self) -> Option<&str> {
        self.screen.as_deref()
    }

    /// Data or form.
    pub fn scope(&self) -> RefScope {
        self.scope
    }

    /// The key path, outermost first.
    pub fn path(&self) -> &[String] {
        &self.path
    }
}

impl fmt::Display for Ref {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("${")?;
        if let Some(screen) = &self.screen {
            write!(f, "screen.{screen}.")?;
        }
        f.write_str(self.scope.as_str())?;
        for key in &self.path {
            write!(f, ".{key}")?;
        }
        f.write_str("}")
    }
}

impl From<Ref> for String {
    fn from(value: Ref) -> Self {
        value.to_string()
    }
}

impl From<Ref> for serde_json::Value {
    fn from(value: Ref) -> Self {
        Self::String(value.to_string())
    }
}

impl From<&Ref> for serde_json::Value {
    fn from(value: &Ref) -> Self {
        Self::String(value.to_string())
    }
}
