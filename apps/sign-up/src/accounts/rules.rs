//! What the server re-checks, whatever the screen promised: a client can send anything.

/// Longest accepted name, in characters.
pub const MAX_NAME_CHARS: usize = 100;

/// The e-mail, trimmed and lowercased, if it looks like an address; else the message to show.
pub fn normalise_email(raw: &str) -> Result<String, &'static str> {
    let email = raw.trim().to_lowercase();
    let valid = email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        && match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && local.len() <= 64
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains("..")
            }
            None => false,
        };
    if valid {
        Ok(email)
    } else {
        Err("Please enter a valid e-mail address")
    }
}

/// A password rule, written once: the screen's `TextInput` limits and helper text come from it
/// (see `flow::common`), and the server re-checks it, whatever the screen promised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PasswordRule {
    /// Fewest characters.
    pub min_chars: u32,
    /// Most characters.
    pub max_chars: u32,
    /// Whether a digit is required.
    pub needs_digit: bool,
    /// The helper text under the input.
    pub helper_text: &'static str,
    /// The message when the length is wrong.
    pub length_message: &'static str,
    /// The message when the digit is missing.
    pub digit_message: &'static str,
}

/// The tutorial's password rule: 8 to 16 characters with at least one digit.
pub const NEW_PASSWORD: PasswordRule = PasswordRule {
    min_chars: 8,
    max_chars: 16,
    needs_digit: true,
    helper_text: "8 to 16 characters, at least one number",
    length_message: "Password must be 8 to 16 characters long",
    digit_message: "Password must contain at least one number",
};

impl PasswordRule {
    /// `Ok` when `password` follows the rule; else the message to show.
    pub fn check(&self, password: &str) -> Result<(), &'static str> {
        let n = u32::try_from(password.chars().count()).unwrap_or(u32::MAX);
        if !(self.min_chars..=self.max_chars).contains(&n) {
            return Err(self.length_message);
        }
        if self.needs_digit && !password.chars().any(|c| c.is_ascii_digit()) {
            return Err(self.digit_message);
        }
        Ok(())
    }
}

/// [`NEW_PASSWORD`]'s check.
pub fn check_password(password: &str) -> Result<(), &'static str> {
    NEW_PASSWORD.check(password)
}

/// A required name, trimmed.
pub fn check_name(raw: &str) -> Result<String, &'static str> {
    let name = raw.trim();
    if name.is_empty() {
        return Err("Please enter your first and last name");
    }
    if name.chars().count() > MAX_NAME_CHARS || name.chars().any(char::is_control) {
        return Err("Names must be at most 100 characters");
    }
    Ok(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            normalise_email("  John.Doe@Example.COM ").as_deref(),
            Ok("john.doe@example.com")
        );
        for bad in [
            "",
            "john",
            "@example.com",
            "john@",
            "john@example",
            "jo hn@example.com",
            "a@b@c.com",
            "john@.com",
            "john@example..com",
        ] {
            assert!(normalise_email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn passwords_follow_the_screen_rule() {
        assert!(check_password("secret12").is_ok());
        assert!(check_password("abcdefghijklmno1").is_ok());
        assert!(check_password("short1").is_err());
        assert!(check_password("abcdefghijklmnop1").is_err());
        assert!(check_password("nodigitshere").is_err());
    }

    #[test]
    fn names_are_required_and_bounded() {
        assert_eq!(check_name("  Ann ").as_deref(), Ok("Ann"));
        assert!(check_name("   ").is_err());
        assert!(check_name(&"x".repeat(101)).is_err());
    }
}
