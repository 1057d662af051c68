//! The start-up check: what the chosen [`Environment`] requires, checked before anything
//! listens, every problem reported at once.

use std::fmt;

use secrecy::{ExposeSecret as _, SecretString};

use super::Environment;
use super::cli::Cli;

/// Where reset codes go.
#[derive(Debug, Clone)]
pub enum Delivery {
    /// WhatsApp text messages through the Cloud API.
    Cloud {
        /// The Cloud API access token.
        token: SecretString,
        /// The phone number id that sends them.
        phone_id: String,
    },
    /// The development outbox (console and `GET /dev/outbox`); development only.
    DevOutbox,
}

/// A configuration that passed [`Settings::check`].
#[derive(Debug, Clone)]
pub struct Settings {
    /// The environment.
    pub environment: Environment,
    /// Where reset codes go.
    pub delivery: Delivery,
}

/// Every problem of a configuration, one per line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.join("\n"))]
pub struct ConfigErrors(pub Vec<String>);

fn given(secret: Option<&SecretString>) -> Option<&SecretString> {
    secret.filter(|s| !s.expose_secret().trim().is_empty())
}

impl Settings {
    /// Checks `cli` for its environment.
    ///
    /// # Errors
    /// Every missing or unsafe item, one line each: in every environment, a Cloud API token
    /// without a phone number id (or the reverse); in production, a missing private key, app
    /// secret or Cloud API credentials; in development, a non-loopback `--addr` without
    /// `--dev-allow-remote`.
    pub fn check(cli: &Cli) -> Result<Self, ConfigErrors> {
        let mut errors = Vec::new();
        let token = given(cli.access_token.as_ref());
        let phone_id = cli.phone_id.as_deref().filter(|p| !p.trim().is_empty());
        let delivery = match (token, phone_id) {
            (Some(token), Some(phone_id)) => Some(Delivery::Cloud {
                token: token.clone(),
                phone_id: phone_id.to_owned(),
            }),
            (Some(_), None) => {
                errors.push(
                    "WAFLOW_TOKEN (--access-token) is set but WAFLOW_PHONE_ID (--phone-id) is not: \
                     set both to send reset codes through the Cloud API"
                        .to_owned(),
                );
                None
            }
            (None, Some(_)) => {
                errors.push(
                    "WAFLOW_PHONE_ID (--phone-id) is set but WAFLOW_TOKEN (--access-token) is not: \
                     set both to send reset codes through the Cloud API"
                        .to_owned(),
                );
                None
            }
            (None, None) => Some(Delivery::DevOutbox),
        };
        match cli.environment {
            Environment::Production => {
                if given(cli.private_key.as_ref()).is_none() {
                    errors.push(
                        "production needs the business private key: --private-key / \
                         WAFLOW_PRIVATE_KEY (a PEM file; no development key is generated)"
                            .to_owned(),
                    );
                }
                if given(cli.app_secret.as_ref()).is_none() {
                    errors.push(
                        "production needs the Meta app secret: --app-secret / WAFLOW_APP_SECRET \
                         (every endpoint request is then signature-checked, 432 otherwise)"
                            .to_owned(),
                    );
                }
                if token.is_none() && phone_id.is_none() {
                    errors.push(
                        "production needs Cloud API credentials: WAFLOW_TOKEN and WAFLOW_PHONE_ID \
                         (reset codes are sent as WhatsApp messages; there is no outbox in production)"
                            .to_owned(),
                    );
                }
            }
            Environment::Development => {
                if !cli.addr.ip().is_loopback() && !cli.dev_allow_remote {
                    errors.push(format!(
                        "development serves the playground and the development outbox: --addr {} \
                         is not a loopback address; use 127.0.0.1, pass --env production, or \
                         --dev-allow-remote to expose the endpoint on purpose (the development \
                         routes still answer only localhost Host names)",
                        cli.addr
                    ));
                }
            }
        }
        match delivery {
            Some(delivery) if errors.is_empty() => Ok(Self {
                environment: cli.environment,
                delivery,
            }),
            _ => Err(ConfigErrors(errors)),
        }
    }
}

impl fmt::Display for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let codes = match self.delivery {
            Delivery::Cloud { .. } => "reset codes through the Cloud API",
            Delivery::DevOutbox => "reset codes to the DEVELOPMENT outbox (console, /dev/outbox)",
        };
        write!(f, "environment: {}; {codes}", self.environment)
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser as _;

    use super::*;

    fn check(args: &[&str]) -> Result<Settings, ConfigErrors> {
        let mut argv = vec!["sign-up"];
        argv.extend_from_slice(args);
        Settings::check(&Cli::try_parse_from(argv).map_err(|e| ConfigErrors(vec![e.to_string()]))?)
    }

    fn errors(args: &[&str]) -> Vec<String> {
        check(args).err().map(|e| e.0).unwrap_or_default()
    }

    #[test]
    fn development_needs_nothing() {
        let s = check(&[]).map_err(|e| e.to_string());
        assert!(
            matches!(
                s,
                Ok(Settings {
                    environment: Environment::Development,
                    delivery: Delivery::DevOutbox
                })
            ),
            "{s:?}"
        );
    }

    #[test]
    fn production_lists_every_missing_item() {
        let e = errors(&["--env", "production"]);
        assert_eq!(e.len(), 3, "{e:?}");
        assert!(e[0].contains("private key"), "{e:?}");
        assert!(e[1].contains("app secret"), "{e:?}");
        assert!(e[2].contains("Cloud API credentials"), "{e:?}");
    }

    #[test]
    fn production_with_everything_uses_the_cloud() {
        let s = check(&[
            "--env",
            "production",
            "--private-key",
            "key.pem",
            "--app-secret",
            "s",
            "--access-token",
            "t",
            "--phone-id",
            "1",
            "--addr",
            "0.0.0.0:8080",
        ]);
        assert!(matches!(
            s,
            Ok(Settings {
                environment: Environment::Production,
                delivery: Delivery::Cloud { .. }
            })
        ));
    }

    #[test]
    fn blank_values_count_as_missing() {
        let e = errors(&[
            "--env",
            "production",
            "--private-key",
            " ",
            "--app-secret",
            "",
            "--access-token",
            "t",
            "--phone-id",
            "1",
        ]);
        assert_eq!(e.len(), 2, "{e:?}");
    }

    #[test]
    fn half_cloud_credentials_are_an_error_everywhere() {
        for env in ["development", "production"] {
            let e = errors(&["--env", env, "--access-token", "t"]);
            assert!(
                e.iter().any(|l| l.contains("WAFLOW_PHONE_ID")),
                "{env}: {e:?}"
            );
            let e = errors(&["--env", env, "--phone-id", "1"]);
            assert!(e.iter().any(|l| l.contains("WAFLOW_TOKEN")), "{env}: {e:?}");
        }
    }

    #[test]
    fn development_refuses_a_public_address_unless_asked() {
        let e = errors(&["--addr", "0.0.0.0:8080"]);
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].contains("--dev-allow-remote"), "{e:?}");
        assert!(check(&["--addr", "0.0.0.0:8080", "--dev-allow-remote"]).is_ok());
        assert!(check(&["--addr", "[::1]:8080"]).is_ok());
    }
}
