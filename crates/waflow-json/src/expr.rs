//! Typed conditions and nested expressions (`If.condition`, `visible`, 6.0 backtick expressions)
//! rendered to Meta's syntax, with a raw-string escape hatch.
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! let animal = Ref::form("animal");
//! let cond = Expr::from(Ref::data("value")).and(Expr::from(animal).eq("cat"));
//! assert_eq!(cond.to_condition(), "(${data.value} && (${form.animal} == 'cat'))");
//!
//! let greeting = Expr::concat([Expr::from("Hello "), Ref::form("first_name").into()]);
//! assert_eq!(greeting.to_nested(), "` 'Hello ' ${form.first_name}`");
//!
//! let sum = Expr::from(Ref::data("a")) + Ref::data("b");
//! assert_eq!(sum.to_nested(), "`(${data.a} + ${data.b})`");
//! assert_eq!((!Expr::from(Ref::form("ok"))).to_condition(), "!${form.ok}");
//! ```

use std::fmt::{self, Write as _};
use std::ops;

use crate::refs::Ref;

/// A binary operator of Flow JSON expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Op {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `&&`
    And,
    /// `||`
    Or,
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*` (pywa emits it; Meta's table lists only `+ - / %`).
    Mul,
    /// `/`
    Div,
    /// `%`
    Rem,
}

impl Op {
    /// The operator as written.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Eq => "==",
            Self::Ne => "!=",
            Self::Lt => "<",
            Self::Le => "<=",
            Self::Gt => ">",
            Self::Ge => ">=",
            Self::And => "&&",
            Self::Or => "||",
            Self::Add => "+",
            Self::Sub => "-",
            Self::Mul => "*",
            Self::Div => "/",
            Self::Rem => "%",
        }
    }
}

/// An expression tree. Binary operations render fully parenthesised, as pywa and Meta's examples do.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Expr {
    /// A typed reference.
    Ref(Ref),
    /// A string literal, rendered `'text'`.
    Str(String),
    /// A number literal.
    Num(serde_json::Number),
    /// A boolean literal.
    Bool(bool),
    /// Logical not.
    Not(Box<Self>),
    /// `(left op right)`.
    Binary(Box<Self>, Op, Box<Self>),
    /// String concatenation by juxtaposition (nested expressions only).
    Concat(Vec<Self>),
    /// Raw text inserted as written: the escape hatch.
    Raw(String),
}

impl Expr {
    /// Raw text inserted verbatim.
    pub fn raw(text: impl Into<String>) -> Self {
        Self::Raw(text.into())
    }

    /// Juxtaposed parts, e.g. `'Hello ' ${form.name}`.
    pub fn concat<I>(parts: I) -> Self
    where
        I: IntoIterator<Item = Self>,
    {
        Self::Concat(parts.into_iter().collect())
    }

    fn binary(self, op: Op, other: impl Into<Self>) -> Self {
        Self::Binary(Box::new(self), op, Box::new(other.into()))
    }

    /// `self == other`
    #[must_use]
    pub fn eq(self, other: impl Into<Self>) -> Self {
        self.binary(Op::Eq, other)
    }
    /// `self != other`
    #[must_use]
    pub fn ne(self, other: impl Into<Self>) -> Self {
        self.binary(Op::Ne, other)
    }
    /// `self < other`
    #[must_use]
    pub fn lt(self, other: impl Into<Self>) -> Self {
        self.binary(Op::Lt, other)
    }
    /// `self <= other`
    #[must_use]
    pub fn le(self, other: impl Into<Self>) -> Self {
        self.binary(Op::Le, other)
    }
    /// `self > other`
    #[must_use]
    pub fn gt(self, other: impl Into<Self>) -> Self {
        self.binary(Op::Gt, other)
    }
    /// `self >= other`
    #[must_use]
    pub fn ge(self, other: impl Into<Self>) -> Self {
        self.binary(Op::Ge, other)
    }
    /// `self && other`
    #[must_use]
    pub fn and(self, other: impl Into<Self>) -> Self {
        self.binary(Op::And, other)
    }
    /// `self || other`
    #[must_use]
    pub fn or(self, other: impl Into<Self>) -> Self {
        self.binary(Op::Or, other)
    }
    /// The bare form used by `If.condition` (no backticks).
    pub fn to_condition(&self) -> String {
        self.to_string()
    }

    /// The backtick-wrapped nested expression of Flow JSON 6.0+.
    pub fn to_nested(&self) -> String {
        format!("`{self}`")
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Ref(r) => write!(f, "{r}"),
            Self::Str(s) => {
                f.write_char('\'')?;
                f.write_str(s)?;
                f.write_char('\'')
            }
            Self::Num(n) => write!(f, "{n}"),
            Self::Bool(b) => write!(f, "{b}"),
            Self::Not(inner) => write!(f, "!{inner}"),
            Self::Binary(l, op, r) => write!(f, "({l} {} {r})", op.as_str()),
            Self::Concat(parts) => {
                for part in parts {
                    write!(f, " {part}")?;
                }
                Ok(())
            }
            Self::Raw(text) => f.write_str(text),
        }
    }
}

impl From<Ref> for Expr {
    fn from(value: Ref) -> Self {
        Self::Ref(value)
    }
}

impl From<&str> for Expr {
    fn from(value: &str) -> Self {
        Self::Str(value.to_owned())
    }
}

impl From<String> for Expr {
    fn from(value: String) -> Self {
        Self::Str(value)
    }
}

impl From<bool> for Expr {
    fn from(value: bool) -> Self {
        Self::Bool(value)
    }
}

impl From<i64> for Expr {
    fn from(value: i64) -> Self {
        Self::Num(value.into())
    }
}

impl From<Expr> for String {
    fn from(value: Expr) -> Self {
        value.to_nested()
    }
}

macro_rules! expr_op {
    ($($trait:ident $method:ident $op:ident),*) => {$(
        impl<T> ops::$trait<T> for Expr
        where
            T: Into<Self>,
        {
            type Output = Self;
            fn $method(self, other: T) -> Self {
                self.binary(Op::$op, other)
            }
        }
    )*};
}
expr_op!(Add add Add, Sub sub Sub, Mul mul Mul, Div div Div, Rem rem Rem);

impl ops::Not for Expr {
    type Output = Self;
    fn not(self) -> Self {
        Self::Not(Box::new(self))
    }
}
