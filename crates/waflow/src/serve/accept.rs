//! Accepting connections without spinning when `accept` fails.

use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};

/// Pause after an `accept` error that is not about one connection (out of file descriptors,
/// out of memory, ...), so the loop does not spin at full CPU while the condition lasts.
pub(super) const BACKOFF: Duration = Duration::from_millis(50);

/// Accepts the next connection. An error that concerns only the connection being accepted (it
/// was reset or aborted before `accept` returned) is skipped at once; any other error is logged
/// and retried after [`BACKOFF`].
pub(super) async fn next(listener: &TcpListener) -> (TcpStream, SocketAddr) {
    loop {
        match listener.accept().await {
            Ok(accepted) => return accepted,
            Err(e) if is_connection_error(&e) => tracing::debug!("accept: {e}"),
            Err(e) => {
                tracing::warn!("accept failed: {e}; retrying in {BACKOFF:?}");
                tokio::time::sleep(BACKOFF).await;
            }
        }
    }
}

/// Whether `e` concerns only the one connection `accept` was about to return.
pub(super) fn is_connection_error(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_of_one_connection_are_told_apart_from_resource_errors() {
        for kind in [
            io::ErrorKind::ConnectionRefused,
            io::ErrorKind::ConnectionAborted,
            io::ErrorKind::ConnectionReset,
        ] {
            assert!(is_connection_error(&io::Error::from(kind)), "{kind:?}");
        }
        // EMFILE / ENFILE / ENOMEM: back off.
        for kind in [io::ErrorKind::OutOfMemory, io::ErrorKind::Other] {
            assert!(!is_connection_error(&io::Error::from(kind)), "{kind:?}");
        }
    }
}
