//! Playground sessions held on the server: an HttpOnly cookie names a browser, and the server
//! keeps that browser's pseudo-phone and current flow token. The page never chooses the token
//! it acts with.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use aws_lc_rs::rand;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};

use super::error::PlaygroundError;

/// How many browsers are remembered; the one unused longest is forgotten first.
pub(crate) const MAX_BROWSERS: usize = 256;

/// What the server knows about one browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BrowserSession {
    /// The browser's pseudo-phone, `playground-<hex>`, kept across restarts of the flow.
    pub(crate) phone: String,
    /// The flow token of the browser's current flow.
    pub(crate) token: String,
}

#[derive(Debug, Default)]
struct Table {
    browsers: HashMap<String, BrowserSession>,
    /// Session ids, least recently started first.
    order: VecDeque<String>,
}

/// The sessions of one playground, and the name of its cookie.
#[derive(Debug, Clone)]
pub(crate) struct Sessions {
    table: Arc<Mutex<Table>>,
    cookie: Arc<str>,
}

fn random_hex<const N: usize>() -> Result<String, PlaygroundError> {
    let mut bytes = [0_u8; N];
    rand::fill(&mut bytes).map_err(|_| PlaygroundError::Crypto)?;
    Ok(hex::encode(bytes))
}

impl Sessions {
    /// An empty table whose cookie name is unique to this playground, so that two playgrounds
    /// on different ports of one host do not overwrite each other's cookie.
    pub(crate) fn new() -> Self {
        let suffix = random_hex::<4>().unwrap_or_else(|_| "0".to_owned());
        Self {
            table: Arc::default(),
            cookie: format!("waflow_playground_{suffix}").into(),
        }
    }

    /// A fresh 128-bit session id.
    pub(crate) fn new_id() -> Result<String, PlaygroundError> {
        random_hex::<16>()
    }

    /// A fresh pseudo-phone.
    pub(crate) fn new_phone() -> Result<String, PlaygroundError> {
        Ok(format!("playground-{}", random_hex::<8>()?))
    }

    /// The session id the request's cookie names, whether or not it is known.
    pub(crate) fn cookie_id<'h>(&self, headers: &'h HeaderMap) -> Option<&'h str> {
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == &*self.cookie)
            .map(|(_, value)| value)
    }

    /// The browser behind session `id`.
    pub(crate) fn get(&self, id: &str) -> Option<BrowserSession> {
        self.table.lock().ok()?.browsers.get(id).cloned()
    }

    /// Records `session` under `id` as the most recently started, forgetting the oldest browser
    /// beyond [`MAX_BROWSERS`].
    pub(crate) fn store(&self, id: &str, session: BrowserSession) {
        let Ok(mut table) = self.table.lock() else {
            return;
        };
        if table.browsers.insert(id.to_owned(), session).is_some() {
            table.order.retain(|known| known != id);
        }
        table.order.push_back(id.to_owned());
        while table.order.len() > MAX_BROWSERS {
            if let Some(oldest) = table.order.pop_front() {
                table.browsers.remove(&oldest);
            }
        }
    }

    /// The `Set-Cookie` value for session `id`, scoped to the API under `mount`.
    pub(crate) fn set_cookie(&self, id: &str, mount: &str) -> Option<HeaderValue> {
        let path = format!("{}/api", mount.trim_end_matches('/'));
        let path = if path.bytes().all(|b| b.is_ascii_graphic() && b != b';') {
            path
        } else {
            "/".to_owned()
        };
        HeaderValue::from_str(&format!(
            "{}={id}; Path={path}; HttpOnly; SameSite=Strict",
            self.cookie
        ))
        .ok()
    }
}

/// Where the router is mounted, from the original path of `…/api/session`.
pub(crate) fn mount_point(path: &str) -> &str {
    path.strip_suffix("/api/session").unwrap_or("")
}

/// Anything that holds the playground's sessions.
pub(crate) trait HasSessions {
    /// The sessions.
    fn sessions(&self) -> &Sessions;
}

/// The session of the browser making the request; 401 without a known session cookie.
pub(crate) struct Browser(pub(crate) BrowserSession);

impl<S> FromRequestParts<S> for Browser
where
    S: HasSessions + Send + Sync,
{
    type Rejection = PlaygroundError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let sessions = state.sessions();
        sessions
            .cookie_id(&parts.headers)
            .and_then(|id| sessions.get(id))
            .map(Self)
            .ok_or(PlaygroundError::NoSession)
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_BROWSERS, Sessions, mount_point};

    #[test]
    fn the_cookie_is_scoped_to_the_api_under_the_mount_point() {
        let sessions = Sessions::new();
        let cookie = |mount: &str| {
            let value = sessions.set_cookie("ab12", mount).unwrap();
            value.to_str().unwrap().to_owned()
        };
        let nested = cookie("/playground");
        assert!(nested.starts_with("waflow_playground_"), "{nested}");
        assert!(
            nested.ends_with("=ab12; Path=/playground/api; HttpOnly; SameSite=Strict"),
            "{nested}"
        );
        assert!(cookie("").contains("; Path=/api;"));
        assert!(cookie("/").contains("; Path=/api;"));
        // a path that would break the attribute list falls back to the whole host
        assert!(cookie("/a;Domain=x").contains("; Path=/;"));
        assert!(cookie("/a b").contains("; Path=/;"));
        assert_eq!(mount_point("/x/y/api/session"), "/x/y");
        assert_eq!(mount_point("/api/session"), "");
        assert_eq!(mount_point("/elsewhere"), "");
    }

    #[test]
    fn cookies_of_other_names_are_ignored() {
        let sessions = Sessions::new();
        let mut headers = axum::http::HeaderMap::new();
        let name = &*sessions.cookie;
        headers.insert(
            axum::http::header::COOKIE,
            format!("x{name}=1; {name}x=2; {name}=3").parse().unwrap(),
        );
        assert_eq!(sessions.cookie_id(&headers), Some("3"));
        assert_ne!(
            &*Sessions::new().cookie,
            name,
            "one cookie name per playground"
        );
        assert_eq!(MAX_BROWSERS, 256);
    }
}
