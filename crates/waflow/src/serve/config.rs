//! [`ServeConfig`]: the serve loop's limits.

use std::time::Duration;

/// Limits of [`serve`](super::serve): time limits per connection, the connection cap and the
/// HTTP/2 settings.
///
/// `Default` gives production values; the builder-style setters change one at a time:
///
/// ```
/// use std::time::Duration;
/// use waflow::serve::ServeConfig;
///
/// let config = ServeConfig::default()
///     .header_read(Duration::from_secs(5))
///     .max_connections(256);
/// assert_eq!(config.header_read, Duration::from_secs(5));
/// assert_eq!(config.body_read, Duration::from_secs(10));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ServeConfig {
    /// Time a new connection has, counted from accept, to deliver its first complete request
    /// head, whatever protocol it speaks: the first byte, the HTTP/1 / HTTP/2 sniffing and the
    /// request line and headers (or the HTTP/2 preface, settings and first `HEADERS` frame). A
    /// connection that has not done so by then is closed. On an HTTP/1 keep-alive connection the
    /// same limit applies to each later request head, counted from the end of the previous
    /// response, so an idle keep-alive connection is closed after it too. Default 10 s.
    pub header_read: Duration,
    /// Time a client has to send a whole request body: reading a body still incomplete by then
    /// fails with a timeout error (axum's body extractors answer it `400`). Default 10 s
    /// (WhatsApp gives up on a request after 10 s).
    pub body_read: Duration,
    /// How long a shutdown waits for in-flight requests before it drops them. Default 10 s.
    pub shutdown_grace: Duration,
    /// Most connections open at once. When that many are open the loop stops accepting (new
    /// clients wait in the kernel's listen backlog) until one closes. `0` counts as 1.
    /// Default 1024.
    pub max_connections: usize,
    /// How often an HTTP/2 connection is pinged. Default 20 s.
    pub h2_keep_alive_interval: Duration,
    /// How long an HTTP/2 ping may go unanswered before the connection is closed. Default 20 s.
    pub h2_keep_alive_timeout: Duration,
    /// Most concurrent streams (requests) the server allows on one HTTP/2 connection; it is
    /// announced in the server's `SETTINGS`. Default 32.
    pub h2_max_concurrent_streams: u32,
}

impl Default for ServeConfig {
    fn default() -> Self {
        Self {
            header_read: Duration::from_secs(10),
            body_read: Duration::from_secs(10),
            shutdown_grace: Duration::from_secs(10),
            max_connections: 1024,
            h2_keep_alive_interval: Duration::from_secs(20),
            h2_keep_alive_timeout: Duration::from_secs(20),
            h2_max_concurrent_streams: 32,
        }
    }
}

impl ServeConfig {
    /// Sets [`header_read`](Self::header_read).
    #[must_use]
    pub const fn header_read(mut self, limit: Duration) -> Self {
        self.header_read = limit;
        self
    }

    /// Sets [`body_read`](Self::body_read).
    #[must_use]
    pub const fn body_read(mut self, limit: Duration) -> Self {
        self.body_read = limit;
        self
    }

    /// Sets [`shutdown_grace`](Self::shutdown_grace).
    #[must_use]
    pub const fn shutdown_grace(mut self, grace: Duration) -> Self {
        self.shutdown_grace = grace;
        self
    }

    /// Sets [`max_connections`](Self::max_connections).
    #[must_use]
    pub const fn max_connections(mut self, max: usize) -> Self {
        self.max_connections = max;
        self
    }

    /// Sets [`h2_keep_alive_interval`](Self::h2_keep_alive_interval).
    #[must_use]
    pub const fn h2_keep_alive_interval(mut self, interval: Duration) -> Self {
        self.h2_keep_alive_interval = interval;
        self
    }

    /// Sets [`h2_keep_alive_timeout`](Self::h2_keep_alive_timeout).
    #[must_use]
    pub const fn h2_keep_alive_timeout(mut self, timeout: Duration) -> Self {
        self.h2_keep_alive_timeout = timeout;
        self
    }

    /// Sets [`h2_max_concurrent_streams`](Self::h2_max_concurrent_streams).
    #[must_use]
    pub const fn h2_max_concurrent_streams(mut self, max: u32) -> Self {
        self.h2_max_concurrent_streams = max;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_documented_ones() {
        let c = ServeConfig::default();
        assert_eq!(c.header_read, Duration::from_secs(10));
        assert_eq!(c.body_read, Duration::from_secs(10));
        assert_eq!(c.shutdown_grace, Duration::from_secs(10));
        assert_eq!(c.max_connections, 1024);
        assert_eq!(c.h2_keep_alive_interval, Duration::from_secs(20));
        assert_eq!(c.h2_keep_alive_timeout, Duration::from_secs(20));
        assert_eq!(c.h2_max_concurrent_streams, 32);
    }

    #[test]
    fn each_setter_sets_its_own_field() {
        let ms = Duration::from_millis;
        let c = ServeConfig::default()
            .header_read(ms(1))
            .body_read(ms(2))
            .shutdown_grace(ms(3))
            .max_connections(4)
            .h2_keep_alive_interval(ms(5))
            .h2_keep_alive_timeout(ms(6))
            .h2_max_concurrent_streams(7);
        assert_eq!(
            c,
            ServeConfig {
                header_read: ms(1),
                body_read: ms(2),
                shutdown_grace: ms(3),
                max_connections: 4,
                h2_keep_alive_interval: ms(5),
                h2_keep_alive_timeout: ms(6),
                h2_max_concurrent_streams: 7,
            }
        );
    }
}
