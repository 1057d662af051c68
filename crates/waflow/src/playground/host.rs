//! The Host allow-list of development surfaces: only requests addressed to this machine's
//! loopback names are answered, so DNS rebinding and tunnels that forward foreign traffic get
//! nowhere.
//!
//! ```
//! use axum::{Router, middleware, routing::get};
//! use waflow::playground::require_loopback_host;
//!
//! let dev: Router = Router::new()
//!     .route("/dev/outbox", get(|| async { "[]" }))
//!     .layer(middleware::from_fn(require_loopback_host));
//! # let _ = dev;
//! ```

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The names a development surface answers to.
const LOOPBACK_NAMES: [&str; 3] = ["localhost", "127.0.0.1", "[::1]"];

/// The body of the 403 answered for any other host.
const REFUSAL: &str = "403 Forbidden: this development surface only answers requests addressed to \
                       localhost, 127.0.0.1 or [::1]\n";

/// Whether `authority` (a `Host` header or a URI authority) names the loopback interface:
/// `localhost`, `127.0.0.1` or `[::1]`, in any case, with or without a port.
pub(crate) fn is_loopback_authority(authority: &str) -> bool {
    let (host, port) = match authority.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((_, port)) => authority.split_at(authority.len() - port.len()),
            None => return false,
        },
        None => match authority.rsplit_once(':') {
            Some((host, _)) => authority.split_at(host.len()),
            None => (authority, ""),
        },
    };
    let port_ok = port.is_empty()
        || port.strip_prefix(':').is_some_and(|digits| {
            digits.parse::<u16>().is_ok() && digits.bytes().all(|b| b.is_ascii_digit())
        });
    port_ok
        && LOOPBACK_NAMES
            .iter()
            .any(|name| host.eq_ignore_ascii_case(name))
}

/// Whether the request is addressed to the loopback interface: its one `Host` header (HTTP/1) or,
/// without one, its URI authority (HTTP/2 `:authority`); when both are present, both must be.
pub(crate) fn addressed_to_loopback(request: &Request) -> bool {
    let mut hosts = request.headers().get_all(header::HOST).iter();
    let host = hosts.next();
    if hosts.next().is_some() {
        return false;
    }
    let authority = request.uri().authority().map(|a| a.as_str());
    let host_ok = host.map(|h| h.to_str().is_ok_and(is_loopback_authority));
    let authority_ok = authority.map(is_loopback_authority);
    match (host_ok, authority_ok) {
        (None, None) => false,
        (Some(ok), None) | (None, Some(ok)) => ok,
        (Some(a), Some(b)) => a && b,
    }
}

/// axum middleware answering 403 (plain text) unless the request is addressed to `localhost`,
/// `127.0.0.1` or `[::1]` (any case, any port), judged by the `Host` header or, for HTTP/2, the
/// URI authority. A missing host and look-alikes such as `localhost.attacker.example` or
/// `127.0.0.1.nip.io` are refused.
///
/// [`Playground::into_router`](super::Playground::into_router) applies it unless
/// [`Playground::allow_any_host`](super::Playground::allow_any_host) is called; put it in front
/// of any other development route with `axum::middleware::from_fn(require_loopback_host)`.
pub async fn require_loopback_host(request: Request, next: Next) -> Response {
    if addressed_to_loopback(&request) {
        return next.run(request).await;
    }
    (
        StatusCode::FORBIDDEN,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        )],
        REFUSAL,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::is_loopback_authority;

    #[test]
    fn loopback_names_with_or_without_a_port() {
        for ok in [
            "localhost",
            "LocalHost",
            "localhost:8080",
            "127.0.0.1",
            "127.0.0.1:1",
            "[::1]",
            "[::1]:1",
            "localhost:65535",
            "localhost:0",
        ] {
            assert!(is_loopback_authority(ok), "{ok}");
        }
    }

    #[test]
    fn everything_else_is_refused() {
        for bad in [
            "",
            ":80",
            "localhost.attacker.example",
            "127.0.0.1.nip.io",
            "127.0.0.1.nip.io:80",
            "attacker.example",
            "localhost:",
            "localhost:65536",
            "localhost:+80",
            "localhost:8080:80",
            "localhost@evil",
            "evil:80@localhost",
            "localhostx",
            "xlocalhost",
            "127.0.0.2",
            "[::1",
            "[::1]x",
            "[::1]:",
            "[::1]:x",
            "[::2]",
            "::1",
            "[::1]:1:1",
            "0.0.0.0",
            "localhost.",
        ] {
            assert!(!is_loopback_authority(bad), "{bad}");
        }
    }
}
