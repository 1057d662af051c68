//! Development or production: one explicit switch, as `rails server` and Phoenix have.

use std::fmt;

/// Which environment the server runs in (`--env`, `WAFLOW_ENV`; default development).
///
/// | | development | production |
/// |---|---|---|
/// | private key | generated in the data folder on first run | a key file is required |
/// | app secret (432 check) | optional | required |
/// | reset codes | development outbox without Cloud API credentials | Cloud API required |
/// | `/playground`, `/dev/outbox` | mounted, answer loopback `Host` names only | not mounted |
/// | `--addr` | loopback only, unless `--dev-allow-remote` | any |
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum)]
pub enum Environment {
    /// The local loop: no configuration needed, development conveniences on loopback.
    #[default]
    Development,
    /// Serving real users: fails closed on missing configuration; no development surface.
    Production,
}

impl Environment {
    /// True in development.
    pub fn is_development(self) -> bool {
        self == Self::Development
    }

    /// The name used by `--env`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Development => "development",
            Self::Production => "production",
        }
    }
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
