package com.chairside.gateway.apidocs;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The event page shows what a contract says and never runs what it carries. */
class EventContractPageUnitTests {

	private static final String CONTRACT = """
			asyncapi: 3.0.0
			info:
			  title: Hostile <b>events</b>
			  version: 1.0.0
			  description: |
			    Keys are the `orderId`.

			    * one <script>alert(1)</script>
			      continued
			    * an unpaired ` backtick
			servers:
			  local: {host: '127.0.0.1:9092', protocol: kafka, description: '<img src=x onerror=alert(1)>'}
			channels:
			  orders:
			    address: chairside.orders
			    title: Order stream
			    description: Events of the order. "quoted" & 'single'
			    messages:
			      OrderChanged: {$ref: '#/components/messages/OrderChanged'}
			    bindings: {kafka: {partitions: 6}}
			operations:
			  sends:
			    action: send
			    title: order-service publishes
			    x-producer: order-service
			    summary: through its outbox
			    channel: {$ref: '#/channels/orders'}
			    messages: [{$ref: '#/channels/orders/messages/OrderChanged'}]
			  receives:
			    action: receive
			    title: reporting projects
			    x-consumer-group: reporting-service
			    summary: by ce_sequence
			    channel: {$ref: '#/channels/orders'}
			    messages: [{$ref: '#/channels/orders/messages/OrderChanged'}]
			components:
			  schemas:
			    CloudEventHeaders:
			      description: one header each
			      required: [ce_id]
			      properties:
			        ce_id: {type: string, format: uuid, description: the dedupe key}
			        ce_sequence: {type: string, pattern: '^[0-9]+$', description: the version}
			  messages:
			    OrderChanged:
			      title: OrderChanged v1
			      summary: An order was changed.
			      headers:
			        allOf:
			          - $ref: '#/components/schemas/CloudEventHeaders'
			          - properties:
			              ce_type: {const: chairside.order.OrderChanged.v1}
			              ce_source: {const: /chairside/order-service}
			      payload: {$ref: './events/chairside.order.OrderChanged.v1.schema.json'}
			      bindings: {kafka: {key: {description: orderId (the aggregate id)}}}
			""";

	private final String page = EventContractPage.render(Map.of("asyncapi.yaml", CONTRACT,
			"events/chairside.order.OrderChanged.v1.schema.json", "{\"type\":\"object\"}",
			"events/chairside.order.OrderChanged.v1.example.json", "{\"reason\":\"</pre><script>alert(2)</script>\"}")::get);

	@Test
	void escapesEverythingTheContractSays() {
		assertThat(this.page).doesNotContain("<script", "<img", "<b>")
			.contains("Hostile &lt;b&gt;events&lt;/b&gt;", "&lt;img src=x onerror=alert(1)&gt;",
					"&quot;quoted&quot; &amp; &#39;single&#39;", "&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
	}

	@Test
	void marksUpCodeAndListsOnly() {
		assertThat(this.page).contains("Keys are the <code>orderId</code>.",
				"<li>one &lt;script&gt;alert(1)&lt;/script&gt; continued</li>", "<li>an unpaired ` backtick</li>");
	}

	@Test
	void showsTopicsWithTheirProducersAndConsumersAndEachEventWithItsFiles() {
		assertThat(this.page).contains("<article id=\"topic-chairside.orders\">", "order-service <small>publishes</small>",
				"reporting-service <small>consumer group</small>", "<a href=\"#event-OrderChanged\">OrderChanged</a>",
				"<code>chairside.order.OrderChanged.v1</code>", "<code>/chairside/order-service</code>",
				"orderId (the aggregate id)", "<code>ce_sequence</code>", "pattern <code>^[0-9]+$</code>",
				"Payload schema <code>events/chairside.order.OrderChanged.v1.schema.json</code>",
				"Example <code>events/chairside.order.OrderChanged.v1.example.json</code>");
	}

}
