package com.chairside.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.chairside.launcher.FreePorts;

/**
 * A TCP proxy in the test JVM between a service and something it depends on (the store, account-service), so that a
 * test can take the dependency away or slow it down without touching it: {@link #down()} closes every connection and
 * refuses new ones, as a stopped server does; {@link #delay(Duration)} holds every chunk a client sends for a while, as
 * an overloaded server answers late.
 */
final class FaultProxy implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(FaultProxy.class);

	private final String name;

	private final int port;

	private final int target;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket server;

	private volatile Duration delay = Duration.ZERO;

	FaultProxy(String name, int target) {
		this.name = name;
		this.target = target;
		this.port = FreePorts.next();
		up();
	}

	int port() {
		return this.port;
	}

	/** Listens again on the same port. */
	synchronized void up() {
		if (this.server != null) {
			return;
		}
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 512);
			this.server = socket;
			Thread acceptor = new Thread(() -> accept(socket), "proxy-" + this.name + "-accept");
			acceptor.setDaemon(true);
			acceptor.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The dependency is gone: open connections are cut, new ones refused. */
	synchronized void down() {
		if (this.server != null) {
			closeQuietly(this.server);
			this.server = null;
		}
		this.open.forEach(FaultProxy::closeQuietly);
		this.open.clear();
	}

	/** Every chunk a client sends reaches the dependency {@code delay} later ({@link Duration#ZERO}: at once). */
	void delay(Duration delay) {
		this.delay = delay;
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.target);
				client.setTcpNoDelay(true);
				upstream.setTcpNoDelay(true);
				this.open.add(client);
				this.open.add(upstream);
				pipe(client, upstream, true);
				pipe(upstream, client, false);
			}
			catch (IOException ex) {
				if (!socket.isClosed()) {
					log.debug("{} proxy: {}", this.name, ex.toString());
				}
			}
		}
	}

	private void pipe(Socket from, Socket to, boolean delayed) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					Duration hold = this.delay;
					if (delayed && !hold.isZero()) {
						Thread.sleep(hold.toMillis()); // the injected fault itself: a dependency that answers late
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// one side closed: close the other below
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.open.remove(from);
				this.open.remove(to);
			}
		}, "proxy-" + this.name + "-pipe");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(java.io.Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() {
		down();
	}

}
