package com.chairside.launcher;

import java.net.InetAddress;
import java.net.ServerSocket;

/** A part small enough to start in a test: holds its port open until stopped, or leaves at once when told to. */
public final class PortHolder {

	private PortHolder() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 1 && args[1].equals("leave")) {
			System.out.println("leaving at once, as told");
			System.exit(3);
		}
		// said before the port opens: once a client finds it open, the line is in the log
		System.out.println("holding " + args[0]);
		try (ServerSocket socket = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
			while (true) {
				socket.accept().close();
			}
		}
	}

}
