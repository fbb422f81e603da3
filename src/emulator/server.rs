//! The HTTP/1.1 accept loop.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinSet;

use super::http::handle;
use super::service::Service;

/// Accepts connections until `stop` fires or its sender is dropped, then closes them all.
pub(crate) async fn run(
    listener: TcpListener,
    service: Arc<Service>,
    mut stop: oneshot::Receiver<()>,
) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stop => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    service.connections.fetch_add(1, Ordering::Relaxed);
                    connections.spawn(serve_connection(stream, Arc::clone(&service)));
                }
                Err(error) => {
                    // Running out of file descriptors is the usual cause; wait for some to free.
                    tracing::warn!(%error, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    connections.shutdown().await;
    tracing::info!("emulator stopped");
}

async fn serve_connection(stream: TcpStream, service: Arc<Service>) {
    if let Err(error) = stream.set_nodelay(true) {
        tracing::debug!(%error, "setting TCP_NODELAY failed");
    }
    let serve = service_fn(move |request| handle(Arc::clone(&service), request));
    let connection = http1::Builder::new().serve_connection(TokioIo::new(stream), serve);
    if let Err(error) = connection.await {
        // Clients hang up mid-request and the fault plan closes connections on purpose.
        tracing::debug!(%error, "connection ended with an error");
    }
}
