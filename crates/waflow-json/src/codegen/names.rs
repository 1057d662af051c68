//! Rust names for Flow JSON names: screen ids become `SCREAMING_CASE` consts, data keys
//! `snake_case` fields, and each generated type a `PascalCase` name no other item (nor the
//! prelude) uses.

use std::collections::HashSet;

/// Names the prelude, the std prelude and the generated module already use.
const RESERVED: &[&str] = &[
    "Action",
    "ActionPayload",
    "CalendarMode",
    "CalendarPicker",
    "CarouselImage",
    "CheckboxGroup",
    "ChipsSelector",
    "Complete",
    "Component",
    "Condition",
    "DataApiVersion",
    "DataExchange",
    "DataModel",
    "DataSchema",
    "DataSource",
    "DataSourceItem",
    "DataType",
    "DatePicker",
    "DateRange",
    "DocumentPicker",
    "Dropdown",
    "Dynamic",
    "EmbeddedLink",
    "Expr",
    "Finding",
    "FlowJson",
    "FlowVersion",
    "FontWeight",
    "Footer",
    "Form",
    "FormData",
    "If",
    "Image",
    "ImageCarousel",
    "InputType",
    "Items",
    "LabelVariant",
    "Layout",
    "LayoutType",
    "MainContent",
    "MediaSize",
    "Navigate",
    "NavigationEnd",
    "NavigationItem",
    "NavigationList",
    "NavigationStart",
    "Next",
    "NextType",
    "OneOrRange",
    "Op",
    "OpenUrl",
    "OptIn",
    "ParseError",
    "PhotoPicker",
    "PhotoSource",
    "PickerError",
    "RadioButtonsGroup",
    "Ref",
    "RefScope",
    "RichText",
    "ScaleType",
    "Screen",
    "ScreenData",
    "ScreenId",
    "Severity",
    "Switch",
    "Text",
    "TextArea",
    "TextBody",
    "TextCaption",
    "TextHeading",
    "TextInput",
    "TextSubheading",
    "UpdateData",
    "Box",
    "Clone",
    "Copy",
    "Default",
    "Option",
    "Result",
    "String",
    "Vec",
];

/// Rust keywords (strict, reserved and weak ones that cannot name a field plainly).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Names already taken in one namespace; [`Self::claim`] hands out free ones (`X`, `X2`, …).
#[derive(Debug, Clone)]
pub(super) struct Names {
    used: HashSet<String>,
    separator: &'static str,
}

impl Names {
    /// Type names: the prelude's are taken; duplicates get `2`, `3`, ….
    pub(super) fn types() -> Self {
        Self {
            used: RESERVED.iter().map(|s| (*s).to_owned()).collect(),
            separator: "",
        }
    }

    /// Const (or field) names: duplicates get `_2`, `_3`, ….
    pub(super) fn values() -> Self {
        Self {
            used: HashSet::new(),
            separator: "_",
        }
    }

    /// `base` (or `base2`, …) such that it and `name + suffix` for each suffix are free; claims
    /// them all.
    pub(super) fn claim(&mut self, base: &str, suffixes: &[&str]) -> String {
        let free = |used: &HashSet<String>, name: &str| {
            !used.contains(name)
                && suffixes
                    .iter()
                    .all(|s| !used.contains(&format!("{name}{s}")))
        };
        let mut name = base.to_owned();
        let mut n = 2;
        while !free(&self.used, &name) {
            name = format!("{base}{}{n}", self.separator);
            n += 1;
        }
        for suffix in suffixes {
            self.used.insert(format!("{name}{suffix}"));
        }
        self.used.insert(name.clone());
        name
    }
}

/// The words of a name: split at anything but ASCII letters and digits, and where the case
/// changes (`signUp`, `HTMLPage`).
fn words(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut words = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            continue;
        }
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let boundary = c.is_ascii_uppercase()
            && prev.is_some_and(|p| {
                p.is_ascii_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_ascii_uppercase() && next.is_some_and(|n| n.is_ascii_lowercase()))
            });
        if boundary && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        word.push(c);
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// `SIGN_UP`, `signUp` → `SIGN_UP`; `SCREEN` when nothing is left; `SCREEN_1` for `1`.
pub(super) fn screaming(id: &str) -> String {
    let name = words(id)
        .iter()
        .map(|w| w.to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join("_");
    prefixed(name, "SCREEN", "SCREEN_")
}

/// `SIGN_UP`, `sign-up` → `SignUp`; `fallback` when nothing is left, `fallback` before a digit.
pub(super) fn pascal(text: &str, fallback: &str) -> String {
    let name: String = words(text)
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + &chars.as_str().to_ascii_lowercase()
            })
        })
        .collect();
    prefixed(name, fallback, fallback)
}

/// A field name for a JSON key: `firstName` → `first_name`, `type` → `type_`.
pub(super) fn field(key: &str) -> String {
    let name = words(key)
        .iter()
        .map(|w| w.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("_");
    let name = prefixed(name, "field", "field_");
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

fn prefixed(name: String, empty: &str, before_digit: &str) -> String {
    if name.is_empty() {
        empty.to_owned()
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{before_digit}{name}")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_rust_case_conventions() {
        assert_eq!(screaming("SIGN_UP"), "SIGN_UP");
        assert_eq!(screaming("signUp"), "SIGN_UP");
        assert_eq!(screaming("1st"), "SCREEN_1ST");
        assert_eq!(screaming("__"), "SCREEN");
        assert_eq!(pascal("LOGIN_SUCCESS", "Screen"), "LoginSuccess");
        assert_eq!(pascal("HTMLPage", "Screen"), "HtmlPage");
        assert_eq!(field("firstName"), "first_name");
        assert_eq!(field("type"), "type_");
        assert_eq!(field("e-mail"), "e_mail");
        assert_eq!(field("2fa"), "field_2fa");
    }

    #[test]
    fn claimed_names_never_repeat() {
        let mut types = Names::types();
        assert_eq!(types.claim("SignUpData", &["Refs"]), "SignUpData");
        assert_eq!(types.claim("SignUpData", &["Refs"]), "SignUpData2");
        assert_eq!(types.claim("ScreenData", &[]), "ScreenData2");
        let mut values = Names::values();
        assert_eq!(values.claim("START", &[]), "START");
        assert_eq!(values.claim("START", &[]), "START_2");
    }
}
