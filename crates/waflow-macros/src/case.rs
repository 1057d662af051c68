//! serde's `rename_all` rules, so generated ids match what serde reads back.

/// Applies a serde `rename_all` rule to a variant name (`PascalCase`) or a field name
/// (`snake_case`); `None` for a rule serde does not know.
pub(crate) fn rename(rule: &str, name: &str) -> Option<String> {
    let words = words(name);
    let joined =
        |sep: &str, f: fn(&str) -> String| words.iter().map(|w| f(w)).collect::<Vec<_>>().join(sep);
    Some(match rule {
        "lowercase" => name.to_lowercase(),
        "UPPERCASE" => name.to_uppercase(),
        "snake_case" => joined("_", str::to_lowercase),
        "SCREAMING_SNAKE_CASE" => joined("_", str::to_uppercase),
        "kebab-case" => joined("-", str::to_lowercase),
        "SCREAMING-KEBAB-CASE" => joined("-", str::to_uppercase),
        "PascalCase" => joined("", capitalised),
        "camelCase" => {
            let pascal = joined("", capitalised);
            let mut chars = pascal.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_lowercase().chain(chars).collect::<String>()
            })
        }
        _ => return None,
    })
}

fn capitalised(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Splits `PascalCase` or `snake_case` into words.
fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    for c in name.chars() {
        if c == '_' {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
        } else if c.is_uppercase() && !current.is_empty() {
            words.push(std::mem::take(&mut current));
            current.push(c);
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::rename;

    #[test]
    fn variants_follow_serde() {
        assert_eq!(
            rename("snake_case", "ForgotPassword").as_deref(),
            Some("forgot_password")
        );
        assert_eq!(
            rename("kebab-case", "ForgotPassword").as_deref(),
            Some("forgot-password")
        );
        assert_eq!(
            rename("SCREAMING_SNAKE_CASE", "SignUp").as_deref(),
            Some("SIGN_UP")
        );
        assert_eq!(rename("lowercase", "SignUp").as_deref(), Some("signup"));
        assert_eq!(rename("UPPERCASE", "SignUp").as_deref(), Some("SIGNUP"));
        assert_eq!(rename("camelCase", "SignUp").as_deref(), Some("signUp"));
        assert_eq!(rename("PascalCase", "sign_up").as_deref(), Some("SignUp"));
        assert_eq!(rename("camelCase", "sign_up").as_deref(), Some("signUp"));
        assert_eq!(
            rename("SCREAMING-KEBAB-CASE", "sign_up").as_deref(),
            Some("SIGN-UP")
        );
        assert_eq!(rename("Title Case", "SignUp"), None);
    }
}
