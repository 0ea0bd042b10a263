package com.chairside.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

/**
 * An SMTP server that keeps every mail it receives, so that notifications can be read without a real mail system:
 * {@code GET /messages} on the web port lists them as JSON.
 */
public final class MailSink implements AutoCloseable {

	private final GreenMail mail;

	/**
	 * Each received message read once: tests poll {@link #received()} many times a second while thousands of mails
	 * pile up, and reading a multipart message's parts is the costly step. GreenMail keeps one instance per message.
	 */
	private final Map<MimeMessage, Mail> read = new IdentityHashMap<>();

	private HttpServer web;

	private MailSink(GreenMail mail) {
		this.mail = mail;
	}

	public static MailSink start(int smtpPort) {
		ServerSetup setup = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		// Port 0: tests take any free port and ask for it afterwards.
		GreenMail mail = new GreenMail((smtpPort == 0) ? setup.dynamicPort() : setup);
		mail.start();
		return new MailSink(mail);
	}

	public int smtpPort() {
		return this.mail.getSmtp().getPort();
	}

	/** Every received message as (to, subject, body). */
	public List<Mail> received() {
		MimeMessage[] messages = this.mail.getReceivedMessages();
		List<Mail> mails = new ArrayList<>(messages.length);
		synchronized (this.read) {
			for (MimeMessage message : messages) {
				mails.add(this.read.computeIfAbsent(message, MailSink::read));
			}
		}
		return mails;
	}

	private static Mail read(MimeMessage message) {
		try {
			return new Mail(String.valueOf(message.getRecipients(Message.RecipientType.TO)[0]), message.getSubject(),
					text(message.getContent()));
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every received message whole, for a test that reads its attachments. */
	public List<MimeMessage> messages() {
		return List.of(this.mail.getReceivedMessages());
	}

	/** The text of a mail: a multipart one (plain text and HTML alternatives) as its parts one after the other. */
	private static String text(Object content) throws MessagingException, IOException {
		if (content instanceof Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(text(multipart.getBodyPart(i).getContent())).append('\n');
			}
			return text.toString();
		}
		return String.valueOf(content);
	}

	void serveWeb(int port) throws IOException {
		this.web = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		this.web.createContext("/messages", (exchange) -> {
			StringBuilder json = new StringBuilder("[");
			for (Mail m : received()) {
				json.append(json.length() > 1 ? "," : "")
					.append("{\"to\":").append(Json.quote(m.to()))
					.append(",\"subject\":").append(Json.quote(m.subject()))
					.append(",\"body\":").append(Json.quote(m.body())).append('}');
			}
			byte[] body = json.append(']').toString().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.web.start();
	}

	@Override
	public void close() {
		if (this.web != null) {
			this.web.stop(0);
		}
		this.mail.stop();
	}

	public record Mail(String to, String subject, String body) {
	}

	/** {@code MailSink [smtp port] [web port]} */
	public static void main(String[] args) throws Exception {
		int smtp = args.length > 0 ? Integer.parseInt(args[0]) : 2525;
		int web = args.length > 1 ? Integer.parseInt(args[1]) : 8025;
		MailSink sink = start(smtp);
		sink.serveWeb(web);
		Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "mail-sink-shutdown"));
		System.out.println("Mail sink: SMTP on 127.0.0.1:" + smtp + ", received mail at http://127.0.0.1:" + web + "/messages");
		Thread.currentThread().join();
	}

}
